"""TF1 training script: a linear model trained a few steps by a function that gets the session from
its caller and exports it (simple_save on a session parameter, in a function with a loop that
native-save cannot inline: SM301, bridged)."""
import sys

import numpy as np
import tensorflow as tf


def train_and_export(sess, export_dir, x, y, train_op, data):
    for _ in range(5):
        sess.run(train_op, feed_dict={x: data})
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def main(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.get_variable("w", initializer=tf.constant([[0.5], [-1.0], [2.0]]))
        b = tf.Variable(0.25, name="b")
        y = tf.add(tf.matmul(x, w), b, name="y")
        target = tf.constant([[1.0], [2.0]])
        loss = tf.reduce_mean(tf.square(y - target))
        train_op = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
        data = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 1.5]], np.float32)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            train_and_export(sess, export_dir, x, y, train_op, data)


if __name__ == "__main__":
    main(sys.argv[1])
