# codemods: native-load, compat-names
# the signature's only input and output names, unpacked, then looked up in the graph
import tensorflow as tf


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        (in_name,) = [t.name for t in sig.inputs.values()]
        (out_name,) = [t.name for t in sig.outputs.values()]
        return sess.run(graph.get_tensor_by_name(out_name), feed_dict={graph.get_tensor_by_name(in_name): batch})
# output
# the signature's only input and output names, unpacked, then looked up in the graph
import tensorflow as tf


def client(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    (in_name,) = list(sig.structured_input_signature[1])
    (out_name,) = list(sig.structured_outputs)
    return sig(**{in_name: batch})[out_name].numpy()
