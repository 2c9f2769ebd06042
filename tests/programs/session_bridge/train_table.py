"""TF1 training script with lookup tables (a vocabulary file and an in-graph key/value table),
trained in the export block and exported after the loop (native-save SM303, bridged)."""
import os
import sys

import tensorflow as tf


def main(export_dir):
    vocab = os.path.join(os.path.dirname(os.path.abspath(export_dir)), "vocab.txt")
    with open(vocab, "w") as fh:
        fh.write("apple\nbanana\ncherry\n")
    with tf.Graph().as_default(), tf.Session() as sess:
        words = tf.placeholder(tf.string, [None], name="words")
        ids = tf.lookup.StaticVocabularyTable(
            tf.lookup.TextFileInitializer(vocab, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER),
            num_oov_buckets=1,
        ).lookup(words)
        bonus = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(tf.constant(["apple", "cherry"]), tf.constant([10.0, 20.0])), -1.0
        ).lookup(words)
        embedding = tf.Variable(tf.ones([4, 2]), name="embedding")
        vectors = tf.nn.embedding_lookup(embedding, ids)
        score = tf.add(tf.reduce_sum(vectors, axis=1), bonus, name="score")
        loss = tf.reduce_sum(tf.square(score - 1.0))
        train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
        sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
        for _ in range(3):
            sess.run(train_op, {words: ["apple", "banana", "kiwi"]})
        tf.saved_model.simple_save(sess, export_dir, {"words": words}, {"score": score, "ids": ids}, legacy_init_op=tf.tables_initializer())


if __name__ == "__main__":
    main(sys.argv[1])
