# codemods: native-load, compat-names
# a serving client's session config: the tf.config calls asking for the same come before the TF2 load
import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    config.gpu_options.allow_growth = True
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})


def predict_cpu(export_dir, batch):
    with tf.Session(config=tf.ConfigProto(device_count={"GPU": 0})) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
# output
# a serving client's session config: the tf.config calls asking for the same come before the TF2 load
import tensorflow as tf


def predict(export_dir, batch):
    try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
        tf.config.threading.set_intra_op_parallelism_threads(1)
        for gpu in tf.config.list_physical_devices("GPU"):
            tf.config.experimental.set_memory_growth(gpu, True)
    except RuntimeError:
        pass
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()


def predict_cpu(export_dir, batch):
    try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
        tf.config.set_visible_devices([], "GPU")
    except RuntimeError:
        pass
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()
