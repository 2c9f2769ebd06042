# codemods: whole-api, compat-mode
# TF1's RNN cells are served on TF 2.21 by Keras 2 only ("not available with Keras 3"), even outside
# graph code: a compatibility-mode module using one is switched to Keras 2 as well
import tensorflow as tf

inputs = tf.placeholder(tf.float32, [None, 5, 3])
cell = tf.nn.rnn_cell.BasicLSTMCell(4)
outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
# output
# TF1's RNN cells are served on TF 2.21 by Keras 2 only ("not available with Keras 3"), even outside
# graph code: a compatibility-mode module using one is switched to Keras 2 as well
import tensorflow as tf
import os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.compat.v1.layers needs Keras 2 (tf_keras)
tf.compat.v1.disable_v2_behavior()

inputs = tf.compat.v1.placeholder(tf.float32, [None, 5, 3])
cell = tf.compat.v1.nn.rnn_cell.BasicLSTMCell(4)
outputs, state = tf.compat.v1.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
# diagnostics
# 5:10: SM120 this module runs in TF1 compatibility mode: TF1 graph code at line 5 (`tf.compat.v1.placeholder`) keeps it there; `disable_v2_behavior()` right after its TensorFlow import runs it as on TF 1.x. Migrate those lines to TF2 (eager variables, tf.function, tf.Module) to run it natively
# 6:8: SM124 `tf.compat.v1.nn.rnn_cell.BasicLSTMCell` is served on TF 2.21 by the Keras 2 package only: the program needs `pip install tf_keras`, and TF_USE_LEGACY_KERAS=1 is set after the TensorFlow import (it makes `tf.keras` Keras 2 for the whole program, as on TF 1.x); migrating to Keras 3 layers removes both
