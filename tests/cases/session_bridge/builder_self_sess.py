# codemods: session-bridge, native-save, compat-names
# bridged (was SM301): a Builder sequence on `self.sess`, classify signature over tf.Example
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants


class Model:
    def export(self, export_dir):
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        sigs = {
            signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: tf.saved_model.signature_def_utils.predict_signature_def(
                {"x": self.x}, {"y": self.y}
            ),
            "classify": tf.saved_model.signature_def_utils.classification_signature_def(self.examples, None, self.scores),
        }
        builder.add_meta_graph_and_variables(
            self.sess,
            [tag_constants.SERVING],
            signature_def_map=sigs,
            legacy_init_op=tf.tables_initializer(),
        )
        builder.save()
# output
# bridged (was SM301): a Builder sequence on `self.sess`, classify signature over tf.Example
import tensorflow as tf
import smmigrate


class Model:
    def export(self, export_dir):
        sigs = {
            tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: tf.compat.v1.saved_model.signature_def_utils.predict_signature_def(
                {"x": self.x}, {"y": self.y}
            ),
            "classify": tf.compat.v1.saved_model.signature_def_utils.classification_signature_def(self.examples, None, self.scores),
        }
        smmigrate.export_session(
            self.sess,
            export_dir,
            tags=[tf.saved_model.SERVING],
            signature_def_map=sigs,
            legacy_init_op=tf.tables_initializer(),
        )
