# only names imported from TensorFlow, inside a function: no TensorFlow name to switch with
def build():
    from tensorflow.compat.v1 import placeholder

    return placeholder("float")
# diagnostics
# 5:12: SM120 keeps it there
# 5:12: SM123 imports TensorFlow only inside functions
