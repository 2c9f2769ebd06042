# codemods: native-save, compat-names
# refused (SM321): the evaluated tensor is built in another function, and the message says so
import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    return x, tf.reduce_sum(x * 2.0, axis=1, name="y")


def export(export_dir, batch, x, y):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            print(sess.run(y, {x: batch}))
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM321): the evaluated tensor is built in another function, and the message says so
import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    return x, tf.reduce_sum(x * 2.0, axis=1, name="y")


def export(export_dir, batch, x, y):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            print(sess.run(y, {x: batch}))
            tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 13:19: SM321 not migrated: `sess.run` fetches `y`, which is not a graph tensor, variable or train op built in this block; compute it after the migration by calling the signature function
