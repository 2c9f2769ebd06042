# codemods: whole-api, native-load, native-save, compat-names, compat-mode
# the same module with graph code left (a Saver checkpoint): it stays in TF1 compatibility mode with
# its switch, the import is folded all the same, and the export's native rewrite is withheld (SM121)
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
        w = tf.Variable([[1.0], [2.0], [3.0]], name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def checkpoint(path):
    with tf.Session() as sess:
        v = tf.Variable(1.0)
        sess.run(v.initializer)
        tf.train.Saver([v]).save(sess, path)
# output
# the same module with graph code left (a Saver checkpoint): it stays in TF1 compatibility mode with
# its switch, the import is folded all the same, and the export's native rewrite is withheld (SM121)
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.compat.v1.Session() as sess:
        x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
        w = tf.compat.v1.Variable([[1.0], [2.0], [3.0]], name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        sess.run(tf.compat.v1.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def checkpoint(path):
    with tf.compat.v1.Session() as sess:
        v = tf.compat.v1.Variable(1.0)
        sess.run(v.initializer)
        tf.compat.v1.train.Saver([v]).save(sess, path)
# diagnostics
# 9:35: SM120 this module runs in TF1 compatibility mode: TF1 graph code at line 9 (`tf.compat.v1.Session`), line 10 (`tf.compat.v1.placeholder`), line 13 (`tf.compat.v1.global_variables_initializer`) and 3 more keeps it there; `disable_v2_behavior()` right after its TensorFlow import runs it as on TF 1.x. Migrate those lines to TF2 (eager variables, tf.function, tf.Module) to run it natively
# 9:35: SM121 native-save would have migrated code in this module to eager TF2, but the module keeps TF1 graph code and so runs in TF1 compatibility mode, where eager TF2 code cannot run; that rewrite was withheld. Migrate the module's other graph code (SM120), then rerun
