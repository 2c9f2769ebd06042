"""Train, checkpoint with tf.train.Saver, rebuild the graph, restore and export (a common two-phase script)."""
import os

import numpy as np
import tensorflow as tf

CKPT_DIR = "checkpoints"


def build():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.get_variable("w", [2, 1], initializer=tf.constant_initializer(0.0))
    y = tf.matmul(x, w, name="y")
    return x, y, w


def train():
    tf.reset_default_graph()
    x, y, w = build()
    target = tf.placeholder(tf.float32, [None, 1])
    loss = tf.reduce_mean((y - target) ** 2)
    step = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    saver = tf.train.Saver()
    data = np.array([[1, 0], [0, 1], [1, 1]], np.float32)
    labels = np.array([[2], [-1], [1]], np.float32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(30):
            sess.run(step, {x: data, target: labels})
        print("trained w:", " ".join("%.5f" % v for v in sess.run(w).ravel()))
        os.makedirs(CKPT_DIR, exist_ok=True)
        return saver.save(sess, os.path.join(CKPT_DIR, "model.ckpt"), global_step=30)


def export(ckpt):
    tf.reset_default_graph()
    x, y, _ = build()
    saver = tf.train.Saver()
    with tf.Session() as sess:
        saver.restore(sess, tf.train.latest_checkpoint(CKPT_DIR))
        print("restored from", os.path.basename(ckpt))
        print("y:", " ".join("%.5f" % v for v in sess.run(y, {x: [[1.0, 1.0], [2.0, -1.0]]}).ravel()))
        tf.saved_model.simple_save(sess, "served", inputs={"x": x}, outputs={"y": y})


export(train())
