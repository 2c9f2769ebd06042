# codemods: native-save, compat-names
# refused (SM308): signature_def_map is not written in the call
import tensorflow as tf


def export(export_dir, make_signatures):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING], signature_def_map=make_signatures(x, y))
        builder.save()
# output
# refused (SM308): signature_def_map is not written in the call
import tensorflow as tf


def export(export_dir, make_signatures):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING], signature_def_map=make_signatures(x, y))
        builder.save()
# diagnostics
# 10:96: SM308 not migrated: signature_def_map is not a literal dict in the call (bui
