"""Subclassed tf.keras model built on a custom layer, trained with fit and saved as a SavedModel."""
import numpy as np
import tensorflow as tf


class ScaledDense(tf.keras.layers.Layer):
    """Dense layer with a learned per-unit output scale."""

    def __init__(self, units, seed, **kwargs):
        super(ScaledDense, self).__init__(**kwargs)
        self.units = units
        self.seed = seed

    def build(self, input_shape):
        init = np.random.RandomState(self.seed).uniform(-0.4, 0.4, size=(int(input_shape[-1]), self.units))
        self.kernel = self.add_weight(
            name="kernel",
            shape=(int(input_shape[-1]), self.units),
            initializer=tf.keras.initializers.Constant(init.astype("float32")),
        )
        self.scale = self.add_weight(name="scale", shape=(self.units,), initializer="ones")
        super(ScaledDense, self).build(input_shape)

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel) * self.scale


class TinyNet(tf.keras.Model):
    def __init__(self):
        super(TinyNet, self).__init__()
        self.block = ScaledDense(5, seed=11, name="block")
        self.head = ScaledDense(1, seed=12, name="head")

    def call(self, inputs):
        return self.head(tf.nn.relu(self.block(inputs)))


x = np.linspace(-1.0, 1.0, 30, dtype=np.float32).reshape(10, 3)
y = np.sin(x.sum(axis=1, keepdims=True)).astype(np.float32)

net = TinyNet()
net.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1), loss="mse")
hist = net.fit(x, y, batch_size=10, epochs=5, verbose=0)
print("losses:", ["%.5f" % v for v in hist.history["loss"]])
print("pred:", ["%.5f" % v for v in net.predict(x[:3], verbose=0).ravel()])
print("weights:", len(net.trainable_weights))

net.save("saved_tinynet", save_format="tf")
