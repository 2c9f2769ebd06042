# codemods: native-load, compat-names
# refused: a function defined above the load reads the module's session when it is called later
import tensorflow as tf


def predict(batch):
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session(graph=tf.Graph())
tf.saved_model.loader.load(sess, ["serve"], "/tmp/model")
print(predict([[1.0, 2.0, 3.0]]))
# output
# refused: a function defined above the load reads the module's session when it is called later
import tensorflow as tf


def predict(batch):
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session(graph=tf.Graph())
tf.compat.v1.saved_model.load(sess, ["serve"], "/tmp/model")
print(predict([[1.0, 2.0, 3.0]]))
# diagnostics
# 6:12: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: the session `sess` is used inside `predict()`, which may run at any time
