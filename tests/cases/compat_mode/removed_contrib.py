# names TF 2.21 no longer has are reported with the replacement TensorFlow's tables know
import tensorflow as tf
import tensorflow.contrib.slim as slim

y = tf.contrib.framework.sort([3, 1, 2])
# diagnostics
# 3:1: SM102 `tensorflow.contrib.slim` does not exist in TensorFlow 2.21
# 5:5: SM102 TensorFlow's own upgrade tables name `tf.sort` as its replacement
