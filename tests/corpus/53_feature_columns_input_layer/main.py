"""Structured data the TF 1.x way: feature columns (numeric, bucketized, one-hot of a vocabulary list)
turned into a dense input by input_layer over a dict of placeholders, a small logistic model, and a
predict signature keyed by the raw feature names."""
import numpy as np
import tensorflow as tf

age = tf.feature_column.numeric_column("age")
age_buckets = tf.feature_column.bucketized_column(age, boundaries=[18, 35, 60])
color = tf.feature_column.indicator_column(
    tf.feature_column.categorical_column_with_vocabulary_list("color", ["red", "green", "blue"])
)
features = {
    "age": tf.placeholder(tf.float32, [None, 1], name="age"),
    "color": tf.placeholder(tf.string, [None, 1], name="color"),
}
dense = tf.feature_column.input_layer(features, [age, age_buckets, color])
w = tf.get_variable("w", [dense.shape[1], 1], initializer=tf.constant_initializer(0.1))
score = tf.sigmoid(tf.matmul(dense, w) / 10.0, name="score")

feed = {features["age"]: [[20.0], [70.0]], features["color"]: [["green"], ["purple"]]}
with tf.Session() as sess:
    sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
    print("dense width", dense.shape[1])
    print("score", np.round(sess.run(score, feed).ravel(), 5).tolist())
    tf.saved_model.simple_save(
        sess, "fc_model", inputs={"age": features["age"], "color": features["color"]}, outputs={"score": score},
        legacy_init_op=tf.tables_initializer(),
    )
