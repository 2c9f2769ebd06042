# codemods: native-save, compat-names
# research style: the model is a function returning its tensors (itself calling a layer helper
# twice, in name scopes), the export another function taking the session: both are inlined where
# they are called, the session's statements and the export stay in order
import numpy as np
import tensorflow as tf

HIDDEN = 3


def dense(x, n_in, n_out, name):
    with tf.name_scope(name):
        w = tf.Variable(np.full((n_in, n_out), 0.1, np.float32) + np.eye(n_in, n_out, dtype=np.float32), name="w")
        b = tf.Variable(np.linspace(-0.1, 0.1, n_out).astype(np.float32), name="b")
        return tf.matmul(x, w) + b


def build_model():
    x = tf.placeholder(tf.float32, [None, 2], name="input")
    h = tf.tanh(dense(x, 2, HIDDEN, "hidden"))
    logits = dense(h, HIDDEN, 2, "logits")
    pred = tf.argmax(logits, axis=1, name="pred")
    return x, logits, pred


def save(sess, x, logits, pred, path):
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    info_x = tf.saved_model.utils.build_tensor_info(x)
    sig = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"input": info_x},
        outputs={
            "logits": tf.saved_model.utils.build_tensor_info(logits),
            "pred": tf.saved_model.utils.build_tensor_info(pred),
        },
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], {"predict": sig})
    builder.save()


def export(export_dir):
    x, logits, pred = build_model()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print("exporting to", export_dir.rsplit("/", 1)[-1])
        save(sess, x, logits, pred, export_dir)
# output
# research style: the model is a function returning its tensors (itself calling a layer helper
# twice, in name scopes), the export another function taking the session: both are inlined where
# they are called, the session's statements and the export stay in order
import numpy as np
import tensorflow as tf

HIDDEN = 3


def export(export_dir):
    w = tf.Variable(np.full((2, HIDDEN), 0.1, np.float32) + np.eye(2, HIDDEN, dtype=np.float32), name="hidden/w")
    b = tf.Variable(np.linspace(-0.1, 0.1, HIDDEN).astype(np.float32), name="hidden/b")
    w_2 = tf.Variable(np.full((HIDDEN, 2), 0.1, np.float32) + np.eye(HIDDEN, 2, dtype=np.float32), name="logits/w")
    b_2 = tf.Variable(np.linspace(-0.1, 0.1, 2).astype(np.float32), name="logits/b")
    print("exporting to", export_dir.rsplit("/", 1)[-1])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="input")])
    def predict(x):
        dense_out = tf.matmul(x, w) + b
        h = tf.tanh(dense_out)
        logits = tf.matmul(h, w_2) + b_2
        pred = tf.argmax(logits, axis=1, name="pred")
        return {"logits": logits, "pred": pred}

    module = tf.Module()
    module.w = w
    module.b = b
    module.w_2 = w_2
    module.b_2 = b_2
    module.predict = predict
    tf.saved_model.save(module, export_dir, signatures={"predict": predict})
