"""Batch scoring script: main() makes one session and hands it to private helpers that load the
model, look its tensors up once, and score batches; the entry point is guarded by __main__."""
import argparse

import numpy as np
import tensorflow as tf

MODEL_DIR = "scoring_model"


def _export(path):
    with tf.Graph().as_default():
        features = tf.placeholder(tf.float32, [None, 4], name="features")
        weights = tf.Variable(np.arange(8, dtype=np.float32).reshape(4, 2) / 10.0, name="weights")
        logits = tf.matmul(features, weights)
        probabilities = tf.nn.softmax(logits, name="probabilities")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            builder = tf.saved_model.builder.SavedModelBuilder(path)
            signature = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"features": features}, outputs={"probabilities": probabilities, "logits": logits}
            )
            builder.add_meta_graph_and_variables(
                sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"score": signature}
            )
            builder.save()


def _load(sess, path):
    meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], path)
    return meta_graph.signature_def["score"]


def _score(sess, signature, batch):
    features = sess.graph.get_tensor_by_name(signature.inputs["features"].name)
    probabilities = sess.graph.get_tensor_by_name(signature.outputs["probabilities"].name)
    logits = sess.graph.get_tensor_by_name(signature.outputs["logits"].name)
    probs, raw = sess.run([probabilities, logits], feed_dict={features: batch})
    return probs, raw


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=3)
    args = parser.parse_args(argv)
    _export(MODEL_DIR)
    with tf.Session(graph=tf.Graph()) as sess:
        signature = _load(sess, MODEL_DIR)
        rng = np.random.RandomState(0)
        for i in range(args.batches):
            probs, raw = _score(sess, signature, rng.rand(2, 4).astype(np.float32))
            print("batch %d" % i, np.round(probs, 5).tolist(), np.round(raw, 5).tolist())


if __name__ == "__main__":
    main([])
