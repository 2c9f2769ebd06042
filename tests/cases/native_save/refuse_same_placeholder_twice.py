# codemods: native-save, compat-names
# refused (SM317): one placeholder under two input keys
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x, "x_again": x}, {"y": y})
# output
# refused (SM317): one placeholder under two input keys
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x, "x_again": x}, {"y": y})
# diagnostics
# 9:9: SM317 not migrated: signature `serving_default` feeds one placeholder under
