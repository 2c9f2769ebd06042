# codemods: native-save, compat-names
# refused (SM303): training before the export
import tensorflow as tf


def train_and_export(export_dir, data):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict={x: batch})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM303): training before the export
import tensorflow as tf


def train_and_export(export_dir, data):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict={x: batch})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 13:9: SM303 not migrated: `sess` is used inside a loop or other control flow (trai
