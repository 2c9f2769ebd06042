# codemods: native-save, compat-names
# placeholders made by a comprehension over a module constant, the output dict fetched whole and
# signatures built by comprehensions over `.items()`: unrolled, then one name per entry
import tensorflow as tf
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


def export(export_dir):
    inputs, outputs = graph()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        res = sess.run(outputs, {inputs["height"]: [1.0, 2.0], inputs["width"]: [3.0, 0.5]})
        for key in sorted(res):
            print(key, " ".join("%.3f" % v for v in res[key]))
        signature = tf.saved_model.signature_def_utils.build_signature_def(
            inputs={k: build_tensor_info(v) for k, v in inputs.items()},
            outputs={k: build_tensor_info(v) for k, v in outputs.items()},
            method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
        )
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(sess, ["serve"], {"serving_default": signature})
        builder.save()
# output
# placeholders made by a comprehension over a module constant, the output dict fetched whole and
# signatures built by comprehensions over `.items()`: unrolled, then one name per entry
import tensorflow as tf

INPUTS = ["height", "width"]


def export(export_dir):
    k_2 = tf.Variable(1.25, name="k")

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="inputs_height"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="inputs_width"),
        ]
    )
    def evaluate(inputs_height, inputs_width):
        outputs_area = inputs_height * inputs_width * k_2
        outputs_perimeter = 2.0 * (inputs_height + inputs_width)
        return {"area": outputs_area, "perimeter": outputs_perimeter}

    res = {key_2: result.numpy() for key_2, result in evaluate(inputs_height=[1.0, 2.0], inputs_width=[3.0, 0.5]).items()}
    for key in sorted(res):
        print(key, " ".join("%.3f" % v for v in res[key]))

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="height"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="width"),
        ]
    )
    def serving_default(inputs_height, inputs_width):
        outputs_area = inputs_height * inputs_width * k_2
        outputs_perimeter = 2.0 * (inputs_height + inputs_width)
        return {"area": outputs_area, "perimeter": outputs_perimeter}

    module = tf.Module()
    module.k_2 = k_2
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
