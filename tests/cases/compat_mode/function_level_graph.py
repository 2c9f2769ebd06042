# codemods: whole-api, compat-mode
# graph code left after the native codemods: the module runs in TF1 compatibility mode
import os

import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    return x, tf.layers.dense(x, 1)


def main():
    x, y = build()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(sess.run(y, {x: [[1.0, 2.0, 3.0]]}))
# output
# graph code left after the native codemods: the module runs in TF1 compatibility mode
import os

import tensorflow as tf
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.compat.v1.layers needs Keras 2 (tf_keras)
tf.compat.v1.disable_v2_behavior()


def build():
    x = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    return x, tf.compat.v1.layers.dense(x, 1)


def main():
    x, y = build()
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        print(sess.run(y, {x: [[1.0, 2.0, 3.0]]}))
# diagnostics
# 8:9: SM120 TF1 graph code at line 8 (`tf.compat.v1.placeholder`), line 9 (`tf.compat.v1.layers.dense`), line 14 (`tf.compat.v1.Session`) and 1 more keeps it there
# 9:15: SM124 is served on TF 2.21 by the Keras 2 package only
