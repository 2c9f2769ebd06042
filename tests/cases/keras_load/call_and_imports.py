# `from tensorflow.keras.models import load_model`, and a direct call keeps returning tensors
import os

from tensorflow.keras.models import load_model

MODEL_DIR = os.path.join("exports", "classifier")

classifier = load_model(MODEL_DIR)
logits = classifier(features)
# output
# `from tensorflow.keras.models import load_model`, and a direct call keeps returning tensors
import os
import tensorflow as tf

MODEL_DIR = os.path.join("exports", "classifier")

classifier = tf.keras.layers.TFSMLayer(MODEL_DIR, call_endpoint="serving_default")
logits = classifier(features)
logits = next(iter(logits.values())) if len(logits) == 1 else logits
# diagnostics
# 8:14: SM626 loaded with `TFSMLayer`, which calls the `serving_default` s
