# `import tensorflow.compat.v1 as tf1` beside `import tensorflow as tf`
import tensorflow as tf
import tensorflow.compat.v1 as tf1

signature = tf1.saved_model.signature_def_utils.classification_signature_def(examples, classes, scores)
key = tf.saved_model.signature_constants.CLASSIFY_METHOD_NAME
# output
# `import tensorflow.compat.v1 as tf1` beside `import tensorflow as tf`
import tensorflow as tf
import tensorflow.compat.v1 as tf1

signature = tf1.saved_model.signature_def_utils.classification_signature_def(examples, classes, scores)
key = tf.saved_model.CLASSIFY_METHOD_NAME
