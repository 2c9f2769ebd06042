# `tf = tf.compat.v1` makes every later tf.X a TF1 name already
import tensorflow as tf

tf = tf.compat.v1
x = tf.placeholder(tf.float32)
s = tf.Session()
