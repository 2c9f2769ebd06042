# codemods: native-save, compat-names
# refused (SM314): an asset path computed in the graph cannot become a tf.saved_model.Asset
import tensorflow as tf


def export(export_dir, vocab_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        vocab = tf.strings.join([vocab_dir, "vocab.txt"], separator="/")
        tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, vocab)
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
        )
        builder.save()
# output
# refused (SM314): an asset path computed in the graph cannot become a tf.saved_model.Asset
import tensorflow as tf


def export(export_dir, vocab_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        vocab = tf.strings.join([vocab_dir, "vocab.txt"], separator="/")
        tf.add_to_collection(tf.GraphKeys.ASSET_FILEPATHS, vocab)
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})},
            assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
        )
        builder.save()
# diagnostics
# 9:17: SM314 not migrated: asset `vocab` (added to ASSET_FILEPATHS or listed in `as
