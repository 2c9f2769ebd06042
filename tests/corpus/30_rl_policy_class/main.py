"""RL-library style: the policy owns its graph and session; act() is called in a loop; save() exports."""
import numpy as np
import tensorflow as tf


class Policy(object):
    def __init__(self, obs_dim, n_actions, seed=0):
        self.graph = tf.Graph()
        with self.graph.as_default():
            tf.set_random_seed(seed)
            self.obs = tf.placeholder(tf.float32, [None, obs_dim], name="obs")
            with tf.variable_scope("pi"):
                w = tf.get_variable(
                    "w", initializer=np.linspace(-1, 1, obs_dim * n_actions).reshape(obs_dim, n_actions).astype(np.float32)
                )
                self.logits = tf.matmul(self.obs, w)
            self.action = tf.argmax(self.logits, axis=1, name="action")
            self.value = tf.reduce_max(self.logits, axis=1, name="value")
            self.sess = tf.Session(graph=self.graph)
            self.sess.run(tf.global_variables_initializer())

    def act(self, obs):
        return self.sess.run([self.action, self.value], feed_dict={self.obs: obs})

    def save(self, export_dir):
        with self.graph.as_default():
            tf.saved_model.simple_save(
                self.sess, export_dir, inputs={"obs": self.obs}, outputs={"action": self.action, "value": self.value}
            )


rng = np.random.RandomState(5)
policy = Policy(obs_dim=4, n_actions=3)
total = 0.0
for t in range(5):
    a, v = policy.act(rng.randn(1, 4).astype(np.float32))
    total += float(v[0])
    print("t=%d action=%d value=%.5f" % (t, a[0], v[0]))
print("return %.5f" % total)
policy.save("policy_export")
