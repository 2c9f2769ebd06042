# codemods: whole-api, compat-mode
# a comment naming TF_USE_LEGACY_KERAS does not count as setting it: the line is still added
import tensorflow as tf


def build(x):
    # TODO: TF_USE_LEGACY_KERAS may be needed here
    return tf.layers.dense(x, 4)
# output
# a comment naming TF_USE_LEGACY_KERAS does not count as setting it: the line is still added
import tensorflow as tf
import os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.compat.v1.layers needs Keras 2 (tf_keras)
tf.compat.v1.disable_v2_behavior()


def build(x):
    # TODO: TF_USE_LEGACY_KERAS may be needed here
    return tf.compat.v1.layers.dense(x, 4)
# diagnostics
# 7:12: SM120 this module runs in TF1 compatibility mode: TF1 graph code at line 7 (`tf.compat.v1.layers.dense`) keeps it there; `disable_v2_behavior()` right after its TensorFlow import runs it as on TF 1.x. Migrate those lines to TF2 (eager variables, tf.function, tf.Module) to run it natively
# 7:12: SM124 `tf.compat.v1.layers.dense` is served on TF 2.21 by the Keras 2 package only: the program needs `pip install tf_keras`, and TF_USE_LEGACY_KERAS=1 is set after the TensorFlow import (it makes `tf.keras` Keras 2 for the whole program, as on TF 1.x); migrating to Keras 3 layers removes both
