"""TF1 export: serialized tf.Example input with classify, regress and predict signatures."""
import sys

import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_constants, signature_def_utils, tag_constants


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        serialized = tf.placeholder(tf.string, shape=[None], name="tf_example")
        features = tf.parse_example(serialized, {"x": tf.FixedLenFeature([2], tf.float32)})
        weights = tf.get_variable("weights", shape=[2, 2], initializer=tf.zeros_initializer())
        bias = tf.get_variable("bias", shape=[2], initializer=tf.constant_initializer(0.1))
        new_weights = tf.placeholder(tf.float32, shape=[2, 2])
        load_weights = weights.assign(new_weights)
        logits = tf.matmul(features["x"], weights) + bias
        scores = tf.nn.softmax(logits, name="scores")
        classes = tf.tile(tf.constant([["negative", "positive"]]), [tf.shape(scores)[0], 1])
        prediction = tf.reduce_sum(logits, axis=1, keepdims=True, name="prediction")
        sess.run(tf.global_variables_initializer())
        sess.run(load_weights, feed_dict={new_weights: np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32)})
        classify = signature_def_utils.classification_signature_def(serialized, classes, scores)
        regress = signature_def_utils.regression_signature_def(examples=serialized, predictions=prediction)
        regress_built = signature_def_utils.build_signature_def(
            inputs={"inputs": tf.saved_model.utils.build_tensor_info(serialized)},
            outputs={"outputs": tf.saved_model.utils.build_tensor_info(prediction)},
            method_name=signature_constants.REGRESS_METHOD_NAME,
        )
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            tags=[tag_constants.SERVING],
            signature_def_map={
                "classify": classify,
                "regress": regress,
                "regress_built": regress_built,
                signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature_def_utils.predict_signature_def(
                    {"examples": serialized}, {"scores": scores, "prediction": prediction}
                ),
            },
            legacy_init_op=tf.tables_initializer(),
        )
        builder.save(as_text=False)


if __name__ == "__main__":
    export(sys.argv[1])
