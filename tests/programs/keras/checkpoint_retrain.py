"""Keras 2: a model saved to a folder that is reloaded to keep training (a Keras checkpoint)."""

import os
import sys

import numpy as np
import tensorflow as tf
from _weights import fix_weights, show

os.chdir(sys.argv[1])
inputs = tf.keras.Input(shape=(2,), name="features")
model = tf.keras.Model(inputs, tf.keras.layers.Dense(1, name="price")(inputs))
fix_weights(model)
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1), loss="mse")
x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
y = np.array([[1.0], [2.0]], dtype=np.float32)
model.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)
model.save("checkpoint")

resumed = tf.keras.models.load_model("checkpoint")
resumed.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)
show("resumed weights:", np.concatenate([w.ravel() for w in resumed.get_weights()]))
