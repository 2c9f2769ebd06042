"""The one way smmigrate code asks for TensorFlow: a cheap probe first, then the import.

Only `smmigrate/wrappers/` and the command handlers that need TensorFlow call `import_tensorflow()`;
`import smmigrate` and `smmigrate rewrite` never do (a test enforces it).
"""

from __future__ import annotations

import importlib.util
import os

from .errors import TensorFlowMissing

INSTALL_HINT = "install it with: pip install 'smmigrate[tf]'"


def tensorflow_available() -> bool:
    return importlib.util.find_spec("tensorflow") is not None


def import_tensorflow():
    """Import and return the `tensorflow` module, or raise a one-line error saying how to get it."""
    if not tensorflow_available():
        raise TensorFlowMissing(f"this command needs TensorFlow, which is not installed; {INSTALL_HINT}")
    # TensorFlow's C++ start-up chatter is noise on a CLI; users can still override it.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf  # noqa: PLC0415 - deliberately lazy

    return tf
