# codemods: native-save, compat-names
# `save_path = builder.save()`: the name keeps what TF1 returned, the saved_model.pb path as bytes
import os

import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
            builder.add_meta_graph_and_variables(
                sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"serving_default": signature}
            )
            save_path = builder.save()
    print(type(save_path).__name__, os.path.relpath(save_path, os.fsencode(export_dir)), os.path.isfile(save_path))
# output
# `save_path = builder.save()`: the name keeps what TF1 returned, the saved_model.pb path as bytes
import os

import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
    save_path = tf.io.gfile.join(tf.compat.as_bytes(export_dir), b"saved_model.pb")
    print(type(save_path).__name__, os.path.relpath(save_path, os.fsencode(export_dir)), os.path.isfile(save_path))
