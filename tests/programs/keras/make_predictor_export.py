"""TF1 (test setup): a SavedModel with y = 0.5 x + 2 and an int output, for the predictor programs."""

import sys

import tensorflow as tf

x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
w = tf.Variable(0.5, name="w")
y = tf.add(w * x, 2.0, name="y")
n = tf.cast(tf.round(y), tf.int64, name="n")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    tf.saved_model.simple_save(sess, sys.argv[1], inputs={"x": x}, outputs={"y": y, "n": n})
