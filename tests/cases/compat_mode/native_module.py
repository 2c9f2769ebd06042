# no TF1 graph code: a native TF2 module, nothing added
import tensorflow as tf

x = tf.constant([1.0, 2.0])
print(tf.reduce_sum(x).numpy())
