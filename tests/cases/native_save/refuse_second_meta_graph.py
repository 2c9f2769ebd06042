# codemods: native-save, compat-names
# refused (SM304): a second MetaGraph (TF2 writes one, tagged serve)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        sig = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"serving_default": sig})
        builder.add_meta_graph([tf.saved_model.tag_constants.GPU], signature_def_map={"serving_default": sig})
        builder.save()
# output
# refused (SM304): a second MetaGraph (TF2 writes one, tagged serve)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        sig = tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING], signature_def_map={"serving_default": sig})
        builder.add_meta_graph([tf.saved_model.GPU], signature_def_map={"serving_default": sig})
        builder.save()
# diagnostics
# 12:9: SM304 not migrated: `add_meta_graph` adds a second MetaGraph; TF2's tf.saved
