# codemods: native-load, compat-names
# a script's public helpers take main()'s session: rewritten, with a note (no other module is known to call them)
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def predict(sess, sig, batch):
    return sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})


def main():
    with tf.Session(graph=tf.Graph()) as sess:
        sig = load_model(sess, "/models/m/1")
        print(predict(sess, sig, [[1.0]]))


if __name__ == "__main__":
    main()
# output
# a script's public helpers take main()'s session: rewritten, with a note (no other module is known to call them)
import tensorflow as tf


def load_model(export_dir):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    return loaded.signatures["serving_default"]


def predict(sig, batch):
    return sig(x=batch)["y"].numpy()


def main():
    sig = load_model("/models/m/1")
    print(predict(sig, [[1.0]]))


if __name__ == "__main__":
    main()
# diagnostics
# 5:5: SM221 `load_model()`, `predict()` of this script no longer take or return the session; no file of this run imports the script (a run in which one does keeps them as they were)
