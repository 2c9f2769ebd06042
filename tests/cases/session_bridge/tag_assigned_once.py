# bridged (was SM301): a tag held by a name assigned once is read through the assignment
import tensorflow as tf


def export(sess, path, x, y):
    tag = tf.saved_model.tag_constants.SERVING
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder.add_meta_graph_and_variables(sess, [tag], signature_def_map={"serving_default": signature})
    builder.save()
# output
# bridged (was SM301): a tag held by a name assigned once is read through the assignment
import tensorflow as tf
import smmigrate


def export(sess, path, x, y):
    tag = tf.saved_model.tag_constants.SERVING
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    smmigrate.export_session(sess, path, tags=[tag], signature_def_map={"serving_default": signature})
