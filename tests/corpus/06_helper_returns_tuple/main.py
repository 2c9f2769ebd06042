"""Research-style: the model is a function returning its tensors; export is another function."""
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


def export(sess, x, logits, pred, path):
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    info_x = tf.saved_model.utils.build_tensor_info(x)
    info_logits = tf.saved_model.utils.build_tensor_info(logits)
    info_pred = tf.saved_model.utils.build_tensor_info(pred)
    sig = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"input": info_x},
        outputs={"logits": info_logits, "pred": info_pred},
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], {"predict": sig})
    builder.save()


def main():
    x, logits, pred = build_model()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        lg, pr = sess.run([logits, pred], {x: [[0.5, -0.5], [1.0, 2.0]]})
        print("logits", np.round(lg, 5).tolist())
        print("pred", pr.tolist())
        export(sess, x, logits, pred, "out/model")


main()
