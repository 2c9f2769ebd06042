# load_model(dir) of a SavedModel folder, only predicted with: TFSMLayer and NumPy results
import numpy as np
import tensorflow as tf


def predict(export_dir, x):
    model_dir = export_dir + "/model"
    model = tf.keras.models.load_model(model_dir, compile=False)
    scores = model.predict(x, batch_size=64, verbose=0)
    print(np.argmax(scores, axis=-1))
    return scores
# output
# load_model(dir) of a SavedModel folder, only predicted with: TFSMLayer and NumPy results
import numpy as np
import tensorflow as tf


def predict(export_dir, x):
    model_dir = export_dir + "/model"
    model = tf.keras.layers.TFSMLayer(model_dir, call_endpoint="serving_default")
    scores = {k: v.numpy() for k, v in model(x).items()}
    scores = next(iter(scores.values())) if len(scores) == 1 else scores
    print(np.argmax(scores, axis=-1))
    return scores
# diagnostics
# 8:13: SM626 loaded with `TFSMLayer`, which calls the `serving_default` s
