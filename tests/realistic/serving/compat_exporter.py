"""An exporter already moved to `tensorflow.compat.v1` (runs on TF 2.x), with alias and main op."""
import tensorflow as tf

tf1 = tf.compat.v1
tf1.disable_v2_behavior()


def export(export_dir, vocab_file):
    with tf1.Graph().as_default() as graph, tf1.Session(graph=graph) as sess:
        words = tf1.placeholder(tf.string, [None], name="words")
        table = tf1.lookup.StaticHashTable(
            tf1.lookup.TextFileInitializer(vocab_file, tf.string, 0, tf.int64, 1, delimiter=" "), -1
        )
        ids = tf1.identity(table.lookup(words), name="ids")
        sess.run(tf1.tables_initializer())
        builder = tf1.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf1.saved_model.tag_constants.SERVING],
            signature_def_map={
                "lookup": tf1.saved_model.signature_def_utils.predict_signature_def({"words": words}, {"ids": ids})
            },
            main_op=tf1.saved_model.main_op.main_op(),
            assets_collection=tf1.get_collection(tf1.GraphKeys.ASSET_FILEPATHS),
        )
        builder.save(as_text=True)
