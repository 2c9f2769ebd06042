# codemods: native-save, compat-names
# a signature_def_map assembled in a variable (`m = dict()`, `m[key] = signature` lines) whose keys the program reads after the export; `main_op=main_op()` with no variable assigned before the export (TF1 re-initializes them on load: the same values)
import numpy as np
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    steps = tf.Variable(0, dtype=tf.int32, trainable=False, name="steps")
    w = tf.Variable([[1.0], [-2.0]], name="w")
    y = tf.matmul(x, w, name="y")
    z = tf.multiply(y, 2.0, name="z")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    signatures = dict()
    predict = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    signatures["predict_y"] = predict
    signatures[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY] = predict
    signatures["doubled"] = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"z": z})
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map=signatures,
        main_op=tf.saved_model.main_op.main_op(),
        strip_default_attrs=True,
    )
    builder.save()
    print("saved", sorted(signatures), len(signatures), "doubled" in signatures)
    for key in signatures:
        print("key", key)
# output
# a signature_def_map assembled in a variable (`m = dict()`, `m[key] = signature` lines) whose keys the program reads after the export; `main_op=main_op()` with no variable assigned before the export (TF1 re-initializes them on load: the same values)
import numpy as np
import tensorflow as tf


def export(export_dir):
    steps = tf.Variable(0, dtype=tf.int32, trainable=False, name="steps")
    w = tf.Variable([[1.0], [-2.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def predict_y(x):
        y = tf.matmul(x, w, name="y")
        return {"y": y}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w, name="y")
        return {"y": y}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def doubled(x):
        y = tf.matmul(x, w, name="y")
        z = tf.multiply(y, 2.0, name="z")
        return {"z": z}

    module = tf.Module()
    module.steps = steps
    module.w = w
    module.predict_y = predict_y
    module.serving_default = serving_default
    module.doubled = doubled
    tf.saved_model.save(
        module,
        export_dir,
        signatures={
            "predict_y": predict_y,
            "serving_default": serving_default,
            "doubled": doubled,
        },
    )
    signatures = {"predict_y": predict_y, "serving_default": serving_default, "doubled": doubled}
    print("saved", sorted(signatures), len(signatures), "doubled" in signatures)
    for key in signatures:
        print("key", key)
