import tensorflow as tf

def export(sess, path, x, y):
    print "exporting to", path
    tf.saved_model.simple_save(sess, path, inputs={"x": x}, outputs={"y": y})
