"""A serving client whose session has a config (TF1): named and set line by line, or written in the
call; the rewrite asks tf.config for the same before the TF2 load.

argv: linear_dir (x -> y, z).
"""

import sys

import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1, allow_soft_placement=True)
    config.gpu_options.allow_growth = True
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})


def predict_cpu(export_dir, batch):
    with tf.Session(graph=tf.Graph(), config=tf.ConfigProto(device_count={"GPU": 0})) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["z"].name, feed_dict={sig.inputs["x"].name: batch})


if __name__ == "__main__":
    print("y", repr(predict(sys.argv[1], [[1.0], [2.0]])))
    print("z", repr(predict_cpu(sys.argv[1], [[3.0]])))
