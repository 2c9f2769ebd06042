"""Model definition shared by the training script and the evaluation notebook."""
import tensorflow as tf

FEATURES = 3


def build_inputs():
    x = tf.placeholder(tf.float32, [None, FEATURES], name="x")
    y = tf.placeholder(tf.float32, [None, 1], name="y")
    return x, y


def linear_model(x, reuse=False):
    with tf.variable_scope("linear", reuse=reuse):
        w = tf.get_variable("weights", [FEATURES, 1], initializer=tf.zeros_initializer())
        b = tf.get_variable("bias", [1], initializer=tf.zeros_initializer())
    return tf.nn.xw_plus_b(x, w, b, name="prediction")


def mse_loss(prediction, y):
    return tf.reduce_mean(tf.squared_difference(prediction, y), name="mse")
