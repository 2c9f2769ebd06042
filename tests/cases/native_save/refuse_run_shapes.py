# codemods: native-save, compat-names
# refused (SM321): sess.run evaluations that cannot be replayed eagerly
import tensorflow as tf


def nested_fetch(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        a = x * 2.0
        b = a + 1.0
        print(sess.run([[a, b], a], {x: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def feeds_an_intermediate(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        a = x * 2.0
        b = a + 1.0
        print(sess.run(b, {a: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def feed_dict_changed(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        b = x + 1.0
        feed = {x: [1.0]}
        feed.update({x: [2.0]})
        print(sess.run(b, feed))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def placeholder_not_fed(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        z = tf.placeholder(tf.float32, [None], name="z")
        a = x * 2.0
        b = a + z
        print(sess.run([a, b], {x: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x, "z": z}, {"b": b})


def structure_in_a_list(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        outputs = {"a": x * 2.0, "b": x + 1.0}
        y = x * 3.0
        print(sess.run([outputs, y], {x: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM321): sess.run evaluations that cannot be replayed eagerly
import tensorflow as tf


def nested_fetch(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        a = x * 2.0
        b = a + 1.0
        print(sess.run([[a, b], a], {x: [1.0]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def feeds_an_intermediate(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        a = x * 2.0
        b = a + 1.0
        print(sess.run(b, {a: [1.0]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def feed_dict_changed(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        b = x + 1.0
        feed = {x: [1.0]}
        feed.update({x: [2.0]})
        print(sess.run(b, feed))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"b": b})


def placeholder_not_fed(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        z = tf.placeholder(tf.float32, [None], name="z")
        a = x * 2.0
        b = a + z
        print(sess.run([a, b], {x: [1.0]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x, "z": z}, {"b": b})


def structure_in_a_list(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        outputs = {"a": x * 2.0, "b": x + 1.0}
        y = x * 3.0
        print(sess.run([outputs, y], {x: [1.0]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 10:15: SM321 not migrated: `sess.run` fetches something other than a grap
# 19:15: SM321 not migrated: the feed_dict feeds `a`, which is not a tf.pla
# 28:9: SM321 not migrated: feed dict `feed` is changed or used other than
# 39:15: SM321 not migrated: `sess.run` needs placeholder `z`, which its fe
# 48:15: SM321 not migrated: `sess.run` fetches `outputs`, itself a list or
