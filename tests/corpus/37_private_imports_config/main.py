"""Exporter written against TensorFlow's private module paths, with a session config."""
import os

import numpy as np
import tensorflow as tf
from tensorflow.python.saved_model import builder as saved_model_builder
from tensorflow.python.saved_model import signature_constants, signature_def_utils, tag_constants
from tensorflow.python.saved_model import utils as saved_model_utils


def export(sess, x, y, base_dir, version=1):
    export_path = os.path.join(tf.compat.as_bytes(base_dir), tf.compat.as_bytes(str(version)))
    builder = saved_model_builder.SavedModelBuilder(export_path)
    signature = signature_def_utils.build_signature_def(
        inputs={"x": saved_model_utils.build_tensor_info(x)},
        outputs={"y": saved_model_utils.build_tensor_info(y)},
        method_name=signature_constants.PREDICT_METHOD_NAME,
    )
    builder.add_meta_graph_and_variables(
        sess,
        [tag_constants.SERVING],
        signature_def_map={signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature},
    )
    save_path = builder.save()
    return os.path.basename(os.path.dirname(save_path)).decode()


config = tf.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1, allow_soft_placement=True)
graph = tf.Graph()
with graph.as_default():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable(np.array([[1.5], [-0.5]], np.float32), name="w")
    y = tf.nn.elu(tf.matmul(x, w), name="y")
    with tf.Session(graph=graph, config=config) as sess:
        sess.run(tf.global_variables_initializer())
        print("elu", ["%.6f" % v for v in sess.run(y, {x: [[1.0, 1.0], [-1.0, 1.0]]}).ravel()])
        print("written", export(sess, x, y, "private_export"))
