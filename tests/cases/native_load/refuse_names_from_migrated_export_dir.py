# codemods: native-save, native-load, compat-names
# refused (SM217): the export in this file is migrated to TF2 and writes a directory known only at
# run time (its function is called with two), so the hard-coded-name load below may read a TF2
# SavedModel, which has no `.prune`
import numpy as np
import tensorflow as tf


def export(path):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


export("model_dir")
export("other_dir")
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.loader.load(sess, ["serve"], "model_dir")
    print(sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)}))
# output
# refused (SM217): the export in this file is migrated to TF2 and writes a directory known only at
# run time (its function is called with two), so the hard-coded-name load below may read a TF2
# SavedModel, which has no `.prune`
import numpy as np
import tensorflow as tf


def export(path):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})


export("model_dir")
export("other_dir")
with tf.Session(graph=tf.Graph()) as sess:
    tf.compat.v1.saved_model.load(sess, ["serve"], "model_dir")
    print(sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)}))
# diagnostics
# 19:11: SM217 `tf.saved_model.loader.load(...)` left as TF1 code: this load fetches hard-coded tensor names, and this file's export to `path` in export() is migrated to tf.saved_model.save with a directory known only at run time, so the load may read a TF2 SavedModel, which has no `.prune`; give that export its directory as a literal or module constant (or pass its function the same one in every call) so the two can be matched, or fetch by signature key
