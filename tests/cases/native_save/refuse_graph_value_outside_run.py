# codemods: native-save, compat-names
# refused (SM311): a graph tensor used outside sess.run has no eager equivalent
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        print("output tensor:", y.name)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM311): a graph tensor used outside sess.run has no eager equivalent
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        print("output tensor:", y.name)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 9:9: SM311 not migrated: this statement uses graph values outside `sess.run`, whi
