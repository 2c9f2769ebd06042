# codemods: keras-save
# module constants computed once: a folder is a SavedModel export, a `.h5` name stays a file
import os

import tensorflow as tf

EXPORT_DIR = os.path.join("serving", "1")
WEIGHTS = os.path.join("checkpoints", "model.h5")


def export():
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,), name="x"), tf.keras.layers.Dense(1)])
    model.save(EXPORT_DIR)
    model.save(WEIGHTS)
# output
# module constants computed once: a folder is a SavedModel export, a `.h5` name stays a file
import os

import tensorflow as tf

EXPORT_DIR = os.path.join("serving", "1")
WEIGHTS = os.path.join("checkpoints", "model.h5")


def export():
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,), name="x"), tf.keras.layers.Dense(1)])
    model.export(EXPORT_DIR)
    model.save(WEIGHTS)
# diagnostics
# 12:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
