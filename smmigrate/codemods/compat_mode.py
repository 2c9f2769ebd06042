"""compat-mode: each module ends native TF2 or in TF1 compatibility mode, and runs either way.

Renaming every TF1 name (`whole-api`) does not make graph-building code run on TF 2.21: placeholders,
sessions, ``get_variable``, TF1 optimizers, ``tf.layers`` need graph mode, and TF 2.21 starts
eagerly. After every other codemod has run, this pass looks at what is left. A module with no TF1
graph code is native TF2. A module that still has some is in TF1 compatibility mode:
``tf.compat.v1.disable_v2_behavior()`` is added right after its TensorFlow import — the first step of
TensorFlow's own migration guide — so it runs exactly as it did on TF 1.x (a module that already calls
it, or ``disable_eager_execution()``, is left as it is). An SM120 note names the first lines that keep
the module there. The engine withholds native rewrites from a module that ends in compatibility mode
(SM121: eager TF2 code cannot share a module with the process-wide switch) and reports native and
compatibility-mode modules that import each other (SM122).

Names TF 2.21 no longer has at all (``tf.contrib``) are reported here, last, so a codemod that
migrates them (e.g. `tf.contrib.predictor`) gets its chance first.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

from ..codes import codes_of
from ..diagnostics import Diagnostic
from . import tf1_api
from ._base import SavedModelCodemod
from ._tfscope import OTHER, ROOT, V1, Bindings, SourceText, analyse, apply_edits, head, import_records, relative
from .exports.tables import OPTIMIZER_PATH
from .whole_api import spelling

# TF1 constructs that need graph mode (TF1-relative paths; an entry ending with "." is a prefix).
# Everything else in the TF1 API also runs eagerly (math, nn, io, logging, flags, app ...).
GRAPH_ONLY: tuple[str, ...] = (
    "placeholder",
    "placeholder_with_default",
    "sparse_placeholder",
    "Session",
    "InteractiveSession",
    "get_default_graph",
    "get_default_session",
    "global_variables_initializer",
    "local_variables_initializer",
    "initialize_all_variables",
    "initialize_local_variables",
    "variables_initializer",
    "tables_initializer",
    "initializers.global_variables",
    "initializers.local_variables",
    "initializers.tables_initializer",
    "initializers.variables",
    "get_variable",
    "get_local_variable",
    "variable_scope",
    "get_variable_scope",
    "get_collection",
    "get_collection_ref",
    "add_to_collection",
    "add_to_collections",
    "GraphKeys",
    "global_variables",
    "local_variables",
    "trainable_variables",
    "model_variables",
    "all_variables",
    "gradients",
    "assign",
    "assign_add",
    "assign_sub",
    "Print",
    "py_func",
    "make_template",
    "layers.",
    "losses.",
    "metrics.",
    "summary.FileWriter",
    "summary.merge_all",
    "summary.merge",
    "train.Saver",
    "train.import_meta_graph",
    "train.export_meta_graph",
    "train.start_queue_runners",
    "train.Supervisor",
    "train.MonitoredSession",
    "train.MonitoredTrainingSession",
    "train.SingularMonitoredSession",
    "train.get_global_step",
    "train.get_or_create_global_step",
    "train.create_global_step",
    "train.string_input_producer",
    "train.batch",
    "train.shuffle_batch",
    "data.make_one_shot_iterator",
    "data.make_initializable_iterator",
    "saved_model.loader.",
    "saved_model.load",
    "saved_model.builder.",
    "saved_model.Builder",
    "saved_model.simple_save",
    "saved_model.main_op.",
    "saved_model.main_op_with_restore",
    "saved_model.utils.build_tensor_info",
    "saved_model.build_tensor_info",
    "saved_model.utils.get_tensor_from_tensor_info",
    "saved_model.get_tensor_from_tensor_info",
    "graph_util.",
)
# Keras 2 backend functions of TF1's graph-and-session world; Keras 3 (TF 2.21's `tf.keras`) has
# none of them, so a module using one keeps graph mode and Keras 2 (Keras-relative paths)
KERAS_GRAPH_ONLY: tuple[str, ...] = tuple(
    f"keras.backend.{name}"
    for name in (
        "get_session",
        "set_session",
        "get_graph",
        "set_learning_phase",
        "learning_phase",
        "manual_variable_initialization",
        "function",
        "placeholder",
    )
)
# TF1 APIs TF 2.21 serves from the Keras 2 package (`tf_keras`) only when TF_USE_LEGACY_KERAS is set
LEGACY_KERAS: tuple[str, ...] = ("layers.", "nn.rnn_cell.", "keras.")
_LEGACY_ENV = 'os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.compat.v1.layers needs Keras 2 (tf_keras)'
_LEGACY_ENV_KERAS = (
    'os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.keras in graph mode needs Keras 2 (tf_keras)'
)
SWITCHES = ("disable_v2_behavior", "disable_eager_execution")
_NOT_REMOVED = ("keras",)


def _switch_statements(tree: ast.Module, switches: list[ast.AST], text: SourceText) -> list | None:
    """Edits deleting each `...disable_v2_behavior()` call statement (each alone on its line, a
    comment allowed, as a plain statement of the module or a function); None when one is used any
    other way."""
    wanted = {id(n) for n in switches}
    suites = [tree.body] + [
        f.body for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and len(f.body) > 1
    ]
    statements = [
        stmt
        for suite in suites
        for stmt in suite
        if isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and id(stmt.value.func) in wanted
        and not stmt.value.args
        and not stmt.value.keywords
    ]
    if len(statements) != len(switches):
        return None
    edits = [text.line_removal(stmt) for stmt in statements]
    # one sharing its line (`x = 1; tf.disable_v2_behavior()`): all are left as they are
    return None if None in edits else edits


def graph_only(rel: str) -> bool:
    """True when the TF1-relative path names a construct that needs graph mode."""
    if OPTIMIZER_PATH.match(rel):
        return True
    for entry in GRAPH_ONLY:
        if entry.endswith("."):
            if rel.startswith(entry):
                return True
        elif rel == entry or rel.startswith(entry + "."):
            return True
    return False


@dataclass(frozen=True)
class Site:
    line: int
    col: int
    text: str  # how the construct is spelled in the source


class CompatMode(SavedModelCodemod):
    NAME = "compat-mode"
    DESCRIPTION = (
        "Decide per module: native TF2, or TF1 compatibility mode (TF1 graph code left: "
        "tf.compat.v1.disable_v2_behavior() added after the TensorFlow import); report TF1 names TF 2.21 lacks."
    )
    CODES = codes_of("compat-mode")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 95  # last: it judges what every other codemod left
    TRIGGERS = ("tensorflow",)
    FILE_MARKERS = ("tensorflow",)
    TEXT_PASS = True

    def __init__(self, filename: str = "<string>", project_facts=()) -> None:
        super().__init__(filename, project_facts)
        self.mode: str | None = None  # "native" / "compat" for a module that imports TensorFlow
        self.graph_sites: list[Site] = []
        self.legacy_keras: list[Site] = []  # tf.compat.v1.layers & co: Keras 2 must back them
        self.tf_keras_sites: list[Site] = []  # tf.keras: Keras 3 on TF 2.21, which has no graph mode
        self.tf_keras_heads: list[int] = []  # where `tf` of a `tf.keras...` spelling ends (for `.compat.v1`)
        self.switch_line: int | None = None  # the line after which graph mode is on (input lines)
        self.imports: list[tuple[str, int, int, int]] = []  # (module, level, line, col): for SM122

    def transform_text(self, code: str) -> str:
        found = analyse(code)
        tree, scopes, text = found.tree, found.scopes, found.text
        edits: list[tuple[int, int, str]] = []
        self.imports = import_records(found.imports)
        if not _imports_tensorflow(found.imports):
            return code
        switch: int | None = None
        parents: dict[int, ast.AST] | None = None
        switch_nodes: list[ast.AST] = []
        for node in found.names:
            full = scopes.resolve(node)
            if full is None:
                continue
            rel, spelled_v1 = relative(full)
            if rel is None:
                continue
            if spelled_v1 and rel in SWITCHES:
                switch = min(switch or node.lineno, node.lineno)
                switch_nodes.append(node)
            if OPTIMIZER_PATH.match(rel):
                parents = parents if parents is not None else _parents(tree)
                if _eager_optimizer(node, parents):
                    continue  # a TF1 optimizer used only eagerly (native-save's replayed training)
            if graph_only(rel) and (spelled_v1 or (rel != "saved_model.load" and spelling(rel) is not None)):
                self.graph_sites.append(Site(node.lineno, node.col_offset + 1, text.source(node)))
                if spelled_v1 and rel.startswith(LEGACY_KERAS):
                    self.legacy_keras.append(self.graph_sites[-1])
            elif spelled_v1 and rel.startswith(LEGACY_KERAS) and not rel.startswith("keras."):
                # `tf.compat.v1.nn.rnn_cell.BasicLSTMCell` works in graph and eager mode alike, but on
                # TF 2.21 only from Keras 2 ("not available with Keras 3")
                self.legacy_keras.append(Site(node.lineno, node.col_offset + 1, text.source(node)))
            elif rel.startswith("keras."):
                self.tf_keras_sites.append(Site(node.lineno, node.col_offset + 1, text.source(node)))
                if rel in KERAS_GRAPH_ONLY:
                    self.graph_sites.append(self.tf_keras_sites[-1])
                base = head(node)
                if not spelled_v1 and isinstance(base, ast.Name) and scopes.resolve(base) == ROOT:
                    self.tf_keras_heads.append(text.span(base)[1])
            base = head(node)
            if rel.split(".")[0] not in _NOT_REMOVED:
                gone = tf1_api.removed(rel)
                if gone is not None and isinstance(base, ast.Name):
                    self._report_removed(node.lineno, node.col_offset + 1, text.source(node), gone)
        self._removed_imports(found.imports)
        if switch is not None and not self.graph_sites and self.eager_changed:
            # the module's graph code was all migrated to eager TF2 in this run: its own switch goes too
            removals = _switch_statements(tree, switch_nodes, text)
            if removals is not None:
                edits.extend(removals)
                switch = None
        if self.graph_sites or switch is not None:
            self.mode = "compat"
            self.switch_line = switch
            if switch is None:
                self._add_switch(tree, scopes, text, edits)
            if self.legacy_keras or self.tf_keras_sites:
                self._legacy_keras(tree, scopes, text, edits)
            self._note()
        else:
            self.mode = "native"
        self.diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
        return apply_edits(code, edits)

    # -- removed names -----------------------------------------------------------------------
    def _removed_imports(self, imports: list[ast.Import | ast.ImportFrom]) -> None:
        for node in imports:
            modules: list[str] = []
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [f"{node.module}.{a.name}" for a in node.names]
            for module in modules:
                if module.startswith(ROOT + ".") and not module.startswith(V1 + "."):
                    rel = module[len(ROOT) + 1 :]
                    gone = tf1_api.removed(rel) if not rel.startswith(("python.", "compat.")) else None
                    if gone is not None:
                        self._report_removed(node.lineno, node.col_offset + 1, module, gone)

    def _report_removed(self, line: int, col: int, spelled: str, gone: tuple[str, str | None]) -> None:
        name, replacement = gone
        hint = (
            f"TensorFlow's own upgrade tables name `tf.{replacement}` as its replacement"
            if replacement
            else "TensorFlow has no TF 2.x equivalent of it: port it by hand (TF-Slim, TF Addons, Keras, TF2 APIs)"
        )
        message = f"`{spelled}` does not exist in TensorFlow 2.21 (`tf.{name}` was removed); {hint}"
        self._diag(line, col, "SM102", message)

    # -- compatibility mode ------------------------------------------------------------------
    def _add_switch(self, tree: ast.Module, scopes: Bindings, text: SourceText, edits: list) -> None:
        roots = {
            name: paths[0]
            for name, paths in scopes.module.bindings.items()
            if paths and OTHER not in paths and paths[0] in (ROOT, V1)
        }
        for stmt in tree.body:
            bound: dict[str, str] = {}
            for name, path in _root_bindings(stmt, scopes):
                bound.setdefault(name, path)  # `try: import ... as tf / except: ...`: the first one
            for name, path in bound.items():
                if roots.get(name) == path:
                    v1 = "compat.v1." if path == ROOT else ""
                    self._insert_after(stmt, [f"{name}.{v1}disable_v2_behavior()"], text, edits)
                    return
        taken = set(scopes.module.bindings) | {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        if "tensorflow" not in taken:
            for stmt in tree.body:
                if any(_imports_tensorflow(inner) for inner in _statements(stmt) if not _defines(inner)):
                    switch = ["import tensorflow", "tensorflow.compat.v1.disable_v2_behavior()"]
                    self._insert_after(stmt, switch, text, edits)
                    return
        # TensorFlow imported inside functions only (a lazy import): switch right after each such
        # import, before the function builds anything
        placed = False
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for body_stmt in func.body:
                for inner in _statements(body_stmt):
                    if isinstance(inner, ast.Import) and not _defines(inner):
                        lazy = [(a.asname or a.name, a.name) for a in inner.names if a.name in (ROOT, V1)]
                        if lazy:
                            name, path = lazy[0]
                            v1 = "compat.v1." if path == ROOT else ""
                            self._insert_after(inner, [f"{name}.{v1}disable_v2_behavior()"], text, edits)
                            placed = True
        if placed:
            return
        first = self.graph_sites[0] if self.graph_sites else Site(1, 1, "")
        self._diag(
            first.line,
            first.col,
            "SM123",
            "this module keeps TF1 graph code but imports TensorFlow only inside functions or under a name "
            "smmigrate cannot use; add `import tensorflow as tf` and `tf.compat.v1.disable_v2_behavior()` at its "
            "top, or migrate the graph code to TF2",
        )

    def _legacy_keras(self, tree: ast.Module, scopes: Bindings, text: SourceText, edits: list) -> None:
        """tf.compat.v1.layers is served by Keras 2 (`tf_keras`) only with TF_USE_LEGACY_KERAS set
        before its first use: set it right after the TensorFlow import, as TF's release notes say.
        The same holds for `tf.keras` in a module that stays in graph mode: on TF 1.x (and up to
        TF 2.15) it was Keras 2, which runs in graph mode; TF 2.21's Keras 3 does not."""
        layers = bool(self.legacy_keras)
        site = (self.legacy_keras or self.tf_keras_sites)[0]
        # TF 1.x's `tf.keras` is `tf.compat.v1.keras` (its optimizers are the graph-mode ones); TF
        # 2.21's `tf.keras` with TF_USE_LEGACY_KERAS is Keras 2's TF2 API, whose optimizers need eager
        edits.extend((at, at, ".compat.v1") for at in self.tf_keras_heads)
        anchor = next(
            (s for s in tree.body if any(_imports_tensorflow(i) for i in _statements(s) if not _defines(i))), None
        )
        if not _sets_legacy_keras(tree) and anchor is not None:
            os_bound = any(
                isinstance(s, ast.Import) and any(a.name == "os" and not a.asname for a in s.names) for s in tree.body
            )
            lines = ([] if os_bound else ["import os"]) + [_LEGACY_ENV if layers else _LEGACY_ENV_KERAS]
            self._insert_after(anchor, lines, text, edits, record=False)
        served = (
            "is served on TF 2.21 by the Keras 2 package only"
            if layers
            else "is Keras 3 on TF 2.21, which cannot run in the graph mode this module keeps, where TF 1.x ran Keras 2"
        )
        self._diag(
            site.line,
            site.col,
            "SM124",
            f"`{site.text}` {served}: the program needs `pip install "
            "tf_keras`, and TF_USE_LEGACY_KERAS=1 is set after the TensorFlow import (it makes `tf.keras` Keras 2 "
            "for the whole program, as on TF 1.x); migrating to Keras 3 layers removes both",
        )

    def _insert_after(
        self, stmt: ast.stmt, lines: list[str], text: SourceText, edits: list, record: bool = True
    ) -> None:
        end_line = stmt.end_lineno or stmt.lineno
        at = text.line_start_after(end_line)
        indent = text.indent_of(stmt.lineno)
        nl = text.newline
        body = "".join(indent + line + nl for line in lines)
        if at == len(text.code) and not text.code.endswith(("\n", "\r")):
            body = nl + body[: -len(nl)]
        edits.append((at, at, body))
        if record:
            self.switch_line = end_line

    def _note(self) -> None:
        sites = _first_per_line(self.graph_sites)
        shown = ", ".join(f"{self.line_label(s.line)} (`{s.text}`)" for s in sites[:3])
        more = f" and {len(sites) - 3} more" if len(sites) > 3 else ""
        where = sites[0] if sites else Site(self.switch_line or 1, 1, "")
        keep = f"TF1 graph code at {shown}{more} keeps it there" if sites else "it switches to graph mode itself"
        self._diag(
            where.line,
            where.col,
            "SM120",
            f"this module runs in TF1 compatibility mode: {keep}; `disable_v2_behavior()` right after its "
            "TensorFlow import runs it as on TF 1.x. Migrate those lines to TF2 (eager variables, tf.function, "
            "tf.Module) to run it natively",
            related_line=self.switch_line if self.switch_line != where.line else None,
        )

    def _diag(self, line: int, col: int, code: str, message: str, related_line: int | None = None) -> None:
        diag = Diagnostic(code, message, line, col, related_line=related_line)
        if diag not in self._reported:
            self._reported.add(diag)
            self.diagnostics.append(diag)

    def transform_module(self, module, *, fresh: bool = False, shared=None):
        import libcst as cst  # only for `python -m libcst.tool codemod`: the engine calls transform_text

        return cst.parse_module(self.transform_text(module.code))


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}


