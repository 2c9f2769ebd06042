# a parameter or local named like TensorFlow is not TensorFlow; try/except imports take the first
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf

import tensorflow as real_tf


def helper(tf):
    return tf.placeholder("not TensorFlow")


class Model:
    real_tf = None

    def build(self):
        return real_tf.placeholder(real_tf.float32), tf.placeholder(tf.float32)


def local():
    real_tf = object()
    return real_tf.Session
# output
# a parameter or local named like TensorFlow is not TensorFlow; try/except imports take the first
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf

import tensorflow as real_tf


def helper(tf):
    return tf.placeholder("not TensorFlow")


class Model:
    real_tf = None

    def build(self):
        return real_tf.compat.v1.placeholder(real_tf.float32), tf.placeholder(tf.float32)


def local():
    real_tf = object()
    return real_tf.Session
