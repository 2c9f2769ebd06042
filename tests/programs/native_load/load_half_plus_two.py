"""TF Serving's saved_model_half_plus_two_cpu (TF1): serving_default and a regress signature."""
import sys

import tensorflow as tf


def example(x):
    feature = {"x": tf.train.Feature(float_list=tf.train.FloatList(value=[x]))}
    return tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString()


def serve(export_dir, batch, values):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        predict = meta_graph.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        regress = meta_graph.signature_def["regress_x_to_y"]
        examples = [example(v) for v in values]
        y = sess.run(predict.outputs["y"].name, feed_dict={predict.inputs["x"].name: batch})
        r = sess.run(
            regress.outputs[tf.saved_model.signature_constants.REGRESS_OUTPUTS].name,
            feed_dict={regress.inputs[tf.saved_model.signature_constants.REGRESS_INPUTS].name: examples},
        )
    return y, r


if __name__ == "__main__":
    y, r = serve(sys.argv[1], [[1], [2], [5]], [1.0, 3.0])
    print("predict:", repr(y), type(y).__name__)
    print("regress:", repr(r), type(r).__name__)
