# codemods: native-load, compat-names
# refused: fetching an operation by name (no ':index')
import tensorflow as tf


def warm_up(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sess.run("init_all_tables")
# output
# refused: fetching an operation by name (no ':index')
import tensorflow as tf


def warm_up(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sess.run("init_all_tables")
# diagnostics
# 8:9: SM203 `init_all_tables` is not a tensor name of the form `op:index` (an oper
