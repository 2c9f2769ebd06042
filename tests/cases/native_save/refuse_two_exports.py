# codemods: native-save, compat-names
# refused (SM318): two exports in one block
import tensorflow as tf


def export(export_dir, other_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
        tf.saved_model.simple_save(sess, other_dir, {"x": x}, {"y": y})
# output
# refused (SM318): two exports in one block
import tensorflow as tf


def export(export_dir, other_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
        tf.compat.v1.saved_model.simple_save(sess, other_dir, {"x": x}, {"y": y})
# diagnostics
# 10:9: SM318 not migrated: a second export in the same block; split it into one blo
