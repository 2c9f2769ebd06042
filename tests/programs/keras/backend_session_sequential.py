"""The TF 1.x Keras serving recipe: learning phase 0, build, compile with `lr=`, fit, predict, then
export the backend session with simple_save and the model's own input/output tensors.

argv: export_dir. Prints rounded predictions (before the export) and "exported".
"""

import sys

import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

K.set_learning_phase(0)

rng = np.random.RandomState(11)
x = rng.uniform(-1.0, 1.0, size=(32, 4)).astype(np.float32)
y = (x[:, :2].sum(axis=1) > x[:, 2:].sum(axis=1)).astype(np.float32).reshape(-1, 1)

model = tf.keras.Sequential(
    [
        tf.keras.layers.Dense(
            5, activation="relu", input_shape=(4,), kernel_initializer=tf.keras.initializers.Constant(0.3)
        ),
        tf.keras.layers.Dense(1, activation="sigmoid", kernel_initializer=tf.keras.initializers.Constant(-0.2)),
    ]
)
model.compile(optimizer=tf.keras.optimizers.SGD(lr=0.5, momentum=0.1), loss="binary_crossentropy")
model.fit(x, y, batch_size=32, epochs=3, verbose=0)
print("predict:", " ".join("%.5f" % p for p in model.predict(x[:5]).ravel()))

sess = K.get_session()
tf.saved_model.simple_save(sess, sys.argv[1], inputs={"features": model.input}, outputs={"probability": model.output})
print("exported")
