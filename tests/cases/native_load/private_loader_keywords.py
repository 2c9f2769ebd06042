# codemods: native-load, compat-names
# private-module imports and keyword arguments to the loader
from tensorflow.python.saved_model import loader, signature_constants, tag_constants
import tensorflow as tf


def predict(path, batch):
    with tf.Session(graph=tf.Graph()) as session:
        graph_def = loader.load(sess=session, tags=[tag_constants.SERVING], export_dir=path)
        signature = graph_def.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        return session.run(
            fetches=signature.outputs[signature_constants.PREDICT_OUTPUTS].name,
            feed_dict={signature.inputs[signature_constants.PREDICT_INPUTS].name: batch},
        )
# output
# private-module imports and keyword arguments to the loader
import tensorflow as tf


def predict(path, batch):
    loaded = tf.saved_model.load(path, tags=[tf.saved_model.SERVING])
    signature = loaded.signatures[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
    return signature(inputs=batch)["outputs"].numpy()
