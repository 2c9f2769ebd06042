import numpy as np
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            kernel = tf.get_variable("kernel", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
            bias = tf.get_variable("bias", initializer=tf.constant([0.5, -0.5]))
        y = tf.nn.bias_add(tf.matmul(x, kernel), bias, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


export("weights_model")
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.loader.load(sess, ["serve"], "weights_model")
    kernel = sess.run("dense/kernel:0")
    bias = sess.run("dense/bias:0")
    print("kernel sum %.3f bias %s" % (kernel.sum(), bias.tolist()))
    print("y", sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)}).tolist())
