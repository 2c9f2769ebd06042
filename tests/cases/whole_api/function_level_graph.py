# a TF1 training script as projects write it: every TF1 name gets its TF 2.21 spelling
import numpy as np
import tensorflow as tf

FEATURES = {"x": tf.FixedLenFeature([3], tf.float32), "id": tf.VarLenFeature(tf.int64)}


def build(x):
    w = tf.get_variable("w", shape=[3, 1], initializer=tf.zeros_initializer())
    y = tf.matmul(x, w)
    return tf.nn.dropout(y, keep_prob=0.5), tf.reduce_sum(y, keep_dims=True)


def main(path):
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [None, 3])
    with tf.gfile.GFile(path) as fh:
        tf.logging.info("read %s", fh.read())
    sess = tf.InteractiveSession()
    sess.run(tf.global_variables_initializer())
    print(sess.run(build(x), {x: np.ones((1, 3))}))
# output
# a TF1 training script as projects write it: every TF1 name gets its TF 2.21 spelling
import numpy as np
import tensorflow as tf

FEATURES = {"x": tf.io.FixedLenFeature([3], tf.float32), "id": tf.io.VarLenFeature(tf.int64)}


def build(x):
    w = tf.compat.v1.get_variable("w", shape=[3, 1], initializer=tf.compat.v1.zeros_initializer())
    y = tf.matmul(x, w)
    return tf.compat.v1.nn.dropout(y, keep_prob=0.5), tf.compat.v1.reduce_sum(y, keep_dims=True)


def main(path):
    tf.compat.v1.reset_default_graph()
    x = tf.compat.v1.placeholder(tf.float32, [None, 3])
    with tf.io.gfile.GFile(path) as fh:
        tf.compat.v1.logging.info("read %s", fh.read())
    sess = tf.compat.v1.InteractiveSession()
    sess.run(tf.compat.v1.global_variables_initializer())
    print(sess.run(build(x), {x: np.ones((1, 3))}))
