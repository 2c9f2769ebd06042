# codemods: native-save, compat-names
# refused (SM310): hash buckets with default_value=0 (TF1 hashes vocabulary id 0 too; no TF2 table does)
import tensorflow as tf


def export(export_dir, vocab_path):
    with tf.Graph().as_default(), tf.Session() as sess:
        words = tf.placeholder(tf.string, [None], name="words")
        table = tf.contrib.lookup.index_table_from_file(vocab_path, num_oov_buckets=1, default_value=0)
        ids = table.lookup(words)
        sess.run(tf.tables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"words": words}, {"ids": ids})
# output
# refused (SM310): hash buckets with default_value=0 (TF1 hashes vocabulary id 0 too; no TF2 table does)
import tensorflow as tf


def export(export_dir, vocab_path):
    with tf.Graph().as_default(), tf.Session() as sess:
        words = tf.placeholder(tf.string, [None], name="words")
        table = tf.contrib.lookup.index_table_from_file(vocab_path, num_oov_buckets=1, default_value=0)
        ids = table.lookup(words)
        sess.run(tf.tables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"words": words}, {"ids": ids})
# diagnostics
# 8:102: SM310 not migrated: `index_table_from_file` has hash buckets with a `default
