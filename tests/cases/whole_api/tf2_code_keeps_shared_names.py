# a module with no TF1-only name is TF2 code (written for TF 2, or migrated by an earlier run): names
# TF 2.21 also has as other objects (tf.Variable, tf.constant, tf.nn.softmax) keep their spelling
import tensorflow as tf

w = tf.Variable(tf.constant([[1.0, 2.0]]), name="w")


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 1], dtype=tf.float32)])
def serve(x):
    return tf.nn.softmax(tf.matmul(x, w))
