# codemods: native-load, compat-names
# refused (SM216): the session runs in a graph passed in, which other code may share
import tensorflow as tf


def predict(export_dir, graph, batch):
    with tf.Session(graph=graph) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused (SM216): the session runs in a graph passed in, which other code may share
import tensorflow as tf


def predict(export_dir, graph, batch):
    with tf.Session(graph=graph) as sess:
        tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 6:21: SM216 `tf.saved_model.loader.load(...)` left as TF1 code: the session runs in the graph `graph`, which is made outsi
