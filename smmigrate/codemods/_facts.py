"""Facts one codemod learns about a project and another one uses (picklable, JSON-able values).

Before rewriting, the engine asks every codemod for the facts of every file it will rewrite
(`SavedModelCodemod.collect_facts`) and hands the whole list to each codemod instance
(`self.project_facts`). Where TF1 code writes a SavedModel, with which signatures, and whether
native-save migrates that export to TF2 (`ExportFact`) — native-load needs it to decide between
calling signatures by key (TF2 export) and `.prune` on tensor names (TF1 export). Which module
functions build graph pieces (`HelperFact`) — native-save inlines those of other modules of the
package into its exports, and once every call of one is inlined, removes it (`InlinedHelper`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SignatureFact:
    key: str  # signature key, e.g. "serving_default"
    inputs: dict[str, str] = field(default_factory=dict)  # input key -> TF1 tensor name ("x:0")
    outputs: dict[str, str] = field(default_factory=dict)  # output key -> TF1 tensor name ("y:0")
    method_name: str = "tensorflow/serving/predict"


@dataclass(frozen=True)
class ExportFact:
    path: str  # file that writes the export
    export_dir: str  # the export_dir expression's source text ("'/tmp/m'", "EXPORT_DIR", "path")
    export_dir_value: str | None  # its value when it is a literal or a module-level string constant
    migrated: bool  # True when native-save rewrites this export into tf.saved_model.save
    signatures: tuple[SignatureFact, ...] = ()
    function: str | None = None  # enclosing function name, if any
    reason: str | None = (
        None  # native-save's refusal code when not migrated ("SM301", ...); "reexport": native-load writes it
    )
    # the session bridge may export the session instead: not migrated and the graph is built on the
    # default graph outside a with-block (a region); or migrated after replayed training, for when
    # that rewrite is withheld (SM121) and the module keeps its TF1 training
    bridgeable: bool = False
    # migrated: (TF1 variable name, attribute of the saved tf.Module holding it) per tracked variable whose
    # TF1 name is known ("dense/kernel", "kernel"): a load reading `dense/kernel:0` reads that attribute
    variables: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class HelperFact:
    """A module function that builds graph pieces (variables, placeholders, `tf.layers`), which an
    export of another module of the run may inline (`model.inference(features)`): native-save."""

    path: str  # the module that defines it
    name: str
    source: str  # the `def` statement's code, as it stands in that module
    # module-level names the function reads: (name, the import path it is bound to, or None for a
    # value bound by the module itself: a constant, another function)
    globals: tuple[tuple[str, str | None], ...] = ()
    reason: str | None = None  # why it cannot be inlined; None when it can


@dataclass(frozen=True)
class RunFiles:
    """Every file of the run (as the engine was given them): a module another one imports is read
    in the same run, or not (native-save refuses to move calls of unread local modules' functions
    into a tf.function: they may make variables)."""

    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class InlinedHelper:
    """Every call of `path`'s function `name` in the run was inlined into exports in `callers`
    (paths, with the line of the first call): the function goes from its module (native-save).
    Made by the engine once every file is rewritten, for the second rewrite of `path`."""

    path: str
    name: str
    callers: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ConstantsFact:
    """A module's module-level string constants (`SIGNATURE_KEY = "predict_ctr"`, each bound once):
    another module reading `config.SIGNATURE_KEY` reads that value. From the engine, for run files no
    codemod parses (no TensorFlow in them: a package's `config.py`), and from native-save."""

    path: str
    strings: tuple[tuple[str, str], ...] = ()


def same_file(a: str, b: str) -> bool:
    """Two paths of the run naming one file (the engine passes them as they were given)."""
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def module_files(importer: str, module: str, level: int) -> list[str]:
    """Files an `import module` (or `from <level dots>module import ...`) in `importer` may name,
    nearest first: for a relative import, from the importer's package; for an absolute one, from the
    importer's folder and each folder above it (scripts import their siblings). Normalised paths,
    relative when `importer` is."""
    here = os.path.dirname(os.path.abspath(importer))
    parts = [p for p in module.split(".") if p]
    if level:
        base = here
        for _ in range(level - 1):
            base = os.path.dirname(base)
        roots = [base]
    else:
        roots = []
        current = here
        while True:
            roots.append(current)
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
    found = []
    for root in roots:
        target = os.path.join(root, *parts) if parts else root
        for candidate in (target + ".py", os.path.join(target, "__init__.py")):
            found.append(os.path.normpath(os.path.relpath(candidate)) if not os.path.isabs(importer) else candidate)
    return found
