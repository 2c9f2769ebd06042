# codemods: native-save, compat-names
# refused (SM319, not SM310): a variable created inside a graph expression is not its own statement
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.Variable(4.0, name="k"), name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319, not SM310): a variable created inside a graph expression is not its own statement
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.Variable(4.0, name="k"), name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 8:28: SM319 not migrated: `tf.Variable(...)` is created inside a graph expression; a variable becomes
