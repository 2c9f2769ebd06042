# codemods: native-load, compat-names
# name maps over an inline signature lookup, read by key; a list of output names run later
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        inputs = {key: meta.signature_def["serving_default"].inputs[key].name for key in meta.signature_def["serving_default"].inputs.keys()}
        outputs = {key: tensor.name for key, tensor in meta.signature_def["serving_default"].outputs.items()}
        if "x" not in inputs or len(outputs) != 2:
            raise ValueError("unexpected signature")
        sig = meta.signature_def["serving_default"]
        names = [sig.outputs["y"].name, sig.outputs["z"].name]
        y = sess.run(outputs["y"], {inputs["x"]: batch})
        y2, z = sess.run(names, feed_dict={sig.inputs[k].name: v for k, v in {"x": batch}.items()})
        return y, y2, z
# output
# name maps over an inline signature lookup, read by key; a list of output names run later
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    serving_default_fn = loaded.signatures["serving_default"]
    inputs = {key: key for key in serving_default_fn.structured_input_signature[1]}
    outputs = {key: key for key in serving_default_fn.structured_outputs}
    if "x" not in inputs or len(outputs) != 2:
        raise ValueError("unexpected signature")
    sig = loaded.signatures["serving_default"]
    y = serving_default_fn(**{inputs["x"]: batch})[outputs["y"]].numpy()
    outputs_2 = sig(**{k: v for k, v in {"x": batch}.items()})
    y2, z = [outputs_2["y"].numpy(), outputs_2["z"].numpy()]
    return y, y2, z
