"""Facts one codemod learns about a project and another one uses (picklable, JSON-able values).

Before rewriting, the engine asks every codemod for the facts of every file it will rewrite
(`SavedModelCodemod.collect_facts`) and hands the whole list to each codemod instance
(`self.project_facts`). The one fact kind so far: where TF1 code writes a SavedModel, with which
signatures, and whether native-save migrates that export to TF2 — native-load needs it to decide
between calling signatures by key (TF2 export) and `.prune` on tensor names (TF1 export).
"""

from __future__ import annotations

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
