"""Keras 2: a model saved with its own serving signature (model.save(dir, signatures=...))."""

import os
import sys

import numpy as np
import tensorflow as tf
from _weights import fix_weights, show

export_dir = os.path.join(sys.argv[1], "model")
model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(3, activation="softmax")])
fix_weights(model)


@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32, name="features")])
def serve(features):
    probabilities = model(features)
    return {"probabilities": probabilities, "label": tf.argmax(probabilities, axis=-1)}


model.save(export_dir, signatures={"serving_default": serve})

served = tf.saved_model.load(export_dir).signatures["serving_default"]
result = served(features=tf.constant(np.array([[1.0, -1.0], [0.5, 2.0]], dtype=np.float32)))
show("probabilities:", result["probabilities"])
show("label:", result["label"])
