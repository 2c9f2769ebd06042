# a module that switches TensorFlow to graph mode keeps its predictor (signature calls would give tensors)
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
predict_fn = tf.contrib.predictor.from_saved_model("exports/1")
print(predict_fn({"x": [[1.0]]}))
# diagnostics
# 5:14: SM644 `tf.contrib.predictor.from_saved_model(...)` left as is: the
