"""TF migration guide: add_two saved with simple_save, loaded back (plain TF 1.x style)."""
import sys
import tempfile

import tensorflow as tf


def add_two(value):
    return value + 2


def save(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None], name="input")
            y = add_two(x)
            tf.saved_model.simple_save(sess, export_dir, inputs={"input": x}, outputs={"output": y})


def load(export_dir, values):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
            sig = meta_graph.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            return sess.run(sig.outputs["output"].name, feed_dict={sig.inputs["input"].name: values})


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/simple-save"
    save(out)
    result = load(out, [1.0, 2.0, 3.0])
    print("loaded output:", repr(result), type(result).__name__)
