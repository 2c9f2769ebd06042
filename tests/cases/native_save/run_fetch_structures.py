# codemods: native-save, compat-names
# sess.run of lists, tuples and dicts of tensors (outputs of two signatures, an intermediate, variables), fed by a literal dict or a dict bound earlier

import numpy as np
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            ids = tf.placeholder(tf.int64, [None], name="ids")
            words = tf.placeholder(tf.string, [None], name="words")
            offset = tf.Variable(10, dtype=tf.int64, name="offset")
            scale = tf.Variable([0.5, 2.0], name="scale")
            shifted = ids * 2 + offset
            lengths = tf.strings.length(words)
            combined = tf.cast(lengths, tf.int64) + shifted
            joined = tf.strings.join([words, tf.as_string(shifted)], separator="#")
            ratio = tf.cast(shifted, tf.float32) * scale[0]
            sess.run(tf.global_variables_initializer())
            s, u, j = sess.run([shifted, combined, joined], {ids: [1, 2, 3], words: ["a", "bb", "ccc"]})
            print("shifted", s.tolist(), s.dtype)
            print("combined", u.tolist())
            print("joined", [x.decode() for x in j])
            feed = {ids: np.array([4, 5]), words: ["dddd", "e"]}
            both = sess.run((ratio, lengths), feed)
            print("tuple", type(both).__name__, both[0].tolist(), both[1].tolist())
            named = sess.run({"ratio": ratio, "joined": joined}, feed_dict=feed)
            print("dict", sorted(named), named["ratio"].tolist(), named["joined"].tolist())
            print("variables", sess.run([offset, scale]))
            print("one output", sess.run(ratio, {ids: [7]}))
            tf.saved_model.simple_save(
                sess,
                export_dir,
                inputs={"ids": ids, "words": words},
                outputs={"combined": combined, "joined": joined},
            )
# output
# sess.run of lists, tuples and dicts of tensors (outputs of two signatures, an intermediate, variables), fed by a literal dict or a dict bound earlier

import numpy as np
import tensorflow as tf


def export(export_dir):
    offset = tf.Variable(10, dtype=tf.int64, name="offset")
    scale = tf.Variable([0.5, 2.0], name="scale")

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.int64, name="ids"),
            tf.TensorSpec(shape=[None], dtype=tf.string, name="words"),
        ]
    )
    def evaluate(ids, words):
        shifted = ids * 2 + offset
        lengths = tf.strings.length(words)
        combined = tf.cast(lengths, tf.int64) + shifted
        joined = tf.strings.join([words, tf.as_string(shifted)], separator="#")
        return [shifted, combined, joined]

    s, u, j = [result.numpy() for result in evaluate(ids=[1, 2, 3], words=["a", "bb", "ccc"])]
    print("shifted", s.tolist(), s.dtype)
    print("combined", u.tolist())
    print("joined", [x.decode() for x in j])
    feed = {"ids": np.array([4, 5]), "words": ["dddd", "e"]}

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.int64, name="ids"),
            tf.TensorSpec(shape=[None], dtype=tf.string, name="words"),
        ]
    )
    def evaluate_2(ids, words):
        shifted = ids * 2 + offset
        lengths = tf.strings.length(words)
        ratio = tf.cast(shifted, tf.float32) * scale[0]
        return (ratio, lengths)

    both = tuple(result.numpy() for result in evaluate_2(**feed))
    print("tuple", type(both).__name__, both[0].tolist(), both[1].tolist())

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.int64, name="ids"),
            tf.TensorSpec(shape=[None], dtype=tf.string, name="words"),
        ]
    )
    def evaluate_3(ids, words):
        shifted = ids * 2 + offset
        joined = tf.strings.join([words, tf.as_string(shifted)], separator="#")
        ratio = tf.cast(shifted, tf.float32) * scale[0]
        return {"ratio": ratio, "joined": joined}

    named = {key: result.numpy() for key, result in evaluate_3(**feed).items()}
    print("dict", sorted(named), named["ratio"].tolist(), named["joined"].tolist())
    print("variables", [offset.numpy(), scale.numpy()])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.int64, name="ids")])
    def evaluate_4(ids):
        shifted = ids * 2 + offset
        ratio = tf.cast(shifted, tf.float32) * scale[0]
        return ratio

    print("one output", evaluate_4(ids=[7]).numpy())

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.int64, name="ids"),
            tf.TensorSpec(shape=[None], dtype=tf.string, name="words"),
        ]
    )
    def serving_default(ids, words):
        shifted = ids * 2 + offset
        lengths = tf.strings.length(words)
        combined = tf.cast(lengths, tf.int64) + shifted
        joined = tf.strings.join([words, tf.as_string(shifted)], separator="#")
        return {"combined": combined, "joined": joined}

    module = tf.Module()
    module.offset = offset
    module.scale = scale
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
