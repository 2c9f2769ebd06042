# codemods: native-save, compat-names
# refused: a dict of endpoints passed whole as the export's outputs is not split into names (only
# dicts read by literal key are); spell the outputs out, or use the session bridge
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        ends = {}
        ends["y"] = tf.identity(x)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, ends)
# output
# refused: a dict of endpoints passed whole as the export's outputs is not split into names (only
# dicts read by literal key are); spell the outputs out, or use the session bridge
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        ends = {}
        ends["y"] = tf.identity(x)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, ends)
# diagnostics
# 10:9: SM311 not migrated: `ends["y"] = ...` stores a graph value in `ends`; native-save splits a dict of endpoints into names only when it is built in the block and every use reads a string key (`d["k"]`, or a comprehension over a literal list of keys) — here it is used another way (passed whole, iterated, read after the block). Read its entries by key, or export with `smmigrate.export_session(sess, export_dir, ...)`
