# codemods: native-load, compat-names
# refused: the session comes from the caller
import tensorflow as tf


def load_into(sess, export_dir):
    meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta_graph.signature_def["serving_default"]
# output
# refused: the session comes from the caller
import tensorflow as tf


def load_into(sess, export_dir):
    meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
    return meta_graph.signature_def["serving_default"]
# diagnostics
# 6:18: SM202 the session `sess` is a parameter of `load_into()`, which nothing in this module calls
