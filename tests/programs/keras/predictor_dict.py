"""TF1: tf.contrib.predictor.from_saved_model and a call with a feed dict."""

import sys

import numpy as np
import tensorflow as tf

export_dir = sys.argv[1]
predict_fn = tf.contrib.predictor.from_saved_model(export_dir, signature_def_key="serving_default")
outputs = predict_fn({"x": np.array([[1.0], [4.0]])})
for key in sorted(outputs):
    print(key, outputs[key].dtype, np.round(outputs[key], 4).tolist())
