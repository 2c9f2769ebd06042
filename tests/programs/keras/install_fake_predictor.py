"""Test setup (TF1 process): install a test double of `tf.contrib.predictor` (see tests/_fake_predictor.py)."""

import _fake_predictor

_fake_predictor.install()
