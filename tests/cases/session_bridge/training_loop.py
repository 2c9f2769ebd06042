# codemods: session-bridge, native-save, compat-names
# bridged (was SM303): training native-save does not replay (Ftrl), in the block that builds the graph
import tensorflow as tf


def train_and_export(export_dir, data):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.FtrlOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict={x: batch})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# bridged (was SM303): training native-save does not replay (Ftrl), in the block that builds the graph
import tensorflow as tf
import smmigrate


def train_and_export(export_dir, data):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.FtrlOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict={x: batch})
        smmigrate.export_session(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 15:9: SM406 bridged with smmigrate.export_session, not migrated to native TF2: SM303 `tf.train.FtrlOptimizer` is not replayed eagerly: native-save migrates training only with GradientDescent, Adam, Momentum, Adagrad, RMSProp or Adadelta optimizers, whose TF2 updates are proven to reach the same weights; export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the training loop in TF2 by hand
