"""The codemod registry: one module per codemod; the module's class declares NAME, CODES, ORDER.

`REGISTRY` maps each codemod's name to its class, in run order. Every module in this package whose
name does not start with ``_`` (and is not `symbols` or `tf1_api`, which are data, or `exports`, the
export analysis the SavedModel codemods share) must define exactly one `SavedModelCodemod` subclass
(a big codemod is a sub-package whose ``__init__`` defines it); `--only/--skip/--list-codemods` and
the docs are driven from here.
Importing this package imports libcst, never TensorFlow.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..diagnostics import register_codes
from ._base import SavedModelCodemod

_NOT_CODEMODS = {"symbols", "tf1_api", "exports"}  # data and the export analysis shared by codemods


def _load() -> dict[str, type[SavedModelCodemod]]:
    found: list[type[SavedModelCodemod]] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name in _NOT_CODEMODS:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        classes = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, SavedModelCodemod) and obj.__module__ == module.__name__
        ]
        if len(classes) != 1:
            raise RuntimeError(f"codemod module {module.__name__} must define exactly one SavedModelCodemod")
        cls = classes[0]
        if info.name.replace("_", "-") != cls.NAME:
            raise RuntimeError(f"codemod {cls.__name__}.NAME must be {info.name.replace('_', '-')!r}")
        register_codes(cls.CODES)
        found.append(cls)
    found.sort(key=lambda c: (c.ORDER, c.NAME))
    return {cls.NAME: cls for cls in found}


REGISTRY: dict[str, type[SavedModelCodemod]] = _load()


def select(only=None, skip=None) -> list[type[SavedModelCodemod]]:
    """The codemods to run, in order; unknown names raise `KeyError` naming them."""
    unknown = [n for n in [*(only or []), *(skip or [])] if n not in REGISTRY]
    if unknown:
        raise KeyError(", ".join(unknown))
    names = list(only) if only else list(REGISTRY)
    return [cls for name, cls in REGISTRY.items() if name in names and name not in set(skip or ())]
