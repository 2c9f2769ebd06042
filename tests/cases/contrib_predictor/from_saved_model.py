# tf.contrib.predictor: a loaded signature function returning the same dict of NumPy arrays
import numpy as np
import tensorflow as tf
from tensorflow.contrib import predictor


def score(export_dir, batch):
    predict_fn = predictor.from_saved_model(export_dir, signature_def_key="predict", tags=["serve"])
    outputs = predict_fn({"x": batch, "class-weights": np.ones(3)})
    return outputs["scores"]


default_fn = tf.contrib.predictor.from_saved_model("exports/1")
print(default_fn({"x": np.zeros((1, 2))}))
# output
# tf.contrib.predictor: a loaded signature function returning the same dict of NumPy arrays
import numpy as np
import tensorflow as tf


def score(export_dir, batch):
    predict_fn_loaded = tf.saved_model.load(export_dir, tags=["serve"])
    predict_fn = predict_fn_loaded.signatures["predict"]
    outputs = {k: v.numpy() for k, v in predict_fn(**{"x": batch, "class-weights": np.ones(3)}).items()}
    return outputs["scores"]


default_fn_loaded = tf.saved_model.load("exports/1", tags=[tf.saved_model.SERVING])
default_fn = default_fn_loaded.signatures["serving_default"]
print({k: v.numpy() for k, v in default_fn(x=np.zeros((1, 2))).items()})
