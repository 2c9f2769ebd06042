# codemods: native-save, compat-names
# refused (SM319): a tf.Variable argument TF2 does not accept
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w", collections=[tf.GraphKeys.LOCAL_VARIABLES])
        y = tf.identity(x * w, name="y")
        sess.run(tf.local_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319): a tf.Variable argument TF2 does not accept
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w", collections=[tf.GraphKeys.LOCAL_VARIABLES])
        y = tf.identity(x * w, name="y")
        sess.run(tf.local_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 8:40: SM319 not migrated: `collections=` has no TF2 equivalent on tf.Variable; dro
