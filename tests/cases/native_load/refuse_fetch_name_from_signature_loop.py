# codemods: native-load, compat-names
# refused (SM203): tensors looked up by names computed from the SignatureDef at run time
import tensorflow as tf


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta.signature_def["serving_default"]
        (in_name,) = [t.name for t in sig.inputs.values()]
        (out_name,) = [t.name for t in sig.outputs.values()]
        return sess.run(graph.get_tensor_by_name(out_name), feed_dict={graph.get_tensor_by_name(in_name): batch})
# output
# refused (SM203): tensors looked up by names computed from the SignatureDef at run time
import tensorflow as tf


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        sig = meta.signature_def["serving_default"]
        (in_name,) = [t.name for t in sig.inputs.values()]
        (out_name,) = [t.name for t in sig.outputs.values()]
        return sess.run(graph.get_tensor_by_name(out_name), feed_dict={graph.get_tensor_by_name(in_name): batch})
# diagnostics
# 12:25: SM203 `tf.saved_model.loader.load(...)` left as TF1 code: the fetch `graph.get_tensor_by_name(out_name)` looks its t
