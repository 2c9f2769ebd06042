"""Train a small tf.keras classifier for a few epochs and export it for TensorFlow Serving."""
import numpy as np
import tensorflow as tf

EXPORT_DIR = "export/1"  # TF Serving loads numbered versions under the model base path

rng = np.random.RandomState(42)
W1 = rng.normal(scale=0.5, size=(4, 8)).astype(np.float32)
W2 = rng.normal(scale=0.5, size=(8, 3)).astype(np.float32)

x_train = rng.uniform(-1.0, 1.0, size=(32, 4)).astype(np.float32)
y_train = (x_train[:, 0] + x_train[:, 1] > 0).astype(np.int64) + (x_train[:, 2] > 0.5).astype(np.int64)


def build_model():
    model = tf.keras.Sequential(
        [
            tf.keras.layers.InputLayer(input_shape=(4,), name="features"),
            tf.keras.layers.Dense(
                8,
                activation="relu",
                kernel_initializer=tf.keras.initializers.Constant(W1),
                bias_initializer="zeros",
                name="hidden",
            ),
            tf.keras.layers.Dense(
                3, activation="softmax", kernel_initializer=tf.keras.initializers.Constant(W2), name="probabilities"
            ),
        ]
    )
    model.compile(
        optimizer=tf.keras.optimizers.SGD(learning_rate=0.1),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = build_model()
model.summary(print_fn=lambda line: None)
history = model.fit(x_train, y_train, batch_size=8, epochs=3, shuffle=False, verbose=0)
for epoch, loss in enumerate(history.history["loss"]):
    print("epoch %d loss %.5f" % (epoch, loss))

probs = model.predict(x_train[:4], verbose=0)
print("probs:", " ".join("%.5f" % p for p in probs.ravel()))
print("classes:", np.argmax(probs, axis=1).tolist())

model.save(EXPORT_DIR, save_format="tf")
print("exported to", EXPORT_DIR)
