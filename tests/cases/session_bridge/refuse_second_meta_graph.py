# not bridged (SM402): the Builder adds a second MetaGraph
import tensorflow as tf


def export(sess, export_dir, sig):
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"serving_default": sig})
    builder.add_meta_graph([tf.saved_model.tag_constants.GPU], signature_def_map={"serving_default": sig})
    builder.save()
# diagnostics
# 8:5: SM402 not bridged: `builder.add_meta_graph` adds a second MetaGrap
