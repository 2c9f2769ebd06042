# both branches of a try/except import resolve to the same TF1 symbol, so the rename is safe
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf

export_fn = tf.saved_model.simple_save
tag = tf.saved_model.tag_constants.TRAINING
# output
# both branches of a try/except import resolve to the same TF1 symbol, so the rename is safe
try:
    import tensorflow.compat.v1 as tf
except ImportError:
    import tensorflow as tf

export_fn = tf.saved_model.simple_save
tag = tf.saved_model.TRAINING
