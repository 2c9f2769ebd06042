# codemods: native-save, compat-names
# refused (SM301): the export runs outside `with g.as_default():`; TF1's Builder writes the default
# graph then, not the session's graph g
import tensorflow as tf


def export(export_dir):
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None], name="x")
        k = tf.Variable(3.0, name="k")
        y = tf.multiply(x, k, name="y")
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g)
    with sess.as_default():
        sess.run(init)
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# refused (SM301): the export runs outside `with g.as_default():`; TF1's Builder writes the default
# graph then, not the session's graph g
import tensorflow as tf


def export(export_dir):
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None], name="x")
        k = tf.Variable(3.0, name="k")
        y = tf.multiply(x, k, name="y")
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g)
    with sess.as_default():
        sess.run(init)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# diagnostics
# 16:9: SM301 not migrated: the export runs outside `with g.as_default():`, so TF1 writes the default graph (not `g`, the graph the session runs); move the export into that block, then rerun
