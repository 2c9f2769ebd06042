# codemods: native-load, compat-names
# refused: the session is a parameter of a method, whose callers are not followed
import tensorflow as tf


class Client:
    def load(self, sess, export_dir):
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return meta.signature_def["serving_default"]
# output
# refused: the session is a parameter of a method, whose callers are not followed
import tensorflow as tf


class Client:
    def load(self, sess, export_dir):
        meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return meta.signature_def["serving_default"]
# diagnostics
# 6:9: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: the session `sess` is a parameter of `load()`, a method or nested function, whose callers smmigrate does not follow; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
