# codemods: native-save, compat-names
# classify and regress signatures: method names restored after tf.saved_model.save

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
# output
# classify and regress signatures: method names restored after tf.saved_model.save

import numpy as np
import tensorflow as tf


def export(export_dir):
    weights = tf.Variable(tf.zeros([2, 2]), name="weights")
    bias = tf.Variable(tf.constant(0.1, shape=[2]), name="bias")
    weights.assign(np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="inputs")])
    def classify(serialized):
        features = tf.io.parse_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.float32)})
        logits = tf.matmul(features["x"], weights) + bias
        scores = tf.nn.softmax(logits, name="scores")
        classes = tf.tile(tf.constant([["negative", "positive"]]), [tf.shape(scores)[0], 1])
        return {"classes": classes, "scores": scores}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="inputs")])
    def regress(serialized):
        features = tf.io.parse_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.float32)})
        logits = tf.matmul(features["x"], weights) + bias
        prediction = tf.reduce_sum(logits, axis=1, keepdims=True, name="prediction")
        return {"outputs": prediction}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="inputs")])
    def regress_built(serialized):
        features = tf.io.parse_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.float32)})
        logits = tf.matmul(features["x"], weights) + bias
        prediction = tf.reduce_sum(logits, axis=1, keepdims=True, name="prediction")
        return {"outputs": prediction}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="examples")])
    def serving_default(serialized):
        features = tf.io.parse_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.float32)})
        logits = tf.matmul(features["x"], weights) + bias
        scores = tf.nn.softmax(logits, name="scores")
        prediction = tf.reduce_sum(logits, axis=1, keepdims=True, name="prediction")
        return {"scores": scores, "prediction": prediction}

    module = tf.Module()
    module.weights = weights
    module.bias = bias
    module.classify = classify
    module.regress = regress
    module.regress_built = regress_built
    module.serving_default = serving_default
    tf.saved_model.save(
        module,
        export_dir,
        signatures={
            "classify": classify,
            "regress": regress,
            "regress_built": regress_built,
            "serving_default": serving_default,
        },
    )
    # tf.saved_model.save writes every signature as predict: restore the TF1 method names
    method_names = tf.compat.v1.saved_model.signature_def_utils.MethodNameUpdater(export_dir)
    method_names.replace_method_name("classify", "tensorflow/serving/classify", tags=[tf.saved_model.SERVING])
    method_names.replace_method_name("regress", "tensorflow/serving/regress", tags=[tf.saved_model.SERVING])
    method_names.replace_method_name("regress_built", "tensorflow/serving/regress", tags=[tf.saved_model.SERVING])
    method_names.save()
    # fingerprint.pb still describes the file before the method names changed; TF reads it
    # only for telemetry and loads fine without it, so remove it rather than keep a stale one
    fingerprint = tf.io.gfile.join(export_dir, "fingerprint.pb")
    if tf.io.gfile.exists(fingerprint):
        tf.io.gfile.remove(fingerprint)
