# codemods: native-save, compat-names
# refused (SM301): an exporting helper used by two blocks is not inlined (it would be one export in two
# places); the diagnostic says so
import tensorflow as tf


def layer(x):
    w = tf.Variable(tf.ones([2, 2]), name="w")
    return tf.matmul(x, w)


def save(sess, x, y, path):
    tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def one(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(x)
        sess.run(tf.global_variables_initializer())
        save(sess, x, y, export_dir)


def two(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(layer(x))
        sess.run(tf.global_variables_initializer())
        save(sess, x, y, export_dir)
# output
# refused (SM301): an exporting helper used by two blocks is not inlined (it would be one export in two
# places); the diagnostic says so
import tensorflow as tf


def layer(x):
    w = tf.Variable(tf.ones([2, 2]), name="w")
    return tf.matmul(x, w)


def save(sess, x, y, path):
    tf.compat.v1.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def one(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(x)
        sess.run(tf.global_variables_initializer())
        save(sess, x, y, export_dir)


def two(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(layer(x))
        sess.run(tf.global_variables_initializer())
        save(sess, x, y, export_dir)
# diagnostics
# 12:5: SM301 not migrated: this export is in `save`, a helper used 2 times in this module; native-save inlines an exporting helper only into the one block that calls it — call it once (one helper per export), or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
