# codemods: native-save, compat-names
# sess.run of a dict (and a tuple) of tensors bound to a name, fed by a dict bound earlier; an intermediate tensor probed in a loop
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        height = tf.placeholder(tf.float32, [None], name="height")
        width = tf.placeholder(tf.float32, [None], name="width")
        k = tf.Variable(1.25, name="k")
        area = height * width * k
        outputs = {"area": area, "perimeter": 2.0 * (height + width)}
        pair = (area, area * 2.0)
        sess.run(tf.global_variables_initializer())
        feed = {height: [1.0, 2.0], width: [3.0, 0.5]}
        res = sess.run(outputs, feed)
        for key in sorted(res):
            print(key, " ".join("%.3f" % v for v in res[key]))
        small, double = sess.run(pair, feed)
        print("pair", small.tolist(), double.tolist())
        for side in [1.0, 2.5]:
            print("square", sess.run(area, {height: [side], width: [side]}))
        tf.saved_model.simple_save(sess, export_dir, {"height": height, "width": width}, {"area": area})
# output
# sess.run of a dict (and a tuple) of tensors bound to a name, fed by a dict bound earlier; an intermediate tensor probed in a loop
import tensorflow as tf


def export(export_dir):
    k = tf.Variable(1.25, name="k")
    feed = {"height": [1.0, 2.0], "width": [3.0, 0.5]}

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="height"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="width"),
        ]
    )
    def evaluate(height, width):
        area = height * width * k
        outputs_perimeter = 2.0 * (height + width)
        return {"area": area, "perimeter": outputs_perimeter}

    res = {key_2: result.numpy() for key_2, result in evaluate(**feed).items()}
    for key in sorted(res):
        print(key, " ".join("%.3f" % v for v in res[key]))

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="height"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="width"),
        ]
    )
    def evaluate_2(height, width):
        area = height * width * k
        pair = (area, area * 2.0)
        return pair

    small, double = tuple(result.numpy() for result in evaluate_2(**feed))
    print("pair", small.tolist(), double.tolist())

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="height"),
            tf.TensorSpec(shape=[None], dtype=tf.float32, name="width"),
        ]
    )
    def serving_default(height, width):
        area = height * width * k
        return {"area": area}

    for side in [1.0, 2.5]:
        print("square", serving_default(height=[side], width=[side])["area"].numpy())
    module = tf.Module()
    module.k = k
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
