"""TF1 export written against `tensorflow.compat.v1` (without disabling v2 behaviour), using
TF1-only spellings (`tf.log`) that native-save moves, and a variable loaded from Python values."""
import sys

import tensorflow.compat.v1 as tf


def export(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        with sess.graph.as_default():
            x = tf.placeholder(tf.float32, [None, 2], name="x")
            w = tf.Variable([1.0, 1.0], name="w")
            y = tf.log(1.0 + tf.exp(x * w), name="softplus")
            sess.run(tf.global_variables_initializer())
            w.load([0.5, -3.0], sess)
            w.load(sess.run(w) * 2.0, sess)
            print("weights:", sess.run(w))
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"softplus": y})


if __name__ == "__main__":
    export(sys.argv[1])
