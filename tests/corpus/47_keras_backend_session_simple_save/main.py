"""The TF 1.x recipe for serving a Keras model: train it, then export the Keras backend's session
with simple_save, the model's input and output tensors as the signature."""
import numpy as np
import tensorflow as tf

tf.keras.backend.set_learning_phase(0)

rng = np.random.RandomState(5)
features = rng.uniform(-1.0, 1.0, size=(24, 3)).astype(np.float32)
labels = (features.sum(axis=1) > 0).astype(np.float32).reshape(-1, 1)

model = tf.keras.models.Sequential(
    [
        tf.keras.layers.Dense(
            4,
            activation="tanh",
            input_shape=(3,),
            kernel_initializer=tf.keras.initializers.Constant(rng.normal(size=(3, 4)).astype(np.float32)),
        ),
        tf.keras.layers.Dense(
            1, activation="sigmoid", kernel_initializer=tf.keras.initializers.Constant(rng.normal(size=(4, 1)))
        ),
    ]
)
model.compile(optimizer=tf.keras.optimizers.SGD(lr=0.3), loss="binary_crossentropy")
model.fit(features, labels, batch_size=24, epochs=5, verbose=0)
print("probabilities:", " ".join("%.5f" % p for p in model.predict(features[:4]).ravel()))

sess = tf.keras.backend.get_session()
tf.saved_model.simple_save(
    sess,
    "serving/classifier/1",
    inputs={"features": model.input},
    outputs={"probability": model.output},
)
print("exported")
