# codemods: native-save, compat-names
# refused (SM319, not SM310): a get_variable made inside a graph expression (inline tf.Variable is hoisted)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.get_variable("k", initializer=4.0), name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319, not SM310): a get_variable made inside a graph expression (inline tf.Variable is hoisted)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.get_variable("k", initializer=4.0), name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 8:28: SM319 not migrated: `tf.get_variable(...)` is created inside a graph expression; a variable becomes a trac
