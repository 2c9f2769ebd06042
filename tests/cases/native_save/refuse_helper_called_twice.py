# codemods: native-save, compat-names
# refused (SM309): a helper that creates variables, called twice (a layer), is not inlined, and moved
# into a tf.function it would make its variables at every trace
import tensorflow as tf


def layer(x, units):
    w = tf.Variable(tf.ones([2, units]), name="w")
    return tf.matmul(x, w)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        h = layer(x, 2)
        y = layer(h, 1)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM309): a helper that creates variables, called twice (a layer), is not inlined, and moved
# into a tf.function it would make its variables at every trace
import tensorflow as tf


def layer(x, units):
    w = tf.Variable(tf.ones([2, units]), name="w")
    return tf.matmul(x, w)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        h = layer(x, 2)
        y = layer(h, 1)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 14:13: SM309 not migrated: `layer(...)` is a function of this module that creates variables or placeholders; native-save inlines such a helper only when it is called once, with plain statements ending in `return <names>` — otherwise its variables would be made at every trace of the tf.function. Create them outside, or export with `smmigrate.export_session(sess, export_dir, ...)`
