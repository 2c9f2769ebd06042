# codemods: native-save, compat-names
# refused (SM310): a table made inside a graph expression (bind it to a name so TF2 makes it once)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        word = tf.placeholder(tf.string, [None], name="word")
        found = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a", "b"], [1, 2]), 0).lookup(word)
        sess.run(tf.tables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"word": word}, {"found": found})
# output
# refused (SM310): a table made inside a graph expression (bind it to a name so TF2 makes it once)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        word = tf.placeholder(tf.string, [None], name="word")
        found = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(["a", "b"], [1, 2]), 0).lookup(word)
        sess.run(tf.tables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"word": word}, {"found": found})
# diagnostics
# 8:17: SM310 not migrated: `tf.lookup.StaticHashTable` makes a lookup table inside
