# code already run through tf_upgrade_v2 is accepted; the leftover TF1 constant paths are finished
import tensorflow as tf

builder = tf.compat.v1.saved_model.Builder(export_dir)
builder.add_meta_graph_and_variables(sess, [tf.compat.v1.saved_model.tag_constants.SERVING])
meta = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
info = tf.compat.v1.saved_model.utils.build_tensor_info(x)
# output
# code already run through tf_upgrade_v2 is accepted; the leftover TF1 constant paths are finished
import tensorflow as tf

builder = tf.compat.v1.saved_model.Builder(export_dir)
builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING])
meta = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
info = tf.compat.v1.saved_model.utils.build_tensor_info(x)
