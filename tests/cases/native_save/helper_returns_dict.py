# codemods: native-save, compat-names
# the endpoints are collected in a dict by a helper (`ends = {}` + `ends["k"] = ...`) and read back by
# key, also by a comprehension over a list of names: each entry becomes a name of its own, the
# comprehension a display; the session is made without `with` and closed after the export
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


def export(export_dir):
    endpoints = model_fn()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    output_names = ["logits", "probabilities", "classes"]
    signature = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"images": tf.saved_model.utils.build_tensor_info(endpoints["images"])},
        outputs={k: tf.saved_model.utils.build_tensor_info(endpoints[k]) for k in output_names},
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": signature})
    builder.save()
    sess.close()
# output
# the endpoints are collected in a dict by a helper (`ends = {}` + `ends["k"] = ...`) and read back by
# key, also by a comprehension over a list of names: each entry becomes a name of its own, the
# comprehension a display; the session is made without `with` and closed after the export
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(np.reshape(np.arange(12, dtype=np.float32) / 10.0, (4, 3)), name="weights")
    output_names = ["logits", "probabilities", "classes"]

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 4], dtype=tf.float32, name="images")])
    def serving_default(endpoints_images):
        endpoints_logits = tf.matmul(endpoints_images, w, name="logits")
        endpoints_probabilities = tf.nn.softmax(endpoints_logits, name="probabilities")
        endpoints_classes = tf.argmax(endpoints_logits, 1, name="classes")
        return {"logits": endpoints_logits, "probabilities": endpoints_probabilities, "classes": endpoints_classes}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
