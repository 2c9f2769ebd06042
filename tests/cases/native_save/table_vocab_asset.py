# codemods: native-save, compat-names
# a vocabulary file exported as an asset: StaticHashTable and StaticVocabularyTable over TextFileInitializer
import tensorflow as tf

VOCAB = ["<unk>", "the", "cat", "sat", "mat"]


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("\n".join(VOCAB) + "\n")
    with tf.Graph().as_default() as graph:
        vocab_file = tf.constant(vocab_path, name="vocab_file")
        tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, vocab_file)
        ids_table = tf.lookup.StaticHashTable(
            tf.lookup.TextFileInitializer(
                vocab_file, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
            ),
            default_value=0,
        )
        oov_table = tf.lookup.StaticVocabularyTable(
            tf.lookup.TextFileInitializer(
                vocab_file, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
            ),
            num_oov_buckets=3,
        )
        tokens = tf.placeholder(tf.string, [None], name="tokens")
        ids = ids_table.lookup(tokens)
        buckets = oov_table.lookup(tokens)
        with tf.Session(graph=graph) as sess:
            sess.run(tf.tables_initializer())
            print("ids", sess.run(ids, {tokens: ["the", "dog", "mat"]}).tolist())
            print("buckets", sess.run(buckets, {tokens: ["the", "dog", "mat"]}).tolist())
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                        {"tokens": tokens}, {"ids": ids, "buckets": buckets}
                    )
                },
                assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
                legacy_init_op=tf.tables_initializer(),
            )
            builder.save()
# output
# a vocabulary file exported as an asset: StaticHashTable and StaticVocabularyTable over TextFileInitializer
import tensorflow as tf

VOCAB = ["<unk>", "the", "cat", "sat", "mat"]


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("\n".join(VOCAB) + "\n")
    vocab_file = tf.saved_model.Asset(vocab_path)
    ids_table = tf.lookup.StaticHashTable(
        tf.lookup.TextFileInitializer(
            vocab_file, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
        ),
        default_value=0,
    )
    oov_table = tf.lookup.StaticVocabularyTable(
        tf.lookup.TextFileInitializer(
            vocab_file, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
        ),
        num_oov_buckets=3,
    )

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="tokens")])
    def serving_default(tokens):
        ids = ids_table.lookup(tokens)
        buckets = oov_table.lookup(tokens)
        return {"ids": ids, "buckets": buckets}

    print("ids", serving_default(tokens=["the", "dog", "mat"])["ids"].numpy().tolist())
    print("buckets", serving_default(tokens=["the", "dog", "mat"])["buckets"].numpy().tolist())
    module = tf.Module()
    module.vocab_file = vocab_file
    module.ids_table = ids_table
    module.oov_table = oov_table
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
