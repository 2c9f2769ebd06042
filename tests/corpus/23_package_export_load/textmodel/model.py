import tensorflow as tf

NUM_FEATURES = 4


def inference(features):
    with tf.variable_scope("linear"):
        w = tf.get_variable("w", [NUM_FEATURES, 1], initializer=tf.constant_initializer(0.5))
        b = tf.get_variable("b", [1], initializer=tf.constant_initializer(-1.0))
    return tf.add(tf.matmul(features, w), b, name="score")
