# codemods: native-load, compat-names
# the helper that loads also runs the model by tensor names: pruned there, the caller's session goes
import tensorflow as tf


def load_and_score(sess, export_dir, batch):
    tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return sess.run("y:0", feed_dict={"x:0": batch})


sess = tf.Session()
print(load_and_score(sess, "/models/m/1", [[1.0]]))
sess.close()
# output
# the helper that loads also runs the model by tensor names: pruned there, the caller's session goes
import tensorflow as tf


def load_and_score(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    pruned = loaded.prune(["x:0"], "y:0")
    return pruned(tf.cast(batch, pruned.inputs[0].dtype)).numpy()


print(load_and_score("/models/m/1", [[1.0]]))
# diagnostics
# 7:12: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which exists only on SavedModels written by TF1 code; if that export is re-saved with tf.saved_model.save, call `loaded.signatures[key](**inputs)[output_key]` instead
