"""Estimator-era export code: mentions saved models but uses no TF1 SavedModel symbols we rewrite."""
import mlflow
import tensorflow as tf


def serving_input_receiver_fn():
    serialized = tf.placeholder(tf.string, shape=[None], name="examples")
    features = tf.parse_example(serialized, {"x": tf.FixedLenFeature([4], tf.float32)})
    return tf.estimator.export.ServingInputReceiver(features, {"examples": serialized})


def export(estimator, export_dir_base):
    path = estimator.export_saved_model(export_dir_base, serving_input_receiver_fn)
    mlflow.tensorflow.log_model(tf_saved_model_dir=path, tf_meta_graph_tags=["serve"], tf_signature_def_key="serving_default", artifact_path="model")
    return path


def reload(path):
    return tf.saved_model.load(path)
