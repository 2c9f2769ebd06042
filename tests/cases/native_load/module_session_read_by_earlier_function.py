# codemods: native-load, compat-names
# a function defined above the load runs the module's session when it is called after the load
import tensorflow as tf


def predict(batch):
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session(graph=tf.Graph())
tf.saved_model.loader.load(sess, ["serve"], "/tmp/model")
print(predict([[1.0, 2.0, 3.0]]))
# output
# a function defined above the load runs the module's session when it is called after the load
import tensorflow as tf


def predict(batch):
    return pruned(tf.cast(batch, pruned.inputs[0].dtype)).numpy()


loaded = tf.saved_model.load("/tmp/model", tags=["serve"])
pruned = loaded.prune(["x:0"], "y:0")
print(predict([[1.0, 2.0, 3.0]]))
# diagnostics
# 6:12: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which exists only on SavedModels written by TF1 code; if that export is re-saved with tf.saved_model.save, call `loaded.signatures[key](**inputs)[output_key]` instead
