# codemods: native-load, native-save, compat-names
# the TF migration guide's load_tf1: tensor names taken from the signature into variables first
import tensorflow as tf
import tensorflow.compat.v1 as tf1


def load_tf1(path, input):
    print('Loading from', path)
    with tf.Graph().as_default() as g:
        with tf1.Session() as sess:
            meta_graph = tf1.saved_model.load(sess, ["serve"], path)
            sig_def = meta_graph.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            input_name = sig_def.inputs['input'].name
            output_name = sig_def.outputs['output'].name
            print('  Output with input', input, ': ',
                  sess.run(output_name, feed_dict={input_name: input}))


def load_and_print(path, input):
    with tf1.Session(graph=tf.Graph()) as sess:
        meta_graph = tf1.saved_model.load(sess, ["serve"], path)
        sig_def = meta_graph.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        output_name = sig_def.outputs['output'].name
        print(output_name)
        return sess.run(output_name, feed_dict={sig_def.inputs['input'].name: input})
# output
# the TF migration guide's load_tf1: tensor names taken from the signature into variables first
import tensorflow as tf
import tensorflow.compat.v1 as tf1


def load_tf1(path, input):
    print('Loading from', path)
    loaded = tf.saved_model.load(path, tags=["serve"])
    sig_def = loaded.signatures[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
    print('  Output with input', input, ': ',
          sig_def(input=input)["output"].numpy())


def load_and_print(path, input):
    with tf1.Session(graph=tf.Graph()) as sess:
        meta_graph = tf1.saved_model.load(sess, ["serve"], path)
        sig_def = meta_graph.signature_def[tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        output_name = sig_def.outputs['output'].name
        print(output_name)
        return sess.run(output_name, feed_dict={sig_def.inputs['input'].name: input})
# diagnostics
# 23:15: SM209 `tf1.saved_model.load(...)` left as TF1 code: the 
