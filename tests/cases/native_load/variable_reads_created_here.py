# codemods: native-load, compat-names
# reads of variables this module's TF1 code creates are pruned at their `/read` identity
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            kernel = tf.get_variable("kernel", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
        y = tf.matmul(x, kernel, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def weights(path):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], path)
        return sess.run("dense/kernel:0")
# output
# reads of variables this module's TF1 code creates are pruned at their `/read` identity
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            kernel = tf.get_variable("kernel", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
        y = tf.matmul(x, kernel, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.compat.v1.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def weights(path):
    loaded = tf.saved_model.load(path, tags=["serve"])
    pruned = loaded.prune([], "dense/kernel/read:0")
    return pruned().numpy()
# diagnostics
# 19:16: SM220 hard-coded tensor names (dense/kernel/read:0) are fetched with `.prune`
