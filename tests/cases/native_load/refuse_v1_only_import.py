# codemods: native-load, compat-names
# refused (SM215): the module imports TensorFlow only as tensorflow.compat.v1, whose saved_model.load is
# the TF1 loader (whole-api, which folds that import into `import tensorflow as tf`, is not run here)
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused (SM215): the module imports TensorFlow only as tensorflow.compat.v1, whose saved_model.load is
# the TF1 loader (whole-api, which folds that import into `import tensorflow as tf`, is not run here)
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 10:9: SM215 `tf.saved_model.loader.load(...)` left as TF1 code: the module imports TensorFlow only as `tensorflow.compat.v1`, whose `saved_model.load` is the TF1 loader; run whole-api too (it folds that import into `import tensorflow as tf`), or add `import tensorflow as tf` yourself, then rerun; or write `tf.saved_model.load` + `loaded.signatures[key]` by hand
