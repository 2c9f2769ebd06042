import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_def_utils, tag_constants, utils


def build_graph():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    counter = tf.Variable(0, dtype=tf.int32, trainable=False, name="counter")
    w = tf.Variable([[1.0], [-2.0]], name="w")
    y = tf.matmul(x, w, name="y")
    return x, y, counter


x, y, counter = build_graph()
sess = tf.Session()
sess.run(tf.global_variables_initializer())
print("y:", ["%.2f" % v for v in sess.run(y, {x: np.array([[1, 1], [2, 0.5]])}).ravel()])

signature_def_map = dict()
predict_sig = signature_def_utils.build_signature_def(
    inputs={"x": utils.build_tensor_info(x)},
    outputs={"y": utils.build_tensor_info(y)},
    method_name="tensorflow/serving/predict",
)
signature_def_map["predict_y"] = predict_sig
signature_def_map["serving_default"] = predict_sig

builder = tf.saved_model.builder.SavedModelBuilder("./exports/main_op")
builder.add_meta_graph_and_variables(
    sess,
    [tag_constants.SERVING],
    signature_def_map=signature_def_map,
    main_op=tf.saved_model.main_op.main_op(),
    strip_default_attrs=True,
)
builder.save()
print("saved", sorted(signature_def_map))
