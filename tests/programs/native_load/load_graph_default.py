"""`graph = tf.Graph()` and `with graph.as_default():` around the load (TF1), the shapes of issue 11.

At module level: a graph variable made default, a session without `with`, tensors looked up in the
graph, the session closed by hand. In functions: `with tf.Session(graph=graph) as sess:`, the graph
made default only around the load (before or inside the session block). argv: linear_dir.
"""

import sys

import tensorflow as tf

export_dir = sys.argv[1]


def session_on_graph_variable(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        x = graph.get_tensor_by_name("x:0")
        y = graph.get_tensor_by_name("y:0")
        return sess.run(y, feed_dict={x: batch})


def graph_entered_later(export_dir, batch):
    graph = tf.Graph()
    sess = tf.Session(graph=graph)
    with graph.as_default():
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta_graph.signature_def["serving_default"]
    x = graph.get_tensor_by_name(sig.inputs["x"].name)
    z = graph.get_tensor_by_name(sig.outputs["z"].name)
    result = sess.run(z, feed_dict={x: batch})
    sess.close()
    return result


def graph_entered_inside_session(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        with graph.as_default():
            tf.saved_model.loader.load(sess, ["serve"], export_dir)
        x = graph.get_tensor_by_name("x:0")
        return sess.run(["y:0", "z:0"], feed_dict={x: batch})


graph = tf.Graph()
with graph.as_default():
    sess = tf.Session()
    tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    x = graph.get_tensor_by_name("x:0")
    y = graph.get_tensor_by_name("y:0")
    print("module:", repr(sess.run(y, feed_dict={x: [[1.0], [2.0]]})))
    sess.close()

print("graph variable:", repr(session_on_graph_variable(export_dir, [[3.0]])))
print("entered later:", repr(graph_entered_later(export_dir, [[0.5], [1.5]])))
print("inside session:", repr(graph_entered_inside_session(export_dir, [[2.0]])))
