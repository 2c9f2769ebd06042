# codemods: native-save, native-load, compat-names
# hard-coded names, export migrated by native-save in the same file: names become signature keys
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
        y = tf.identity(x * 2.0 + 1.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# hard-coded names, export migrated by native-save in the same file: names become signature keys
import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0 + 1.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})


def serve(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    serving_default_fn = loaded.signatures["serving_default"]
    return serving_default_fn(x=batch)["y"].numpy()