def _eager_optimizer(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """`opt = tf.compat.v1.train.XOptimizer(...)` whose `opt` is only ever used as
    `opt.apply_gradients(...)` or `opt.minimize(lambda: ...)`: both run eagerly on TF 2.21 (TF's
    optimizers take that path when eager execution is on), so the optimizer is not graph code."""
    call = parents.get(id(node))
    assign = parents.get(id(call)) if isinstance(call, ast.Call) and call.func is node else None
    if not (
        isinstance(assign, ast.Assign)
        and assign.value is call
        and len(assign.targets) == 1
        and isinstance(assign.targets[0], ast.Name)
    ):
        return False
    target = assign.targets[0]
    scope: ast.AST | None = assign
    while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
        scope = parents.get(id(scope))
    if scope is None:
        return False
    for other in ast.walk(scope):
        if not isinstance(other, ast.Name) or other.id != target.id or other is target:
            continue
        attr = parents.get(id(other))
        use = parents.get(id(attr))
        if not (
            isinstance(attr, ast.Attribute)
            and isinstance(use, ast.Call)
            and use.func is attr
            and (
                attr.attr == "apply_gradients"
                or (attr.attr == "minimize" and use.args and isinstance(use.args[0], ast.Lambda))
            )
        ):
            return False
    return True


def _sets_legacy_keras(tree: ast.AST) -> bool:
    """The module names the variable itself (`os.environ["TF_USE_LEGACY_KERAS"] = "1"`, `setdefault`,
    `putenv`: the string on its own, not inside a comment or a docstring)."""
    return any(isinstance(n, ast.Constant) and n.value == "TF_USE_LEGACY_KERAS" for n in ast.walk(tree))


def _first_per_line(sites: Iterable[Site]) -> list[Site]:
    seen: dict[int, Site] = {}
    for site in sorted(sites, key=lambda s: (s.line, s.col)):
        seen.setdefault(site.line, site)
    return list(seen.values())


def _statements(stmt: ast.stmt) -> Iterable[ast.stmt]:
    """`stmt` and the statements nested in its blocks, not entering functions or classes."""
    yield stmt
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    for name in ("body", "orelse", "finalbody", "handlers"):
        for child in getattr(stmt, name, ()) or ():
            if isinstance(child, ast.ExceptHandler):
                for inner in child.body:
                    yield from _statements(inner)
            elif isinstance(child, ast.stmt):
                yield from _statements(child)


def _root_bindings(stmt: ast.stmt, scopes: Bindings) -> list[tuple[str, str]]:
    """(name, TensorFlow module) for each name this top-level statement binds to a TF root."""
    out = []
    for node in _statements(stmt):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in (ROOT, V1):
                    out.append((alias.asname, alias.name))
                elif not alias.asname and alias.name.split(".")[0] == ROOT:
                    out.append((ROOT, ROOT))
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in (ROOT, V1):
                    out.append((alias.asname or alias.name, f"{node.module}.{alias.name}"))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found = scopes.alias_of.get(id(node))
            if found in (ROOT, V1):
                out.append((node.targets[0].id, found))
    return out


def _defines(stmt: ast.stmt) -> bool:
    return isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))


def _imports_tensorflow(tree: ast.AST | list[ast.Import | ast.ImportFrom]) -> bool:
    """Whether `tree` (or these import statements) imports TensorFlow."""
    for node in tree if isinstance(tree, list) else ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == ROOT:
            return True
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == ROOT for a in node.names):
            return True
    return False


def __getattr__(name: str):
    if name == "CompatModeCommand":
        from ._base import libcst_command

        return libcst_command(CompatMode)
    raise AttributeError(name)
