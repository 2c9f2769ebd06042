"""Exports classify and regress signatures over serialized tf.Example protos."""
import numpy as np
import tensorflow as tf

FEATURES = {
    "age": tf.FixedLenFeature([1], tf.float32),
    "income": tf.FixedLenFeature([1], tf.float32, default_value=[0.0]),
}
CLASSES = ["low", "high"]


def make_example(age, income):
    return tf.train.Example(
        features=tf.train.Features(
            feature={
                "age": tf.train.Feature(float_list=tf.train.FloatList(value=[age])),
                "income": tf.train.Feature(float_list=tf.train.FloatList(value=[income])),
            }
        )
    ).SerializeToString()


def build():
    serialized = tf.placeholder(tf.string, [None], name="tf_example")
    parsed = tf.parse_example(serialized, FEATURES)
    feats = tf.concat([parsed["age"], parsed["income"]], axis=1)
    w = tf.Variable([[0.02, -0.01], [0.001, 0.003]], name="w")
    logits = tf.matmul(feats, w)
    scores = tf.nn.softmax(logits)
    classes = tf.tile(tf.constant([CLASSES]), [tf.shape(serialized)[0], 1])
    value = tf.reduce_sum(feats * [0.5, 0.01], axis=1, keepdims=True)
    return serialized, scores, classes, value


serialized, scores, classes, value = build()
batch = [make_example(30.0, 100.0), make_example(60.0, 20.0)]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sc, val = sess.run([scores, value], {serialized: batch})
    print("scores", " ".join("%.6f" % s for s in sc.ravel()))
    print("value", " ".join("%.4f" % v for v in val.ravel()))
    classify = tf.saved_model.signature_def_utils.classification_signature_def(serialized, classes, scores)
    regress = tf.saved_model.signature_def_utils.regression_signature_def(serialized, value)
    builder = tf.saved_model.builder.SavedModelBuilder("census/1")
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map={
            "classify": classify,
            "regress": regress,
            tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: classify,
        },
    )
    builder.save()
