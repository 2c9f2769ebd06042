# codemods: native-save, compat-names
# refused (SM302): the block writes a TF1 checkpoint of the session (`saver.save(sess, ...)`) before the export; the diagnostic says so (it was taken for another use of the session)
import tensorflow as tf


def export(export_dir, checkpoint_path):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    y = tf.matmul(x, w, name="y")
    saver = tf.train.Saver()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    saved_path = saver.save(sess, checkpoint_path, global_step=1)
    print("checkpoint", saved_path)
    tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM302): the block writes a TF1 checkpoint of the session (`saver.save(sess, ...)`) before the export; the diagnostic says so (it was taken for another use of the session)
import tensorflow as tf


def export(export_dir, checkpoint_path):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    y = tf.matmul(x, w, name="y")
    saver = tf.train.Saver()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    saved_path = saver.save(sess, checkpoint_path, global_step=1)
    print("checkpoint", saved_path)
    tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 12:18: SM302 not migrated: `saver.save(sess, checkpoint_path, global_step=1)` writes a TF1 checkpoint of `sess` (tf.train.Saver), which native-save does not migrate: TF2 writes checkpoints with `tf.train.Checkpoint`, under other variable names. Drop it if only the SavedModel is used, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
