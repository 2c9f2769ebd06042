import numpy as np
import tensorflow as tf


def model_fn():
    """Returns the endpoints of the graph, like many research repos do."""
    ends = {}
    ends["images"] = tf.placeholder(tf.float32, [None, 4], name="images")
    w = tf.Variable(np.reshape(np.arange(12, dtype=np.float32) / 10.0, (4, 3)), name="weights")
    ends["logits"] = tf.matmul(ends["images"], w, name="logits")
    ends["probabilities"] = tf.nn.softmax(ends["logits"], name="probabilities")
    ends["classes"] = tf.argmax(ends["logits"], 1, name="classes")
    return ends


if __name__ == "__main__":
    endpoints = model_fn()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    feed = np.array([[1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5]], np.float32)
    probs, classes = sess.run([endpoints["probabilities"], endpoints["classes"]], {endpoints["images"]: feed})
    print("probabilities:\n" + "\n".join(" ".join("%.5f" % p for p in row) for row in probs))
    print("classes:", classes)
    output_names = ["logits", "probabilities", "classes"]
    signature = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"images": tf.saved_model.utils.build_tensor_info(endpoints["images"])},
        outputs={k: tf.saved_model.utils.build_tensor_info(endpoints[k]) for k in output_names},
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder = tf.saved_model.builder.SavedModelBuilder("serving/1")
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": signature})
    builder.save()
    sess.close()
