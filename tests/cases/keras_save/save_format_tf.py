# save_format="tf" (rejected by Keras 3) and save_model(model, dir): the serving export
import os

import tensorflow as tf
from tensorflow.keras.models import save_model


def export(model_dir):
    inputs = tf.keras.Input(shape=(4,), name="features")
    model = tf.keras.Model(inputs, tf.keras.layers.Dense(1, name="score")(inputs))
    export_dir = os.path.join(model_dir, "serving")
    model.save(export_dir, save_format="tf", include_optimizer=False)
    tf.keras.models.save_model(model, os.path.join(model_dir, "copy"), overwrite=True)


def export_bare(model):
    save_model(model, "exports/bare")
# output
# save_format="tf" (rejected by Keras 3) and save_model(model, dir): the serving export
import os

import tensorflow as tf


def export(model_dir):
    inputs = tf.keras.Input(shape=(4,), name="features")
    model = tf.keras.Model(inputs, tf.keras.layers.Dense(1, name="score")(inputs))
    export_dir = os.path.join(model_dir, "serving")
    model.export(export_dir)
    model.export(os.path.join(model_dir, "copy"))


def export_bare(model):
    model.export("exports/bare")
# diagnostics
# 12:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
# 13:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
# 17:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
