"""Keras 2: a functional model with two inputs and dict outputs, saved with save_format="tf"."""

import os
import sys

import tensorflow as tf
from _weights import fix_weights, show

export_dir = os.path.join(sys.argv[1], "model")
a = tf.keras.Input(shape=(3,), name="a")
b = tf.keras.Input(shape=(2,), name="b")
joined = tf.keras.layers.Concatenate()([a, b])
outputs = {
    "score": tf.keras.layers.Dense(1, name="score")(joined),
    "logits": tf.keras.layers.Dense(2, name="logits")(joined),
}
model = tf.keras.Model(inputs=[a, b], outputs=outputs)
fix_weights(model)
model.save(export_dir, save_format="tf")

served = tf.saved_model.load(export_dir).signatures["serving_default"]
result = served(a=tf.constant([[1.0, 2.0, 3.0]]), b=tf.constant([[0.5, -0.5]]))
for key in sorted(result):
    show(f"{key}:", result[key])
