# codemods: native-load, compat-names
# refused: another method runs more than the loaded signature in the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def graph_size(self):
        return len(self.sess.graph.as_graph_def().node)
# output
# refused: another method runs more than the loaded signature in the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def graph_size(self):
        return len(self.sess.graph.as_graph_def().node)
# diagnostics
# 14:20: SM201 the session is also used as `self.sess.graph` in `graph_size()`
