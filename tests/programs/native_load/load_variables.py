"""Reads of the loaded variables by name (TF1), the export written by this module's own TF1 code.

argv: export_dir, then "export" (TF1 run: export, then load) or "load" (the rewritten program on
TF2: the export is the TF1 one already written). Variables: `dense/kernel`, `dense/bias`
(get_variable under variable_scope) and `scale/factor` (tf.Variable under name_scope).
"""

import sys

import numpy as np
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            kernel = tf.get_variable("kernel", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
            bias = tf.get_variable("bias", initializer=tf.constant([0.5, -0.5]))
        with tf.name_scope("scale"):
            factor = tf.Variable(3.0, name="factor")
        y = tf.multiply(tf.nn.bias_add(tf.matmul(x, kernel), bias), factor, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def load(path):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], path)
        kernel = sess.run("dense/kernel:0")
        bias, factor = sess.run(["dense/bias:0", "scale/factor:0"])
        print("kernel", repr(kernel), type(kernel).__name__)
        print("bias", repr(bias), "factor", repr(factor), type(factor).__name__)
        print("y", repr(sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)})))


if __name__ == "__main__":
    if sys.argv[2] == "export":
        export(sys.argv[1])
    load(sys.argv[1])
