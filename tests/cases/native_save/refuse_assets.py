# codemods: native-save, compat-names
# refused (SM314): assets_collection (TF2 needs tf.saved_model.Asset on the module)
import tensorflow as tf


def export(export_dir, vocab):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
        )
        builder.save()
# output
# refused (SM314): assets_collection (TF2 needs tf.saved_model.Asset on the module)
import tensorflow as tf


def export(export_dir, vocab):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})},
            assets_collection=tf.get_collection(tf.GraphKeys.ASSET_FILEPATHS),
        )
        builder.save()
# diagnostics
# 14:31: SM314 not migrated: `assets_collection=` exports asset files; in TF2 they mu
