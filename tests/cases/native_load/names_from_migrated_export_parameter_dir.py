# codemods: native-save, native-load, compat-names
# the export's directory is a parameter of the function that writes it, called once with a literal:
# that literal is its directory, so the hard-coded-name load of it calls the migrated signature
import numpy as np
import tensorflow as tf


def export(path):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


export("model_dir")
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.loader.load(sess, ["serve"], "model_dir")
    print(sess.run("y:0", {"x:0": np.ones((1, 2), np.float32)}))
# output
# the export's directory is a parameter of the function that writes it, called once with a literal:
# that literal is its directory, so the hard-coded-name load of it calls the migrated signature
import numpy as np
import tensorflow as tf


def export(path):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})


export("model_dir")
loaded = tf.saved_model.load("model_dir", tags=["serve"])
serving_default_fn = loaded.signatures["serving_default"]
print(serving_default_fn(x=np.ones((1, 2), np.float32))["y"].numpy())
