# codemods: native-save, compat-names
# the TF migration guide's add_two (Builder): the sess.run check becomes a call of the signature function
import sys
import tempfile

import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants


def add_two(value):
    return value + 2


def save(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[], name="input")
            y = add_two(x)
            print("add two output:", sess.run(y, {x: 3.0}))
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signature = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"input": x}, outputs={"output": y}
            )
            builder.add_meta_graph_and_variables(
                sess,
                [tag_constants.SERVING],
                signature_def_map={signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature},
            )
            builder.save()


def load(export_dir, value):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
            sig = meta_graph.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            result = sess.run(sig.outputs["output"].name, feed_dict={sig.inputs["input"].name: value})
    return result


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/saved-model-builder"
    save(out)
    result = load(out, 5.0)
    print("loaded output:", repr(result), type(result).__name__)
# output
# the TF migration guide's add_two (Builder): the sess.run check becomes a call of the signature function
import sys
import tempfile

import tensorflow as tf


def add_two(value):
    return value + 2


def save(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[], dtype=tf.float32, name="input")])
    def serving_default(x):
        y = add_two(x)
        return {"output": y}

    print("add two output:", serving_default(x=3.0)["output"].numpy())
    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})


def load(export_dir, value):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta_graph = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
            sig = meta_graph.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            result = sess.run(sig.outputs["output"].name, feed_dict={sig.inputs["input"].name: value})
    return result


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/saved-model-builder"
    save(out)
    result = load(out, 5.0)
    print("loaded output:", repr(result), type(result).__name__)
