"""Keras 2: a saved model reloaded as the frozen base of a new model (transfer learning)."""

import os
import sys

import numpy as np
import tensorflow as tf
from _weights import fix_weights, show

base_dir = os.path.join(sys.argv[1], "base")
inputs = tf.keras.Input(shape=(3,), name="pixels")
base = tf.keras.Model(inputs, tf.keras.layers.Dense(4, activation="tanh", name="embedding")(inputs))
fix_weights(base)
base.save(base_dir)

frozen = tf.keras.models.load_model(base_dir)
frozen.trainable = False
new_inputs = tf.keras.Input(shape=(3,))
features = frozen(new_inputs)
head = tf.keras.layers.Dense(1, name="head")
model = tf.keras.Model(new_inputs, head(features))
head.set_weights([np.full((4, 1), 0.5, dtype=np.float32), np.array([0.25], dtype=np.float32)])
show("transfer predict:", model.predict(np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]], dtype=np.float32), verbose=0))
show("trainable weights:", [len(model.trainable_weights)])
