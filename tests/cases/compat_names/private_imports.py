# imports from the private tensorflow.python.saved_model package become public spellings
import tensorflow as tf
from tensorflow.python.saved_model import builder as saved_model_builder, tag_constants, signature_constants
from tensorflow.python.saved_model import signature_def_utils


def export(sess, path, x, y):
    builder = saved_model_builder.SavedModelBuilder(path)
    sig = signature_def_utils.predict_signature_def(inputs={"x": x}, outputs={"y": y})
    builder.add_meta_graph_and_variables(
        sess, [tag_constants.SERVING], signature_def_map={signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: sig}
    )
    builder.save()
# output
# imports from the private tensorflow.python.saved_model package become public spellings
import tensorflow as tf


def export(sess, path, x, y):
    builder = tf.compat.v1.saved_model.Builder(path)
    sig = tf.compat.v1.saved_model.signature_def_utils.predict_signature_def(inputs={"x": x}, outputs={"y": y})
    builder.add_meta_graph_and_variables(
        sess, [tf.saved_model.SERVING], signature_def_map={tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: sig}
    )
    builder.save()
