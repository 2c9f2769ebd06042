# codemods: native-save, compat-names
# simple_save of a table read from a vocabulary path: both TF1 and TF2 carry the file as an asset
import tensorflow as tf


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("red\ngreen\nblue\n")
    tf.reset_default_graph()
    color = tf.placeholder(tf.string, [None], name="color")
    table = tf.lookup.StaticVocabularyTable(
        tf.lookup.TextFileInitializer(
            vocab_path, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
        ),
        num_oov_buckets=1,
    )
    color_id = table.lookup(color)
    sess = tf.Session()
    sess.run(tf.tables_initializer())
    tf.saved_model.simple_save(
        sess, export_dir, {"color": color}, {"color_id": color_id}, legacy_init_op=tf.tables_initializer()
    )
    sess.close()
# output
# simple_save of a table read from a vocabulary path: both TF1 and TF2 carry the file as an asset
import tensorflow as tf


def export(export_dir):
    vocab_path = export_dir.rstrip("/") + "_vocab.txt"
    with open(vocab_path, "w") as f:
        f.write("red\ngreen\nblue\n")
    table = tf.lookup.StaticVocabularyTable(
        tf.lookup.TextFileInitializer(
            vocab_path, tf.string, tf.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf.lookup.TextFileIndex.LINE_NUMBER
        ),
        num_oov_buckets=1,
    )

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="color")])
    def serving_default(color):
        color_id = table.lookup(color)
        return {"color_id": color_id}

    module = tf.Module()
    module.table = table
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
