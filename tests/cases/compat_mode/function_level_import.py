# TensorFlow imported only inside a function (a lazy import): the switch goes right after it
def build():
    import tensorflow as tf

    return tf.placeholder(tf.float32)
# output
# TensorFlow imported only inside a function (a lazy import): the switch goes right after it
def build():
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()

    return tf.placeholder(tf.float32)
# diagnostics
# 5:12: SM120 keeps it there
