# Estimator exports are reported with their TF 2.21 replacement; nothing is changed
import tensorflow as tf


def model_fn(features, labels, mode):
    logits = tf.layers.dense(features["x"], 2)
    return tf.estimator.EstimatorSpec(
        mode,
        predictions={"logits": logits},
        export_outputs={"classify": tf.estimator.export.ClassificationOutput(scores=logits)},
    )


estimator = tf.estimator.Estimator(model_fn, model_dir="model")
feature_spec = {"x": tf.io.FixedLenFeature([4], tf.float32)}
parsing_fn = tf.estimator.export.build_parsing_serving_input_receiver_fn(feature_spec)
raw_fn = tf.estimator.export.build_raw_serving_input_receiver_fn({"x": tf.placeholder(tf.float32, [None, 4])})
estimator.export_saved_model("exports", parsing_fn)
estimator.export_savedmodel("exports", raw_fn)


def serving_input_fn():
    x = tf.placeholder(tf.float32, [None, 4])
    return tf.estimator.export.ServingInputReceiver({"x": x}, {"x": x})
# diagnostics
# 10:9: SM663 `export_outputs` of an `EstimatorSpec` has no TF 2.21 equiva
# 10:37: SM663 `ClassificationOutput` has no TF 2.21 equivalent: return the
# 16:14: SM662 `build_parsing_serving_input_receiver_fn` has no TF 2.21 equ
# 17:10: SM661 `build_raw_serving_input_receiver_fn` has no TF 2.21 equival
# 18:1: SM660 `estimator.export_saved_model(...)` left as is: Estimators a
# 19:1: SM660 `estimator.export_savedmodel(...)` left as is: Estimators ar
# 24:12: SM664 serving input receivers have no TF 2.21 equivalent: the `rec
