"""TF1 export with simple_save: int64 ids and a string input, an embedding variable."""
import sys

import tensorflow as tf

EMBEDDING = [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]]


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            ids = tf.placeholder(tf.int64, [None], name="ids")
            tag = tf.placeholder(tf.string, [None], name="tag")
            embedding = tf.Variable(EMBEDDING, name="embedding", trainable=False)
            offset = tf.Variable(0.5, name="offset")
            vectors = tf.gather(embedding, ids) + offset
            total = tf.reduce_sum(vectors, axis=1, name="total")
            count = tf.cast(ids * 2, tf.float32)
            label = tf.strings.join([tag, tf.as_string(ids)], separator="-", name="label")
            sess.run(tf.global_variables_initializer())
            sess.run([offset.assign_add(0.25), embedding.assign(tf.reverse(embedding, [0]))])
            tf.saved_model.simple_save(
                sess,
                export_dir,
                inputs={"ids": ids, "tag": tag},
                outputs={"total": total, "count": count, "label": label},
            )


if __name__ == "__main__":
    export(sys.argv[1])
