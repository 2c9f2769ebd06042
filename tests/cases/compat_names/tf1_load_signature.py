# TF1's tf.saved_model.load(sess, tags, export_dir) vs TF2's tf.saved_model.load(export_dir)
import tensorflow as tf

meta = tf.saved_model.load(sess, ["serve"], export_dir)
meta = tf.saved_model.load(sess=sess, tags=["serve"], export_dir=export_dir)
loaded = tf.saved_model.load(export_dir)
loaded = tf.saved_model.load(export_dir, ["serve"])
# output
# TF1's tf.saved_model.load(sess, tags, export_dir) vs TF2's tf.saved_model.load(export_dir)
import tensorflow as tf

meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
meta = tf.compat.v1.saved_model.load(sess=sess, tags=["serve"], export_dir=export_dir)
loaded = tf.saved_model.load(export_dir)
loaded = tf.saved_model.load(export_dir, ["serve"])
