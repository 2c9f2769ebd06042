import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants
from tensorflow.saved_model.utils import build_tensor_info

INPUTS = ["height", "width"]


def graph():
    inputs = {n: tf.placeholder(tf.float32, [None], name=n) for n in INPUTS}
    k = tf.Variable(1.25, name="k")
    outputs = {
        "area": inputs["height"] * inputs["width"] * k,
        "perimeter": 2.0 * (inputs["height"] + inputs["width"]),
    }
    return inputs, outputs


def main():
    inputs, outputs = graph()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        feed = {inputs["height"]: [1.0, 2.0], inputs["width"]: [3.0, 0.5]}
        res = sess.run(outputs, feed)
        for key in sorted(res):
            print(key, " ".join("%.3f" % v for v in res[key]))
        signature = tf.saved_model.signature_def_utils.build_signature_def(
            inputs={k: build_tensor_info(v) for k, v in inputs.items()},
            outputs={k: build_tensor_info(v) for k, v in outputs.items()},
            method_name=signature_constants.PREDICT_METHOD_NAME,
        )
        builder = tf.saved_model.builder.SavedModelBuilder("geometry")
        builder.add_meta_graph_and_variables(
            sess, [tag_constants.SERVING], {signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature}
        )
        builder.save()
    print(np.float32(1.5))


main()
