# `tf = tf.compat.v1`: the switch is spelled from the alias, after it
import tensorflow as tf

tf = tf.compat.v1
sess = tf.Session()
# output
# `tf = tf.compat.v1`: the switch is spelled from the alias, after it
import tensorflow as tf

tf = tf.compat.v1
tf.disable_v2_behavior()
sess = tf.Session()
# diagnostics
# 5:8: SM120 keeps it there
