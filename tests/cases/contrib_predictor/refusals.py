# predictors passed on, built from graphs or Estimators, and graph-mode modules are reported
import tensorflow as tf


def build(export_dir):
    fn = tf.contrib.predictor.from_saved_model(export_dir)
    return fn


with_graph = tf.contrib.predictor.from_saved_model("exports/1", graph=tf.Graph())
feeds = tf.contrib.predictor.from_saved_model("exports/2")
print(feeds.feed_tensors)
from_estimator = tf.contrib.predictor.from_estimator(estimator, serving_input_fn)
# diagnostics
# 7:12: SM641 `tf.contrib.predictor.from_saved_model(...)` left as is: `fn
# 10:71: SM642 `tf.contrib.predictor.from_saved_model(...)` left as is: `gr
# 12:7: SM641 `tf.contrib.predictor.from_saved_model(...)` left as is: `fe
# 13:18: SM643 `tf.contrib.predictor.from_estimator(...)` left as is: Estim
