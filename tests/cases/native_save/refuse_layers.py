# codemods: native-save, compat-names
# refused (SM319): tf.layers.dense without kernel_initializer starts from random (glorot_uniform) values
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        y = tf.layers.dense(x, 1, name="y")
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319): tf.layers.dense without kernel_initializer starts from random (glorot_uniform) values
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        y = tf.layers.dense(x, 1, name="y")
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 8:13: SM319 not migrated: the kernel initializer of `y` is random (no initializer given: tf.layers uses glorot_uniform)
