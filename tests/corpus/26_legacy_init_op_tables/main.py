import numpy as np
import tensorflow as tf

LABELS = ["cat", "dog", "bird"]


def build_graph():
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    w = tf.Variable((np.eye(3) * [1.0, 2.0, 0.5]).astype(np.float32), name="w")
    scores = tf.matmul(x, w)
    idx = tf.argmax(scores, axis=1)
    table = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(
            tf.constant([0, 1, 2], dtype=tf.int64), tf.constant(LABELS), tf.int64, tf.string
        ),
        default_value="unknown",
    )
    label = table.lookup(idx)
    return x, scores, label


x, scores, label = build_graph()
legacy_init = tf.group(tf.tables_initializer(), tf.local_variables_initializer(), name="legacy_init_op")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(legacy_init)
    s, l = sess.run([scores, label], {x: np.array([[1, 1, 1], [3, 0, 1], [0, 0, 9]], np.float32)})
    print("labels", [v.decode() for v in l])
    print("max", ["%.2f" % v for v in s.max(axis=1)])
    builder = tf.saved_model.builder.SavedModelBuilder("labeler")
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map={
            "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                {"x": x}, {"label": label, "scores": scores}
            )
        },
        legacy_init_op=legacy_init,
    )
    builder.save()
