import numpy as np
import tensorflow as tf


def tower(x, reuse):
    with tf.variable_scope("tower", reuse=reuse):
        w = tf.get_variable("w", shape=[3, 2], initializer=tf.constant_initializer(0.25))
        b = tf.get_variable("b", shape=[2], initializer=tf.zeros_initializer())
        return tf.nn.sigmoid(tf.matmul(x, w) + b)


def shared_bias():
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        return tf.get_variable("offset", [], initializer=tf.constant_initializer(0.75))


def main():
    left = tf.placeholder(tf.float32, [None, 3], name="left")
    right = tf.placeholder(tf.float32, [None, 3], name="right")
    a = tower(left, reuse=False)
    c = tower(right, reuse=True)
    score = tf.reduce_sum(a * c, axis=1) + shared_bias() + shared_bias()
    print("variables:", sorted(v.name for v in tf.global_variables()))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        s = sess.run(score, {left: np.ones((2, 3)), right: [[0, 1, 2], [3, 4, 5]]})
        print("score: %s" % " ".join("%.6f" % v for v in s))
        tf.saved_model.simple_save(sess, "siamese", {"left": left, "right": right}, {"score": score})


main()
