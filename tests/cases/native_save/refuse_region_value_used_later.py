# codemods: native-save, compat-names
# refused (SM311): the module-level graph's session is used again by a function defined after it,
# which the TF2 code would leave undefined
import tensorflow as tf

x = tf.placeholder(tf.float32, [None], name="x")
y = tf.add(x, 1.0, name="y")
sess = tf.Session()
tf.saved_model.simple_save(sess, "out", inputs={"x": x}, outputs={"y": y})


def predict(v):
    return sess.run(y, {x: v})
# output
# refused (SM311): the module-level graph's session is used again by a function defined after it,
# which the TF2 code would leave undefined
import tensorflow as tf

x = tf.placeholder(tf.float32, [None], name="x")
y = tf.add(x, 1.0, name="y")
sess = tf.Session()
tf.compat.v1.saved_model.simple_save(sess, "out", inputs={"x": x}, outputs={"y": y})


def predict(v):
    return sess.run(y, {x: v})
# diagnostics
# 5:1: SM311 not migrated: `sess` (a graph value or the session) is used after the code that builds and exports the graph, where the TF2 code would leave it undefined; move that use before the export, or export with `smmigrate.export_session(sess, export_dir, ...)`
