# codemods: native-save, compat-names
# refused (SM302): a saver whose var_list renames the variables in the checkpoint (only `tf.train.Saver()`
# is read: every variable made so far, under its TF1 name)
import tensorflow as tf


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver({"weights": w})
        saver.restore(sess, checkpoint)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM302): a saver whose var_list renames the variables in the checkpoint (only `tf.train.Saver()`
# is read: every variable made so far, under its TF1 name)
import tensorflow as tf


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver({"weights": w})
        saver.restore(sess, checkpoint)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 12:9: SM302 not migrated: the block restores a checkpoint into `sess` with a saver native-save does not read (it migrates `saver = tf.train.Saver()` made in the block, without arguments, restored by `saver.restore(sess, path)`); the values live only in that session, so export it with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
