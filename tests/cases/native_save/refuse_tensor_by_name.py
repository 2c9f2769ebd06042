# codemods: native-save, compat-names
# refused (SM309): the signature's tensor is looked up in a graph built elsewhere
import tensorflow as tf


def export(export_dir, build_model):
    with tf.Graph().as_default() as graph, tf.Session() as sess:
        build_model()
        x = graph.get_tensor_by_name("x:0")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": graph.get_tensor_by_name("y:0")})
# output
# refused (SM309): the signature's tensor is looked up in a graph built elsewhere
import tensorflow as tf


def export(export_dir, build_model):
    with tf.Graph().as_default() as graph, tf.Session() as sess:
        build_model()
        x = graph.get_tensor_by_name("x:0")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": graph.get_tensor_by_name("y:0")})
# diagnostics
# 9:60: SM309 not migrated: signature input `x` is `x`, which is not a tf.placeholde
