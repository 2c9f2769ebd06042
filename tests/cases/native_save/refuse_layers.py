# codemods: native-save, compat-names
# refused (SM319, SM310): a dense layer with random initial values, a layer inside an expression, conv2d,
# dropout that may be training
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        y = tf.layers.dense(x, 1, name="y")
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def nested(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.nn.softmax(tf.layers.dense(x, 2, kernel_initializer=tf.zeros_initializer()))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def conv(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4, 4, 1], name="x")
        y = tf.layers.conv2d(x, 2, 3, kernel_initializer=tf.zeros_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def dropout_training(export_dir, is_training):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.layers.dropout(x, 0.5, training=is_training)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319, SM310): a dense layer with random initial values, a layer inside an expression, conv2d,
# dropout that may be training
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        y = tf.layers.dense(x, 1, name="y")
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def nested(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.nn.softmax(tf.layers.dense(x, 2, kernel_initializer=tf.zeros_initializer()))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def conv(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4, 4, 1], name="x")
        y = tf.layers.conv2d(x, 2, 3, kernel_initializer=tf.zeros_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def dropout_training(export_dir, is_training):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.layers.dropout(x, 0.5, training=is_training)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 9:13: SM319 not migrated: the kernel initializer of `y` is random (no initializer given: tf.layers uses glorot_uniform)
# 17:27: SM310 not migrated: `tf.layers.dense` is called inside an expression
# 24:13: SM310 not migrated: `tf.layers.conv2d` is a TF1 layer native-save does not migrate (only tf.layers.dense, dropout and flatten are)
# 31:48: SM310 not migrated: `training=` is not `False`: the dropout may be active when the TF1 graph runs
