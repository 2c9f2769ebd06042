# codemods: native-save, compat-names
# names imported from tensorflow.compat.v1; a variable named like a tf.Module property
from tensorflow.compat.v1 import placeholder, Session, float32
from tensorflow.compat.v1.saved_model import simple_save
import tensorflow as tf

def export(export_dir, name="name"):
    with tf.Graph().as_default(), Session() as sess:
        variables = tf.Variable([1.0, 2.0], name="variables")
        x = placeholder(float32, [2], "x")
        y = x * variables
        simple_save(sess, export_dir, {"x": x}, {"y": y})
        print("saved", sess.run(variables))
# output
# names imported from tensorflow.compat.v1; a variable named like a tf.Module property
from tensorflow.compat.v1 import float32
import tensorflow as tf

def export(export_dir, name="name"):
    variables = tf.Variable([1.0, 2.0], name="variables")

    @tf.function(input_signature=[tf.TensorSpec(shape=[2], dtype=float32, name="x")])
    def serving_default(x):
        y = x * variables
        return {"y": y}

    module = tf.Module()
    module.variables_variable = variables
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
    print("saved", variables.numpy())
