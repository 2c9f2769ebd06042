"""Re-export with a head (TF1): a base model is exported, loaded again, given new ops on its outputs,
probed with `sess.run`, and exported under new signatures, once with a builder and signature defs
bound to names, once with simple_save. The rewrite (native-save for the base, native-load for the
re-exports) writes TF2 SavedModels that serve the same.

argv: work_dir (base/, head_builder/, head_simple/ are written in it).
"""

import os
import sys

import numpy as np
import tensorflow as tf

os.chdir(sys.argv[1])
BASE = "base"


def export_base(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[1.0, -1.0], [0.5, 0.0], [0.0, 2.0]], name="w")
        scores = tf.matmul(x, w, name="scores")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"scores": scores})


def with_builder(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            scores = graph.get_tensor_by_name(sig.outputs["scores"].name)
            probs = tf.nn.softmax(scores, name="probs")
            top = tf.argmax(probs, 1, name="top")
            doubled = scores * 2.0
            p, t = sess.run([probs, top], feed_dict={x: [[1, 2, 3], [0, 0, 1]]})
            print("probs", np.round(p, 5).tolist(), "top", t.tolist())
            d = sess.run({"d": doubled}, {x: np.ones((1, 3), np.float32)})
            print("doubled", d["d"].tolist())
            head_sig = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"x": x}, outputs={"probs": probs, "top": top}
            )
            top_info = tf.saved_model.utils.build_tensor_info(top)
            top_only = tf.saved_model.signature_def_utils.build_signature_def(
                inputs={"x": tf.saved_model.utils.build_tensor_info(x)},
                outputs={"class": top_info},
                method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
            )
            builder = tf.saved_model.builder.SavedModelBuilder(dst)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": head_sig,
                    "top": top_only,
                    "scores": tf.saved_model.signature_def_utils.predict_signature_def(
                        {"x": x}, {"scores": scores, "doubled": doubled}
                    ),
                },
            )
            builder.save()


def with_simple_save(src, dst):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], src)
            x = sess.graph.get_tensor_by_name(meta.signature_def["serving_default"].inputs["x"].name)
            scores = sess.graph.get_tensor_by_name(meta.signature_def["serving_default"].outputs["scores"].name)
            shifted = tf.nn.relu(scores - 1.0)
            print("shifted", sess.run(shifted, {x: [[2.0, 0.0, 1.0]]}).tolist())
            tf.saved_model.simple_save(sess, dst, inputs={"features": x}, outputs={"shifted": shifted})


export_base(BASE)
with_builder(BASE, "head_builder")
with_simple_save(BASE, "head_simple")
print("written", sorted(os.listdir(".")))
