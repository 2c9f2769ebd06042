# no `tensorflow` binding at all: `import tensorflow as tf` is added, unused imports dropped
"""Serving helpers."""
from tensorflow.saved_model import tag_constants
from tensorflow import saved_model
from tensorflow.python.saved_model.signature_constants import DEFAULT_SERVING_SIGNATURE_DEF_KEY

TAGS = [tag_constants.SERVING]


def load(sess, path):
    meta = saved_model.loader.load(sess, TAGS, path)
    return meta.signature_def[DEFAULT_SERVING_SIGNATURE_DEF_KEY]


def has_model(path):
    return saved_model.contains_saved_model(path)
# output
# no `tensorflow` binding at all: `import tensorflow as tf` is added, unused imports dropped
"""Serving helpers."""
from tensorflow import saved_model
import tensorflow as tf

TAGS = [tf.saved_model.SERVING]


def load(sess, path):
    meta = tf.compat.v1.saved_model.load(sess, TAGS, path)
    return meta.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]


def has_model(path):
    return saved_model.contains_saved_model(path)
