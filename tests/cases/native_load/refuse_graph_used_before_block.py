# codemods: native-load, compat-names
# refused: the graph variable is used between its creation and the session block
import tensorflow as tf


def main(export_dir):
    graph = tf.Graph()
    print(graph.version)
    with tf.Session(graph=graph) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        print(sess.run("y:0", feed_dict={"x:0": [[1.0, 2.0, 3.0]]}))
# output
# refused: the graph variable is used between its creation and the session block
import tensorflow as tf


def main(export_dir):
    graph = tf.Graph()
    print(graph.version)
    with tf.Session(graph=graph) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        print(sess.run("y:0", feed_dict={"x:0": [[1.0, 2.0, 3.0]]}))
# diagnostics
# 7:11: SM216 `tf.saved_model.loader.load(...)` left as TF1 code: the graph `graph` the session runs in is also used for som
