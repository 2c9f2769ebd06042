# codemods: native-load, compat-names
# refused: public helpers take a function's session, and other modules may call them with theirs
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def main(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        signature = load_model(sess, export_dir)
        print(sorted(signature.outputs))
# output
# refused: public helpers take a function's session, and other modules may call them with theirs
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def main(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        signature = load_model(sess, export_dir)
        print(sorted(signature.outputs))
# diagnostics
# 6:12: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: the session is passed into `load_model()`, whose parameters the TF2 form changes, and other modules may call it with a session (public, and the session is made inside a function); if only this module calls it, make it private (`_load_model`) and rerun; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
