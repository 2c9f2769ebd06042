"""Token -> id lookup backed by a vocabulary file shipped as a SavedModel asset."""
import os

import tensorflow as tf

VOCAB = ["<unk>", "the", "cat", "sat", "mat"]


def write_vocab(path):
    with open(path, "w") as f:
        f.write("\n".join(VOCAB) + "\n")


def main():
    os.makedirs("data", exist_ok=True)
    vocab_path = os.path.join("data", "vocab.txt")
    write_vocab(vocab_path)

    with tf.Graph().as_default() as graph:
        vocab_file = tf.constant(vocab_path, name="vocab_file")
        tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, vocab_file)
        table = tf.lookup.StaticHashTable(
            tf.lookup.TextFileInitializer(
                vocab_file,
                tf.string,
                tf.lookup.TextFileIndex.WHOLE_LINE,
                tf.int64,
                tf.lookup.TextFileIndex.LINE_NUMBER,
            ),
            default_value=0,
        )
        tokens = tf.placeholder(tf.string, [None], name="tokens")
        ids = table.lookup(tokens)
        embedding = tf.Variable([[0.0], [1.0], [2.0], [3.0], [4.0]], name="embedding")
        vectors = tf.nn.embedding_lookup(embedding, ids)
        with tf.Session(graph=graph) as sess:
            sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
            got = sess.run([ids, vectors], {tokens: ["the", "dog", "sat"]})
            print("ids", got[0].tolist(), "vectors", got[1].ravel().tolist())
            builder = tf.saved_model.builder.SavedModelBuilder("vocab_model")
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                        {"tokens": tokens}, {"ids": ids, "vectors": vectors}
                    )
                },
                assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
                legacy_init_op=tf.tables_initializer(),
            )
            builder.save()


main()
