# refused (SM401): tags passed in cannot be checked; a name holding TRAINING is read and named
import tensorflow as tf


def export(sess, path, x, y, tags):
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder.add_meta_graph_and_variables(sess, tags, signature_def_map={"serving_default": signature})
    builder.save()


def export_for_training(sess, path, x, y):
    tag = tf.saved_model.tag_constants.TRAINING
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder.add_meta_graph_and_variables(sess, [tag], signature_def_map={"serving_default": signature})
    builder.save()


def export_tag_rebound(sess, path, x, y, training):
    tag = tf.saved_model.tag_constants.SERVING
    if training:
        tag = tf.saved_model.tag_constants.TRAINING
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder.add_meta_graph_and_variables(sess, [tag], signature_def_map={"serving_default": signature})
    builder.save()
# diagnostics
# 8:48: SM401 not bridged: tags `tags` are not written as a list of string literals or TensorFlow tag constants, s
# 16:48: SM401 not bridged: tags `[tag]` are ['train'], not exactly [SERVING]; the bridge writes a TF2 SavedModel w
# 26:48: SM401 not bridged: tags `[tag]` are not written as a list of string literals or TensorFlow tag constants,
# diagnostics
# 8:48: SM401 not bridged: tags `tags` are not a list of string literals or TensorFlow tag constants (written out,
# 16:48: SM401 not bridged: tags `[tag]` are ['train'], not exactly [SERVING]; the bridge writes a TF2 SavedModel w
# 26:48: SM401 not bridged: tags `[tag]` are not a list of string literals or TensorFlow tag constants (written out
