# codemods: whole-api, native-save, session-bridge, compat-names, compat-mode
# a restore-then-export block in a module that keeps TF1 code (a checkpoint writer): the native rewrite
# is withheld (SM121) and, its values living only in the session, the export is bridged
import tensorflow as tf


def write(path):
    v = tf.get_variable("v", [1], initializer=tf.constant_initializer(3.0))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.train.Saver().save(sess, path)


def export(path, export_dir):
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [None], name="x")
    v = tf.get_variable("v", [1], initializer=tf.constant_initializer(0.0))
    y = tf.multiply(x, v, name="y")
    saver = tf.train.Saver()
    with tf.Session() as sess:
        saver.restore(sess, path)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# a restore-then-export block in a module that keeps TF1 code (a checkpoint writer): the native rewrite
# is withheld (SM121) and, its values living only in the session, the export is bridged
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
import smmigrate


def write(path):
    v = tf.compat.v1.get_variable("v", [1], initializer=tf.compat.v1.constant_initializer(3.0))
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        tf.compat.v1.train.Saver().save(sess, path)


def export(path, export_dir):
    tf.compat.v1.reset_default_graph()
    x = tf.compat.v1.placeholder(tf.float32, [None], name="x")
    v = tf.compat.v1.get_variable("v", [1], initializer=tf.compat.v1.constant_initializer(0.0))
    y = tf.multiply(x, v, name="y")
    saver = tf.compat.v1.train.Saver()
    with tf.compat.v1.Session() as sess:
        saver.restore(sess, path)
        smmigrate.export_session(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 7:9: SM120 this module runs in TF1 compatibility mode: TF1 graph code at line 7 (`tf.compat.v1.get_variable`), line 8 (`tf.compat.v1.Session`), line 9 (`tf.compat.v1.global_variables_initializer`) and 5 more keeps it there; `disable_v2_behavior()` right after its TensorFlow import runs it as on TF 1.x. Migrate those lines to TF2 (eager variables, tf.function, tf.Module) to run it natively
# 7:9: SM121 native-save would have migrated code in this module to eager TF2, but the module keeps TF1 graph code and so runs in TF1 compatibility mode, where eager TF2 code cannot run; that rewrite was withheld. Migrate the module's other graph code (SM120), then rerun
