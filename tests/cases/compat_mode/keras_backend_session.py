# codemods: whole-api, compat-mode
# Keras 2's session and learning-phase functions need graph mode and Keras 2: TF 2.21's Keras 3 has
# neither, so the module stays in compatibility mode with `tf.compat.v1.keras`
import tensorflow as tf

tf.keras.backend.set_learning_phase(0)


def serving_tensors(model):
    sess = tf.keras.backend.get_session()
    return sess, model.input, model.output
# output
# Keras 2's session and learning-phase functions need graph mode and Keras 2: TF 2.21's Keras 3 has
# neither, so the module stays in compatibility mode with `tf.compat.v1.keras`
import tensorflow as tf
import os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.keras in graph mode needs Keras 2 (tf_keras)
tf.compat.v1.disable_v2_behavior()

tf.compat.v1.keras.backend.set_learning_phase(0)


def serving_tensors(model):
    sess = tf.compat.v1.keras.backend.get_session()
    return sess, model.input, model.output
# diagnostics
# 5:1: SM120 this module runs in TF1 compatibility mode: TF1 graph code a
# 5:1: SM124 `tf.keras.backend.set_learning_phase` is Keras 3 on TF 2.21,
