# codemods: native-save, compat-names
# a script whose graph is built and exported in `if __name__ == "__main__":` (module code, no
# `with` block), its tensors kept in a dict display with string keys (split into names; a dict of
# plain values stays as it is)
import numpy as np
import tensorflow as tf

if __name__ == "__main__":
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    w = tf.Variable(np.linspace(-1.0, 1.0, 6, dtype=np.float32).reshape(3, 2), name="w")
    heads = {"scores": tf.matmul(x, w), "total": tf.reduce_sum(x, axis=1)}
    meta = {"version": 1}
    meta["name"] = "demo"
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    tf.saved_model.simple_save(sess, "main_guard_model", {"x": x}, {"scores": heads["scores"], "total": heads["total"]})
    sess.close()
    print("exported", meta["name"], meta["version"])
# output
# a script whose graph is built and exported in `if __name__ == "__main__":` (module code, no
# `with` block), its tensors kept in a dict display with string keys (split into names; a dict of
# plain values stays as it is)
import numpy as np
import tensorflow as tf

if __name__ == "__main__":
    w = tf.Variable(np.linspace(-1.0, 1.0, 6, dtype=np.float32).reshape(3, 2), name="w")
    meta = {"version": 1}
    meta["name"] = "demo"

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        heads_scores = tf.matmul(x, w)
        heads_total = tf.reduce_sum(x, axis=1)
        return {"scores": heads_scores, "total": heads_total}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, "main_guard_model", signatures={"serving_default": serving_default})
    print("exported", meta["name"], meta["version"])
