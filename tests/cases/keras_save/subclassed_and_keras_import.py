# a subclassed model, `from tensorflow import keras`, and keras.experimental.export_saved_model
from tensorflow import keras


class Scale(keras.layers.Layer):
    def call(self, inputs):
        return inputs * 2.0


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.scale = Scale()

    def call(self, inputs):
        return self.scale(inputs)


class Bigger(Net):
    pass


net = Bigger()
net.save("exports/net")
keras.experimental.export_saved_model(net, "exports/net_experimental")
# output
# a subclassed model, `from tensorflow import keras`, and keras.experimental.export_saved_model
from tensorflow import keras


class Scale(keras.layers.Layer):
    def call(self, inputs):
        return inputs * 2.0


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.scale = Scale()

    def call(self, inputs):
        return self.scale(inputs)


class Bigger(Net):
    pass


net = Bigger()
net.export("exports/net")
net.export("exports/net_experimental")
# diagnostics
# 24:1: SM605 written with Keras 3 `model.export`: its `serving_default` s
# 25:1: SM605 written with Keras 3 `model.export`: its `serving_default` s
