# codemods: native-save, compat-names
# refused (SM311): an op built without a name binding (fetched later by its op name) cannot move
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
# refused (SM311): an op built without a name binding (fetched later by its op name) cannot move
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
# 8:9: SM311 not migrated: this statement builds a graph op without binding it to a name (is it fetched later by its op nam
