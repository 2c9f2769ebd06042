"""Keras 2: a Sequential model saved as a SavedModel folder, reloaded and predicted with."""

import os
import sys

import numpy as np
import tensorflow as tf
from _weights import fix_weights, show

export_dir = os.path.join(sys.argv[1], "model")
model = tf.keras.Sequential(
    [tf.keras.Input(shape=(3,), name="x"), tf.keras.layers.Dense(4, activation="relu"), tf.keras.layers.Dense(2)]
)
fix_weights(model)
model.save(export_dir)

x = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]], dtype=np.float32)
reloaded = tf.keras.models.load_model(export_dir)
y = reloaded.predict(x)
show("sequential predict:", y)
