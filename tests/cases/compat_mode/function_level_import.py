# TensorFlow imported only inside a function: there is no module-level place for the switch
def build():
    import tensorflow as tf

    return tf.placeholder(tf.float32)
# output
# TensorFlow imported only inside a function: there is no module-level place for the switch
def build():
    import tensorflow as tf

    return tf.placeholder(tf.float32)
# diagnostics
# 5:12: SM120 keeps it there
# 5:12: SM123 imports TensorFlow only inside functions
