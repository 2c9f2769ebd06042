# codemods: native-save, compat-names
# refused (SM309): an op built without a name binding, looked up by name through a graph variable
# the block only assigns (`graph = tf.get_default_graph()`): not a lookup native-save reads
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="input_x")
        tf.nn.relu(x * 2.0, name="output_y")
        with tf.Session() as sess:
            graph = tf.get_default_graph()
            tf.saved_model.simple_save(
                sess, export_dir, {"x": x}, {"y": graph.get_tensor_by_name("output_y:0")}
            )
# output
# refused (SM309): an op built without a name binding, looked up by name through a graph variable
# the block only assigns (`graph = tf.get_default_graph()`): not a lookup native-save reads
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="input_x")
        tf.nn.relu(x * 2.0, name="output_y")
        with tf.Session() as sess:
            graph = tf.get_default_graph()
            tf.compat.v1.saved_model.simple_save(
                sess, export_dir, {"x": x}, {"y": graph.get_tensor_by_name("output_y:0")}
            )
# diagnostics
# 13:51: SM309 not migrated: signature output `y` is `graph.get_tensor_by_name("output_y:0")`; native-save reads a lookup by name only as `sess.graph.`, `<graph>.` (the block's own graph variable) or `tf.get_default_graph().get_tensor_by_name("<literal>")` of a name this block gives exactly one tensor — write it that way, or use the tensor's Python name
