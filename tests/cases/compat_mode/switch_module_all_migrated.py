# codemods: whole-api, native-load, native-save, compat-names, compat-mode
# a `tensorflow.compat.v1` + `disable_v2_behavior()` module whose graph code all migrates: the import
# is folded into `import tensorflow as tf`, and the switch goes with the last graph code
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
        w = tf.Variable([[1.0], [2.0], [3.0]], name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})


if __name__ == "__main__":
    export("switch_model")
    print(serve("switch_model", np.ones((2, 3), np.float32)))
# output
# a `tensorflow.compat.v1` + `disable_v2_behavior()` module whose graph code all migrates: the import
# is folded into `import tensorflow as tf`, and the switch goes with the last graph code
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable([[1.0], [2.0], [3.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(tf.matmul(x, w), name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})


def serve(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()


if __name__ == "__main__":
    export("switch_model")
    print(serve("switch_model", np.ones((2, 3), np.float32)))
