import numpy as np

from .compat import tfv1
from .saving import save_with_builder


def build():
    x = tfv1.placeholder(tfv1.float32, [None, 2], name="x")
    w = tfv1.Variable(np.array([[2.0, 1.0], [1.0, 3.0]], np.float32), name="w")
    return x, tfv1.matmul(x, w, name="y")


def train_and_export(path):
    graph = tfv1.Graph()
    with graph.as_default():
        x, y = build()
        sess = tfv1.Session(graph=graph)
        sess.run(tfv1.global_variables_initializer())
        print("y", sess.run(y, {x: [[1.0, -1.0]]}).tolist())
        builder = tfv1.saved_model.builder.SavedModelBuilder(path)
        sig = tfv1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        save_with_builder(builder, sess, [tfv1.saved_model.tag_constants.SERVING], {"serving_default": sig})
        sess.close()
