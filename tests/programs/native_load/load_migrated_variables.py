"""A script that exports (a function taking the directory, called once with a literal) and then
reads the loaded model by hard-coded names: two variables and the signature's tensors.

Run as TF1, the export is a TF1 SavedModel read by tensor names. Rewritten, native-save migrates the
export to tf.saved_model.save (its directory is known from the one call) and native-load reads the
variables as the saved tf.Module's attributes and the tensors through the signature's keys.
Variables: `dense/kernel` (get_variable under variable_scope), `scale/factor` (tf.Variable under
variable_scope). Run with a fresh working directory: it writes `migrated_variables_model` there.
"""

import numpy as np
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            kernel = tf.get_variable("kernel", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
        with tf.variable_scope("scale"):
            factor = tf.Variable(3.0, name="factor")
        y = tf.multiply(tf.matmul(x, kernel), factor, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


export("migrated_variables_model")
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.loader.load(sess, ["serve"], "migrated_variables_model")
    kernel = sess.run("dense/kernel:0")
    both = sess.run(["dense/kernel:0", "scale/factor:0"])
    print("kernel", repr(kernel), type(kernel).__name__)
    print("both", repr(both), type(both).__name__, type(both[1]).__name__)
    print("y", repr(sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)})))
