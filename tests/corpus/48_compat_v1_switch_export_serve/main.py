"""A TF1 script kept alive on TF 2.x the usual way (`tensorflow.compat.v1` + disable_v2_behavior):
exports a scorer with a Builder and serves it back by the names its signature records."""
import os
import sys

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

EXPORT_BASE = "scorer"
WEIGHTS = np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], dtype=np.float32)


def export(version):
    path = os.path.join(EXPORT_BASE, str(version))
    with tf.Graph().as_default():
        features = tf.placeholder(tf.float32, [None, 3], name="features")
        weights = tf.Variable(WEIGHTS, name="weights")
        bias = tf.Variable([0.05, -0.05], name="bias")
        logits = tf.nn.bias_add(tf.matmul(features, weights), bias, name="logits")
        scores = tf.nn.softmax(logits, name="scores")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            builder = tf.saved_model.builder.SavedModelBuilder(path)
            signature = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"features": features}, outputs={"scores": scores, "logits": logits}
            )
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={"serving_default": signature},
            )
            builder.save()
    return path


def serve(path, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], path)
        signature = meta.signature_def["serving_default"]
        scores_name = signature.outputs["scores"].name
        return sess.run(scores_name, feed_dict={signature.inputs["features"].name: batch})


if __name__ == "__main__":
    exported = export(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    batch = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 0.0]], dtype=np.float32)
    print("scores", np.round(serve(exported, batch), 6).tolist())
