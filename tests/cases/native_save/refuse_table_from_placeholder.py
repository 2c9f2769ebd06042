# codemods: native-save, compat-names
# refused (SM319): a table filled from a placeholder cannot be made once, eagerly
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        keys = tf.placeholder(tf.string, [None], name="keys")
        query = tf.placeholder(tf.string, [None], name="query")
        table = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(keys, tf.range(tf.size(keys, out_type=tf.int64))), -1
        )
        found = table.lookup(query)
        tf.saved_model.simple_save(sess, export_dir, {"query": query}, {"found": found})
# output
# refused (SM319): a table filled from a placeholder cannot be made once, eagerly
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        keys = tf.placeholder(tf.string, [None], name="keys")
        query = tf.placeholder(tf.string, [None], name="query")
        table = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(keys, tf.range(tf.size(keys, out_type=tf.int64))), -1
        )
        found = table.lookup(query)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"query": query}, {"found": found})
# diagnostics
# 9:17: SM319 not migrated: the lookup table's contents depend on graph value `keys`
