# export/load calls on a base no TensorFlow import binds are reported on their own line, never silent
from ..compat import tfv1
from mylib import tfm


def export(tf, sess, path, x, y):
    tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def export_local(sess, path, x, y):
    tf = try_import_tf()
    tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def predict(tf, export_dir, x):
    predictor = tf.contrib.predictor.from_saved_model(export_dir)
    return predictor({"x": x})["y"]


def load(tf, sess, export_dir):
    tf.saved_model.load(sess, ["serve"], export_dir)  # TF1's loader: reported
    return tf.saved_model.load(export_dir)  # TF2's load: nothing to say


class Agent:
    def save(self, path):
        self.tf.saved_model.simple_save(self.sess, path, {"x": self.x}, {"y": self.y})


builder = tfv1.saved_model.builder.SavedModelBuilder("out")
other = tfm.saved_model.Builder("out")
tag = tfv1.saved_model.tag_constants.SERVING
unbound.saved_model.loader.load(None, ["serve"], "out")
# diagnostics
# 7:5: SM101 `tf` is a parameter, not a name bound by an import of TensorFlow, so `tf.saved_m
# 12:5: SM101 `tf` is bound by `tf = try_import_tf()`, so `tf.saved_model.simple_save` cannot
# 16:17: SM101 `tf` is a parameter, not a name bound by an import of TensorFlow, so `tf.contrib
# 21:5: SM101 `tf` is a parameter, not a name bound by an import of TensorFlow, so `tf.saved_m
# 27:9: SM101 `self.tf` is an attribute, not a name bound by an import of TensorFlow, so `self
# 30:11: SM101 `tfv1` is imported from `..compat`, a relative import smmigrate does not follow,
# 31:9: SM101 `tfm` is imported from `mylib`, which is not TensorFlow, so `tfm.saved_model.Bui
# 33:1: SM101 `unbound` is not bound in this module (no import of TensorFlow names it), so `un
