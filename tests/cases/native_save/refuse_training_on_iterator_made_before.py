# codemods: native-save, compat-names
# refused (SM309): training reads batches of a tf.data pipeline native-save does not replay (`shuffle`), made before the graph code it migrates; TF1 pulls a new batch at every `sess.run`, an eager value would be one batch — the diagnostic names the line binding the batch
import numpy as np
import tensorflow as tf


def export(export_dir):
    data = np.arange(16, dtype=np.float32).reshape(8, 2)
    dataset = tf.data.Dataset.from_tensor_slices(data).shuffle(8, seed=1).batch(4).repeat()
    batch = dataset.make_one_shot_iterator().get_next()
    w = tf.Variable(tf.ones([2, 1]), name="w")
    loss = tf.reduce_mean(tf.matmul(batch, w))
    train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.matmul(x, w, name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train_op)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM309): training reads batches of a tf.data pipeline native-save does not replay (`shuffle`), made before the graph code it migrates; TF1 pulls a new batch at every `sess.run`, an eager value would be one batch — the diagnostic names the line binding the batch
import numpy as np
import tensorflow as tf


def export(export_dir):
    data = np.arange(16, dtype=np.float32).reshape(8, 2)
    dataset = tf.data.Dataset.from_tensor_slices(data).shuffle(8, seed=1).batch(4).repeat()
    batch = dataset.make_one_shot_iterator().get_next()
    w = tf.Variable(tf.ones([2, 1]), name="w")
    loss = tf.reduce_mean(tf.matmul(batch, w))
    train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.matmul(x, w, name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train_op)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 11:5: SM309 not migrated: `batch` is a graph object made before the code native-save migrates (by `batch = dataset.make_one_shot_iterator().get_next()`: an input pipeline native-save does not replay — it replays `tf.data.Dataset.from_tensor_slices`/`from_tensors`/`range` with `batch`, `repeat`, `take`, `skip`, `prefetch` — or other graph code), which TF1 reran at every `sess.run` and TF2 would compute once; feed the data through placeholders, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
