"""Regression over tf.Example with an int64 id feature and a string category looked up in a table."""
import numpy as np
import tensorflow as tf

CATEGORIES = ["red", "green", "blue"]
feature_spec = {
    "item_id": tf.FixedLenFeature([], tf.int64),
    "color": tf.FixedLenFeature([], tf.string, default_value="red"),
    "price": tf.FixedLenFeature([], tf.float32),
}


def example(item_id, color, price):
    f = tf.train.Feature
    return tf.train.Example(
        features=tf.train.Features(
            feature={
                "item_id": f(int64_list=tf.train.Int64List(value=[item_id])),
                "color": f(bytes_list=tf.train.BytesList(value=[color.encode()])),
                "price": f(float_list=tf.train.FloatList(value=[price])),
            }
        )
    ).SerializeToString()


examples = tf.placeholder(tf.string, [None], name="input_example_tensor")
parsed = tf.parse_example(examples, feature_spec)
color_table = tf.lookup.StaticHashTable(
    tf.lookup.KeyValueTensorInitializer(CATEGORIES, np.arange(3, dtype=np.int64)), default_value=0
)
color_id = color_table.lookup(parsed["color"])
color_weight = tf.Variable([1.0, 2.0, 3.0], name="color_weight")
id_bias = tf.cast(parsed["item_id"] % 7, tf.float32) * 0.1
prediction = tf.expand_dims(parsed["price"] * tf.gather(color_weight, color_id) + id_bias, -1)

sess = tf.Session()
sess.run([tf.global_variables_initializer(), tf.tables_initializer()])
batch = [example(10, "green", 2.0), example(22, "blue", 1.5), example(3, "red", 4.0)]
print("prediction", ["%.4f" % p for p in sess.run(prediction, {examples: batch}).ravel()])
builder = tf.saved_model.builder.SavedModelBuilder("price_model")
builder.add_meta_graph_and_variables(
    sess,
    [tf.saved_model.tag_constants.SERVING],
    signature_def_map={
        "regress": tf.saved_model.signature_def_utils.regression_signature_def(examples, prediction),
        "predict": tf.saved_model.signature_def_utils.predict_signature_def(
            {"examples": examples}, {"prediction": prediction, "color_id": color_id}
        ),
    },
    main_op=tf.tables_initializer(),
)
builder.save()
sess.close()
