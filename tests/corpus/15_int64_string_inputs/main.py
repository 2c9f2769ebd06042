import tensorflow as tf

ids = tf.placeholder(tf.int64, [None], name="ids")
words = tf.placeholder(tf.string, [None], name="words")
offset = tf.Variable(10, dtype=tf.int64, name="offset")
shifted = ids * 2 + offset
lengths = tf.strings.length(words)
upper_len = tf.cast(lengths, tf.int64) + shifted
joined = tf.strings.join([words, tf.as_string(shifted)], separator="#")

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    s, u, j = sess.run([shifted, upper_len, joined], {ids: [1, 2, 3], words: ["a", "bb", "ccc"]})
    print("shifted", s.tolist())
    print("combined", u.tolist())
    print("joined", [x.decode() for x in j])
    tf.saved_model.simple_save(
        sess,
        "typed",
        inputs={"ids": ids, "words": words},
        outputs={"shifted": shifted, "combined": upper_len, "joined": joined},
    )
