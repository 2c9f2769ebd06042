# codemods: native-save, compat-names
# refused (SM309): a function's region reads the batch of a module-level tf.data iterator (one eager value in TF2, a new batch at every TF1 `sess.run`)
import numpy as np
import tensorflow as tf

dataset = tf.data.Dataset.from_tensor_slices(np.ones((8, 2), np.float32)).shuffle(8, seed=1).batch(4).repeat()
batch = dataset.make_one_shot_iterator().get_next()


def export(export_dir):
    w = tf.Variable(tf.ones([2, 1]), name="w")
    loss = tf.reduce_mean(tf.matmul(batch, w))
    train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.matmul(x, w, name="y")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    sess.run(train_op)
    tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM309): a function's region reads the batch of a module-level tf.data iterator (one eager value in TF2, a new batch at every TF1 `sess.run`)
import numpy as np
import tensorflow as tf

dataset = tf.data.Dataset.from_tensor_slices(np.ones((8, 2), np.float32)).shuffle(8, seed=1).batch(4).repeat()
batch = dataset.make_one_shot_iterator().get_next()


def export(export_dir):
    w = tf.Variable(tf.ones([2, 1]), name="w")
    loss = tf.reduce_mean(tf.matmul(batch, w))
    train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.matmul(x, w, name="y")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    sess.run(train_op)
    tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 11:5: SM309 not migrated: `batch` is a graph object made before the code native-save migrates (by `batch = dataset.make_one_shot_iterator().get_next()`: an input pipeline native-save does not replay — it replays `tf.data.Dataset.from_tensor_slices`/`from_tensors`/`range` with `batch`, `repeat`, `take`, `skip`, `prefetch` — or other graph code), which TF1 reran at every `sess.run` and TF2 would compute once; feed the data through placeholders, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
