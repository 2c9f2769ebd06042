# the switch goes after the statement that binds the name the module uses
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf
import numpy as np

x = tf.placeholder(tf.float32)
# output
# the switch goes after the statement that binds the name the module uses
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf
tf.disable_v2_behavior()
import numpy as np

x = tf.placeholder(tf.float32)
# diagnostics
# 8:5: SM120 keeps it there
