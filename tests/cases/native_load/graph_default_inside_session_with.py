# codemods: native-load, compat-names
# `with tf.Session(graph=graph) as sess:` first, the graph made default inside it around the load
import tensorflow as tf


def main(export_dir):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        with graph.as_default():
            tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        x = graph.get_tensor_by_name("x:0")
        y = graph.get_tensor_by_name("y:0")
        print(sess.run(y, feed_dict={x: [[1.0, 2.0, 3.0]]}))
    print("done")
# output
# `with tf.Session(graph=graph) as sess:` first, the graph made default inside it around the load
import tensorflow as tf


def main(export_dir):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    pruned = loaded.prune(["x:0"], "y:0")
    print(pruned(tf.cast([[1.0, 2.0, 3.0]], pruned.inputs[0].dtype)).numpy())
    print("done")
# diagnostics
# 12:15: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which exists only on SavedModels
