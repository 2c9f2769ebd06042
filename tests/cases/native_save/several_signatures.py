# codemods: native-save, compat-names
# several signatures (inline defs, build_signature_def), a batched input, sess.run of an output

import tensorflow as tf

SCALE = 1.5


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
            w = tf.Variable(tf.zeros([3, 1]), name="w")
            b = tf.Variable([0.0], name="b")
            logits = tf.matmul(x, w) + b
            y = tf.identity(logits * SCALE, name="y")
            hidden = tf.nn.relu(logits, name="hidden")
            sess.run(tf.global_variables_initializer())
            sess.run(w.assign([[1.5], [-2.0], [0.25]]))
            sess.run(tf.assign(b, [0.75]))
            print("check:", sess.run(y, feed_dict={x: [[1.0, 1.0, 1.0]]}))
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: tf.saved_model.signature_def_utils.predict_signature_def(
                        inputs={"x": x}, outputs={"y": y}
                    ),
                    "relu": tf.saved_model.signature_def_utils.build_signature_def(
                        inputs={"features": tf.saved_model.utils.build_tensor_info(x)},
                        outputs={"hidden": tf.saved_model.utils.build_tensor_info(hidden)},
                        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
                    ),
                },
                strip_default_attrs=True,
            )
            builder.save()
# output
# several signatures (inline defs, build_signature_def), a batched input, sess.run of an output

import tensorflow as tf

SCALE = 1.5


def export(export_dir):
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    b = tf.Variable([0.0], name="b")
    w.assign([[1.5], [-2.0], [0.25]])
    b.assign([0.75])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        logits = tf.matmul(x, w) + b
        y = tf.identity(logits * SCALE, name="y")
        return {"y": y}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="features")])
    def relu(x):
        logits = tf.matmul(x, w) + b
        hidden = tf.nn.relu(logits, name="hidden")
        return {"hidden": hidden}

    print("check:", serving_default(x=[[1.0, 1.0, 1.0]])["y"].numpy())
    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    module.relu = relu
    tf.saved_model.save(
        module,
        export_dir,
        signatures={
            "serving_default": serving_default,
            "relu": relu,
        },
    )
