# a module that already disables v2 behaviour is in compatibility mode as it is
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

x = tf.placeholder(tf.float32)
# diagnostics
# 6:5: SM120 TF1 graph code at line 6 (`tf.placeholder`) keeps it there
