# codemods: native-load, compat-names
# refused: the caller reads the returned SignatureDef itself
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


sess = tf.Session(graph=tf.Graph())
signature = load_model(sess, "/models/m/1")
print(sorted(signature.outputs))
# output
# refused: the caller reads the returned SignatureDef itself
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


sess = tf.Session(graph=tf.Graph())
signature = load_model(sess, "/models/m/1")
print(sorted(signature.outputs))
# diagnostics
# 12:14: SM211 `tf.saved_model.loader.load(...)` left as TF1 code: the SignatureDef `signature` that `load_model()` returns is used here for more than being passed into the helpers the session goes to (it is a signature function in TF2); read what the SignatureDef told you from `loaded.signatures[key].structured_input_signature` / `.structured_outputs`
