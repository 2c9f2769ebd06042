"""Load a SavedModel, add a post-processing head, and re-export it under new signatures."""
import numpy as np
import tensorflow as tf

tag = tf.saved_model.tag_constants.SERVING


def make_base(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], name="w")
        logits = tf.matmul(x, w, name="logits")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"logits": logits})


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, [tag], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            logits = graph.get_tensor_by_name(sig.outputs["logits"].name)
            probs = tf.nn.softmax(logits, name="probs")
            top = tf.argmax(probs, axis=1, name="top")
            print("probs", np.round(sess.run(probs, {x: [[1, 2, 3]]}), 5).tolist())
            builder = tf.saved_model.builder.SavedModelBuilder(dst)
            builder.add_meta_graph_and_variables(
                sess,
                [tag],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                        {"x": x}, {"probs": probs, "top": top}
                    ),
                    "logits": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"logits": logits}),
                },
            )
            builder.save()


make_base("base")
reexport("base", "with_head")
