# codemods: native-save, compat-names
# refused (SM316): a classify signature whose input is not serialized tf.Example (tf.string)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        scores = tf.nn.softmax(x, name="scores")
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"classify": tf.saved_model.classification_signature_def(x, None, scores)},
        )
        builder.save()
# output
# refused (SM316): a classify signature whose input is not serialized tf.Example (tf.string)
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        scores = tf.nn.softmax(x, name="scores")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"classify": tf.compat.v1.saved_model.classification_signature_def(x, None, scores)},
        )
        builder.save()
# diagnostics
# 13:44: SM316 not migrated: signature `classify` declares method tensorflow/serving/
