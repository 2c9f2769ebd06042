# codemods: native-save, compat-names
# refused (SM309): a signature output computed from a tf.data iterator's element (a served model has no pipeline to pull from)
import numpy as np
import tensorflow as tf


def export(export_dir):
    dataset = tf.data.Dataset.from_tensors(np.ones((2, 2), np.float32))
    iterator = dataset.make_one_shot_iterator()
    batch = iterator.get_next()
    w = tf.Variable(2.0, name="w")
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.add(x, batch * w, name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM309): a signature output computed from a tf.data iterator's element (a served model has no pipeline to pull from)
import numpy as np
import tensorflow as tf


def export(export_dir):
    dataset = tf.data.Dataset.from_tensors(np.ones((2, 2), np.float32))
    iterator = dataset.make_one_shot_iterator()
    batch = iterator.get_next()
    w = tf.Variable(2.0, name="w")
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.add(x, batch * w, name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 15:9: SM309 not migrated: signature `serving_default` computes its outputs from `batch`, an element of a tf.data iterator (the batches training reads), which a served model has no way to pull; serve from placeholders, or export with `smmigrate.export_session(sess, export_dir, ...)`
