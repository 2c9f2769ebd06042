# bridged (was SM301): `save_path = builder.save()` keeps TF1's value, the saved_model.pb path as bytes
import tensorflow as tf


def export(sess, path, x, y):
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": signature})
    save_path = builder.save()
    return save_path
# output
# bridged (was SM301): `save_path = builder.save()` keeps TF1's value, the saved_model.pb path as bytes
import tensorflow as tf
import smmigrate


def export(sess, path, x, y):
    signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    smmigrate.export_session(sess, path, tags=["serve"], signature_def_map={"serving_default": signature})
    save_path = tf.io.gfile.join(tf.compat.as_bytes(path), b"saved_model.pb")
    return save_path
