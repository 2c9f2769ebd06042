# the predictor module was the only TensorFlow import: `import tensorflow as tf` takes its place, blank lines kept
from tensorflow.contrib import predictor


def predict(export_dir, x):
    fn = predictor.from_saved_model(export_dir, signature_def_key="predict")
    return fn({"x": x})["y"]
# output
# the predictor module was the only TensorFlow import: `import tensorflow as tf` takes its place, blank lines kept
import tensorflow as tf


def predict(export_dir, x):
    fn_loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    fn = fn_loaded.signatures["predict"]
    return {k: v.numpy() for k, v in fn(x=x).items()}["y"]
