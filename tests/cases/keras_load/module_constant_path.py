# codemods: keras-load
# a module constant computed once with os.path.join is a path whose format the code shows
import os

import tensorflow as tf

MODEL_DIR = os.path.join("models", "regressor")
BEST = os.path.join("models", "best")
H5_PATH = os.path.join("models", "weights.h5")


def predict(x):
    model = tf.keras.models.load_model(MODEL_DIR)
    scores = model.predict(x)
    return scores


def predict_h5(x):
    return tf.keras.models.load_model(H5_PATH).predict(x)


def pick_best(path):
    global BEST
    BEST = path


def predict_best(x):
    model = tf.keras.models.load_model(BEST)
    return model.predict(x)
# output
# a module constant computed once with os.path.join is a path whose format the code shows
import os

import tensorflow as tf

MODEL_DIR = os.path.join("models", "regressor")
BEST = os.path.join("models", "best")
H5_PATH = os.path.join("models", "weights.h5")


def predict(x):
    model = tf.keras.layers.TFSMLayer(MODEL_DIR, call_endpoint="serving_default")
    scores = {k: v.numpy() for k, v in model(x).items()}
    scores = next(iter(scores.values())) if len(scores) == 1 else scores
    return scores


def predict_h5(x):
    return tf.keras.models.load_model(H5_PATH).predict(x)


def pick_best(path):
    global BEST
    BEST = path


def predict_best(x):
    model = tf.keras.models.load_model(BEST)
    return model.predict(x)
# diagnostics
# 12:13: SM626 loaded with `TFSMLayer`, which calls the `serving_default` s
# 27:40: SM621 `tf.keras.models.load_model(...)` left as is: Keras 3 loads 
