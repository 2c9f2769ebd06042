# an alias passed around bare (`tf1` as a value), or only defined as a handle for other modules: kept
import tensorflow as tf

tf1 = tf.compat.v1
v1 = tf.compat.v1


def build(api=tf1):
    return api.placeholder(tf.float32, [None, 2], name="x")
