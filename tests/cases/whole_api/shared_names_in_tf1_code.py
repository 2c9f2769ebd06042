# the same names in a module that also uses a TF1-only name (tf.placeholder) are TF1's: they get the
# tf.compat.v1 spelling that keeps their TF1 meaning
import tensorflow as tf

w = tf.Variable(tf.constant([[1.0, 2.0]]), name="w")
x = tf.placeholder(tf.float32, [None, 1])
y = tf.nn.softmax(tf.matmul(x, w))
# output
# the same names in a module that also uses a TF1-only name (tf.placeholder) are TF1's: they get the
# tf.compat.v1 spelling that keeps their TF1 meaning
import tensorflow as tf

w = tf.compat.v1.Variable(tf.compat.v1.constant([[1.0, 2.0]]), name="w")
x = tf.compat.v1.placeholder(tf.float32, [None, 1])
y = tf.compat.v1.nn.softmax(tf.matmul(x, w))
