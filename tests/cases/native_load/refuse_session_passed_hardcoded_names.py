# codemods: native-load, compat-names
# refused: the helper the session goes to runs hard-coded tensor names (they need the loaded object)
import tensorflow as tf


def load_model(sess, export_dir):
    tf.saved_model.loader.load(sess, ["serve"], export_dir)


def predict(sess, batch):
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session(graph=tf.Graph())
load_model(sess, "/models/m/1")
print(predict(sess, [[1.0]]))
# output
# refused: the helper the session goes to runs hard-coded tensor names (they need the loaded object)
import tensorflow as tf


def load_model(sess, export_dir):
    tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)


def predict(sess, batch):
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session(graph=tf.Graph())
load_model(sess, "/models/m/1")
print(predict(sess, [[1.0]]))
# diagnostics
# 10:12: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: the session goes into `predict()`, which runs hard-coded tensor names: they need the loaded object's `.prune`, which is not followed across functions; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
