"""Two-input functional model with two heads, exported with an explicit serving signature returning a dict."""
import numpy as np
import tensorflow as tf

EXPORT_PATH = "serving/ranker/1"

rng = np.random.RandomState(3)
query_kernel = rng.uniform(-0.5, 0.5, size=(6, 4)).astype(np.float32)
doc_kernel = rng.uniform(-0.5, 0.5, size=(6, 4)).astype(np.float32)
head_kernel = rng.uniform(-0.5, 0.5, size=(8, 1)).astype(np.float32)
cls_kernel = rng.uniform(-0.5, 0.5, size=(8, 2)).astype(np.float32)

query = tf.keras.layers.Input(shape=(6,), name="query")
doc = tf.keras.layers.Input(shape=(6,), name="doc")
q = tf.keras.layers.Dense(4, activation="relu", kernel_initializer=tf.keras.initializers.Constant(query_kernel))(query)
d = tf.keras.layers.Dense(4, activation="relu", kernel_initializer=tf.keras.initializers.Constant(doc_kernel))(doc)
merged = tf.keras.layers.concatenate([q, d])
score = tf.keras.layers.Dense(1, activation="sigmoid", kernel_initializer=tf.keras.initializers.Constant(head_kernel), name="score")(
    merged
)
topic = tf.keras.layers.Dense(2, kernel_initializer=tf.keras.initializers.Constant(cls_kernel), name="topic_logits")(
    merged
)
model = tf.keras.Model(inputs=[query, doc], outputs=[score, topic])
model.compile(
    optimizer=tf.keras.optimizers.SGD(learning_rate=0.2),
    loss={"score": "binary_crossentropy", "topic_logits": "mse"},
)

xq = rng.uniform(0.0, 1.0, size=(16, 6)).astype(np.float32)
xd = rng.uniform(0.0, 1.0, size=(16, 6)).astype(np.float32)
labels = {
    "score": (xq.sum(axis=1, keepdims=True) > xd.sum(axis=1, keepdims=True)).astype(np.float32),
    "topic_logits": np.stack([xq[:, 0], xd[:, 0]], axis=1),
}
model.fit([xq, xd], labels, batch_size=16, epochs=4, verbose=0)

out = model.predict([xq[:3], xd[:3]], verbose=0)
for name, values in zip(["score", "topic_logits"], out):
    print(name, " ".join("%.5f" % v for v in np.asarray(values).ravel()))


@tf.function(
    input_signature=[
        tf.TensorSpec([None, 6], tf.float32, name="query"),
        tf.TensorSpec([None, 6], tf.float32, name="doc"),
    ]
)
def serve(query, doc):
    score, topic_logits = model([query, doc], training=False)
    return {"score": score, "topic": tf.argmax(topic_logits, axis=1)}


model.save(EXPORT_PATH, save_format="tf", signatures={"serving_default": serve})
print("saved", EXPORT_PATH)
