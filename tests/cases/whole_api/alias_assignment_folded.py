# `tf1 = tf.compat.v1` beside `import tensorflow as tf`, used here: folded into `tf` (the line goes)
import tensorflow as tf

tf1 = tf.compat.v1


def build():
    x = tf1.placeholder(tf.float32, [None, 2], name="x")
    return tf1.layers.dense(x, 1), tf1.nn.relu(x), tf1.gfile.Exists("/tmp")
# output
# `tf1 = tf.compat.v1` beside `import tensorflow as tf`, used here: folded into `tf` (the line goes)
import tensorflow as tf


def build():
    x = tf.compat.v1.placeholder(tf.float32, [None, 2], name="x")
    return tf.compat.v1.layers.dense(x, 1), tf.nn.relu(x), tf.compat.v1.gfile.Exists("/tmp")
