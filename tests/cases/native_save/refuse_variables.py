# codemods: native-save, compat-names
# refused (SM319, SM307): random initial values nothing overwrites, unknown kernel shapes, scope objects,
# reuse of nothing
import tensorflow as tf


def default_initializer(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.get_variable("w", shape=[2, 1])
        y = tf.matmul(x, w)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def truncated_normal(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("layer"):
            w = tf.get_variable("w", [2, 1], initializer=tf.truncated_normal_initializer(stddev=0.1))
        y = tf.matmul(x, w)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def input_shape_unknown(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        h = tf.nn.relu(x)
        y = tf.layers.dense(h, 1, kernel_initializer=tf.zeros_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def scope_object(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("model") as scope:
            w = tf.get_variable("w", [2, 1], initializer=tf.zeros_initializer())
        y = tf.matmul(x, w)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def reuse_of_nothing(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("model", reuse=True):
            w = tf.get_variable("w", [2, 1], initializer=tf.zeros_initializer())
        y = tf.matmul(x, w)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def constant_too_short(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        w = tf.get_variable("w", [4], initializer=tf.constant_initializer([1.0, 2.0]))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": x * w})


def xavier(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.get_variable("w", [2, 1], initializer=tf.contrib.layers.xavier_initializer())
        y = tf.matmul(x, w)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def random_variable_never_assigned(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable(tf.random_normal([2, 1], stddev=0.1), name="w")
        y = tf.matmul(x, w)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM319, SM307): random initial values nothing overwrites, unknown kernel shapes, scope objects,
# reuse of nothing
import tensorflow as tf


def default_initializer(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.get_variable("w", shape=[2, 1])
        y = tf.matmul(x, w)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def truncated_normal(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("layer"):
            w = tf.get_variable("w", [2, 1], initializer=tf.truncated_normal_initializer(stddev=0.1))
        y = tf.matmul(x, w)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def input_shape_unknown(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        h = tf.nn.relu(x)
        y = tf.layers.dense(h, 1, kernel_initializer=tf.zeros_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def scope_object(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("model") as scope:
            w = tf.get_variable("w", [2, 1], initializer=tf.zeros_initializer())
        y = tf.matmul(x, w)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def reuse_of_nothing(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("model", reuse=True):
            w = tf.get_variable("w", [2, 1], initializer=tf.zeros_initializer())
        y = tf.matmul(x, w)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def constant_too_short(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        w = tf.get_variable("w", [4], initializer=tf.constant_initializer([1.0, 2.0]))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": x * w})


def xavier(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.get_variable("w", [2, 1], initializer=tf.contrib.layers.xavier_initializer())
        y = tf.matmul(x, w)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def random_variable_never_assigned(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable(tf.random_normal([2, 1], stddev=0.1), name="w")
        y = tf.matmul(x, w)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 9:13: SM319 not migrated: the initial value of `w` is random (no initializer given: TF1 uses glorot_uniform) and nothing assigns `w` before the export
# 18:58: SM319 not migrated: the initial value of `w` is random (`tf.truncated_normal_initializer(stddev=0.1)`) and nothing assigns `w`
# 27:13: SM319 not migrated: the layer's input `h` is not a rank-2 placeholder with a known last dimension
# 34:14: SM307 not migrated: `with tf.variable_scope(...) as ...` binds the scope object
# 44:17: SM319 not migrated: `model/w` is reused (reuse=True) but no variable of that name is created earlier
# 52:51: SM319 not migrated: the constant initializer has 2 values for 4 elements: TF1 repeats the last value
# 59:54: SM319 not migrated: the initial value of `w` is random (`tf.contrib.layers.xavier_initializer()`)
# 67:25: SM319 not migrated: the initial value of `w` is random (`tf.random_normal`) and nothing assigns `w` before the export
