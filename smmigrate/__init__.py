"""smmigrate: move TensorFlow 1 SavedModel code and artifacts to TensorFlow 2, and prove it.

The library API mirrors the CLI. `import smmigrate` is cheap and never imports TensorFlow: the
functions that need it are loaded on first use from `smmigrate.models` (lazy attributes below).

- `rewrite_paths(paths, ...)` / `rewrite_source(code, ...)`: the codemods behind `smmigrate rewrite`.
- `wrap_metagraph(graph, checkpoint, ...)`: a TF1 graph + checkpoint as pruned TF2 functions.
- `export_session(sess, export_dir, ...)`, `upgrade(src, dst)`: TF2 SavedModels from TF1 sessions/models.
- `update_method_names(export_dir, ...)`, `inspect(path)`, `verify(a, b)`: SavedModel tools.
"""

from __future__ import annotations

import importlib

# public name -> module that defines it (imported on first access)
_LAZY = {
    "rewrite_paths": "smmigrate.rewrite",
    "rewrite_source": "smmigrate.rewrite",
    "RewriteOptions": "smmigrate.rewrite",
    "FileResult": "smmigrate.rewrite",
    "Diagnostic": "smmigrate.diagnostics",
    "SmmigrateError": "smmigrate.errors",
    "wrap_metagraph": "smmigrate.models.graph_adapter",
    "WrappedGraph": "smmigrate.models.graph_adapter",
    "export_session": "smmigrate.models.session_bridge",
    "upgrade": "smmigrate.models.upgrade",
    "update_method_names": "smmigrate.models.method_names",
    "verify": "smmigrate.models.verify",
    "Report": "smmigrate.models.verify",
    "inspect": "smmigrate.inspect_model",
}

# Spelled out (not computed from _LAZY) so linters and type checkers can read it; a test keeps the two equal.
__all__ = [
    "Diagnostic",
    "FileResult",
    "Report",
    "RewriteOptions",
    "SmmigrateError",
    "WrappedGraph",
    "__version__",
    "export_session",
    "inspect",
    "rewrite_paths",
    "rewrite_source",
    "update_method_names",
    "upgrade",
    "verify",
    "wrap_metagraph",
]


def __getattr__(name: str):
    if name == "__version__":  # one source, the package metadata (pyproject.toml); read when asked for
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("smmigrate")
        except PackageNotFoundError:  # a source tree on sys.path that was never installed
            value = "0+unknown"
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'smmigrate' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
