# codemods: native-load, compat-names
# refused: saver options forwarded with **kwargs
import tensorflow as tf


def predict(export_dir, batch, **saver_kwargs):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir, **saver_kwargs)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: saver options forwarded with **kwargs
import tensorflow as tf


def predict(export_dir, batch, **saver_kwargs):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir, **saver_kwargs)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 7:65: SM204 the load call passes `**saver_kwargs`, so its arguments are unknown
