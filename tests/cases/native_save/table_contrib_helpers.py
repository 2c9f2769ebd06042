# codemods: native-save, compat-names
# tf.contrib.lookup tables (index_* helpers, HashTable) become the TF2 tables they build
import tensorflow as tf

WORDS = ["apple", "pear", "plum"]


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("\n".join(WORDS) + "\n")
    with tf.Graph().as_default(), tf.Session() as sess:
        vocab_file = tf.constant(vocab_path)
        tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, vocab_file)
        word_ids = tf.contrib.lookup.index_table_from_file(vocab_file, num_oov_buckets=2)
        id_words = tf.contrib.lookup.index_to_string_table_from_file(vocabulary_file=vocab_file, default_value="?")
        tensor_ids = tf.contrib.lookup.index_table_from_tensor(mapping=["plum", "pear", "apple"])
        tensor_words = tf.contrib.lookup.index_to_string_table_from_tensor(WORDS)
        sizes = tf.contrib.lookup.HashTable(
            tf.contrib.lookup.KeyValueTensorInitializer(WORDS, [5, 4, 4]), -1
        )
        words = tf.placeholder(tf.string, [None], name="words")
        ids = word_ids.lookup(words)
        reverse = tensor_ids.lookup(words)
        echo = id_words.lookup(reverse)
        spelled = tensor_words.lookup(ids)
        length = sizes.lookup(words)
        sess.run(tf.tables_initializer())
        print("ids", sess.run(ids, {words: ["plum", "kiwi", "apple"]}).tolist())
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.tag_constants.SERVING],
            signature_def_map={
                "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                    {"words": words},
                    {"ids": ids, "reverse": reverse, "echo": echo, "spelled": spelled, "length": length},
                )
            },
            assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
            main_op=tf.tables_initializer(),
        )
        builder.save()
# output
# tf.contrib.lookup tables (index_* helpers, HashTable) become the TF2 tables they build
import tensorflow as tf

WORDS = ["apple", "pear", "plum"]


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("\n".join(WORDS) + "\n")
    vocab_file = tf.saved_model.Asset(vocab_path)
    word_ids = tf.lookup.StaticVocabularyTable(
        tf.lookup.TextFileInitializer(
            vocab_file,
            tf.string,
            tf.lookup.TextFileIndex.WHOLE_LINE,
            tf.int64,
            tf.lookup.TextFileIndex.LINE_NUMBER,
        ),
        2,
    )
    id_words = tf.lookup.StaticHashTable(
        tf.lookup.TextFileInitializer(
            vocab_file,
            tf.int64,
            tf.lookup.TextFileIndex.LINE_NUMBER,
            tf.string,
            tf.lookup.TextFileIndex.WHOLE_LINE,
        ),
        "?",
    )
    tensor_ids = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(
            ["plum", "pear", "apple"],
            tf.range(tf.size(["plum", "pear", "apple"], out_type=tf.int64)),
            tf.string,
            tf.int64,
        ),
        -1,
    )
    tensor_words = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(
            tf.range(tf.size(WORDS, out_type=tf.int64)),
            WORDS,
            tf.int64,
            tf.string,
        ),
        "UNK",
    )
    sizes = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(WORDS, [5, 4, 4]), -1
    )

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="words")])
    def serving_default(words):
        ids = word_ids.lookup(words)
        reverse = tensor_ids.lookup(words)
        echo = id_words.lookup(reverse)
        spelled = tensor_words.lookup(ids)
        length = sizes.lookup(words)
        return {"ids": ids, "reverse": reverse, "echo": echo, "spelled": spelled, "length": length}

    print("ids", serving_default(words=["plum", "kiwi", "apple"])["ids"].numpy().tolist())
    module = tf.Module()
    module.vocab_file = vocab_file
    module.word_ids = word_ids
    module.id_words = id_words
    module.tensor_ids = tensor_ids
    module.tensor_words = tensor_words
    module.sizes = sizes
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
