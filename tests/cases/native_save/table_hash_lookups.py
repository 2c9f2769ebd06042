# codemods: native-save, compat-names
# lookup tables (string -> int64, int64 -> string with a default), a tables-only legacy_init_op group run after an assign
import numpy as np
import tensorflow as tf

COLORS = ["red", "green", "blue"]
LABELS = ["low", "mid", "high"]


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        color = tf.placeholder(tf.string, [None], name="color")
        amount = tf.placeholder(tf.float32, [None], name="amount")
        color_table = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(COLORS, np.arange(3, dtype=np.int64)), default_value=-1
        )
        init = tf.lookup.KeyValueTensorInitializer(
            tf.constant([0, 1, 2], dtype=tf.int64), tf.constant(LABELS), tf.int64, tf.string
        )
        label_table = tf.lookup.StaticHashTable(init, "unknown")
        weight = tf.Variable(tf.zeros([4]), name="weight")
        color_id = color_table.lookup(color)
        score = amount * tf.gather(weight, tf.where(color_id < 0, tf.fill(tf.shape(color_id), np.int64(3)), color_id))
        bucket = tf.cast(tf.clip_by_value(score, 0.0, 3.0), tf.int64)
        label = label_table.lookup(bucket)
        legacy_init = tf.group(tf.tables_initializer(), tf.local_variables_initializer(), name="legacy_init_op")
        sess.run(tf.global_variables_initializer())
        sess.run(weight.assign([1.0, 2.0, 3.0, 0.0]))
        sess.run(legacy_init)  # tables only: the assigned weights stay
        got = sess.run([color_id, label], {color: ["blue", "pink", "red"], amount: [0.5, 1.0, 2.5]})
        print("ids", got[0].tolist(), "labels", [v.decode() for v in got[1]])
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.tag_constants.SERVING],
            signature_def_map={
                "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                    {"color": color, "amount": amount}, {"color_id": color_id, "label": label, "score": score}
                )
            },
            legacy_init_op=legacy_init,
        )
        builder.save()
# output
# lookup tables (string -> int64, int64 -> string with a default), a tables-only legacy_init_op group run after an assign
import numpy as np
import tensorflow as tf

COLORS = ["red", "green", "blue"]
LABELS = ["low", "mid", "high"]


def export(export_dir):
    color_table = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(COLORS, np.arange(3, dtype=np.int64)), default_value=-1
    )
    init = tf.lookup.KeyValueTensorInitializer(
        tf.constant([0, 1, 2], dtype=tf.int64), tf.constant(LABELS), tf.int64, tf.string
    )
    label_table = tf.lookup.StaticHashTable(init, "unknown")
    weight = tf.Variable(tf.zeros([4]), name="weight")
    weight.assign([1.0, 2.0, 3.0, 0.0])

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.string, name="color"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="amount"),
        ]
    )
    def evaluate(color, amount):
        color_id = color_table.lookup(color)
        score = amount * tf.gather(weight, tf.where(color_id < 0, tf.fill(tf.shape(color_id), np.int64(3)), color_id))
        bucket = tf.cast(tf.clip_by_value(score, 0.0, 3.0), tf.int64)
        label = label_table.lookup(bucket)
        return [color_id, label]

    got = [result.numpy() for result in evaluate(color=["blue", "pink", "red"], amount=[0.5, 1.0, 2.5])]
    print("ids", got[0].tolist(), "labels", [v.decode() for v in got[1]])

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.string, name="color"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="amount"),
        ]
    )
    def serving_default(color, amount):
        color_id = color_table.lookup(color)
        score = amount * tf.gather(weight, tf.where(color_id < 0, tf.fill(tf.shape(color_id), np.int64(3)), color_id))
        bucket = tf.cast(tf.clip_by_value(score, 0.0, 3.0), tf.int64)
        label = label_table.lookup(bucket)
        return {"color_id": color_id, "label": label, "score": score}

    module = tf.Module()
    module.weight = weight
    module.color_table = color_table
    module.label_table = label_table
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
