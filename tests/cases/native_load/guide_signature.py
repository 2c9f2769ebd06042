# codemods: native-load, compat-names
# signature keys from the MetaGraphDef (the migration guide's pattern), graph + session blocks
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants


def load(export_dir, value):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
            sig = meta_graph.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            result = sess.run(sig.outputs["output"].name, feed_dict={sig.inputs["input"].name: value})
    return result
# output
# signature keys from the MetaGraphDef (the migration guide's pattern), graph + session blocks
import tensorflow as tf


def load(export_dir, value):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    sig = loaded.signatures[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
    result = sig(input=value)["output"].numpy()
    return result
