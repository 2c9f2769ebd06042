"""The network, written once and shared by training and export."""
import tensorflow as tf

from ranker import config


def input_placeholder():
    return tf.placeholder(tf.float32, shape=[None, config.NUM_FEATURES], name="features")


def ctr_tower(features, scope="ctr"):
    """Two dense layers; constant initializers keep the example deterministic."""
    with tf.variable_scope(scope):
        hidden = tf.layers.dense(
            features,
            config.HIDDEN_UNITS,
            activation=tf.nn.relu,
            kernel_initializer=tf.constant_initializer(0.1),
            bias_initializer=tf.constant_initializer(0.05),
            name="hidden",
        )
        logits = tf.layers.dense(
            hidden, 1, kernel_initializer=tf.constant_initializer(-0.2), name="logits"
        )
    return logits
