"""What every smmigrate codemod shares: TensorFlow name resolution, spelling, and diagnostics.

A codemod is a libcst `CSTTransformer` with a ``NAME``, a one-line ``DESCRIPTION`` and the
diagnostic ``CODES`` it emits. We deliberately avoid importing `libcst.codemod` on the `rewrite`
path (it costs ~0.25 s of start-up through `libcst.matchers`); each codemod module still offers a
``<Name>Command`` class for ``python -m libcst.tool codemod`` (built on demand by
`libcst_command`). Names are
resolved by import, never by text: `QualifiedNameProvider` gives the imported path of a name, and
`TFBindings` adds what it cannot see (``tf1 = tf.compat.v1`` aliases, bindings it cannot resolve
such as ``tf = try_import_tf()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import libcst as cst
from libcst.metadata import (
    ExpressionContext,
    ExpressionContextProvider,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedName,
    QualifiedNameSource,
    ScopeProvider,
)
from libcst.metadata.expression_context_provider import ExpressionContextVisitor

from ..diagnostics import Diagnostic
from . import _imports, symbols
from ._names import NameIndex, dotted_name, dotted_parts, import_module_path
from ._positions import LazyPositions
from ._walk import dedupe, parents, unique_parents, walk
from .symbols import ROOT_MODULE, V1, V1_MODULE, V2


def base_name(node: cst.BaseExpression) -> cst.Name | None:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node if isinstance(node, cst.Name) else None


def is_main_guard(node: cst.CSTNode) -> bool:
    """`if __name__ == "__main__":` (either side of `==`)."""
    test = node.test if isinstance(node, cst.If) else None
    if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
        return False
    target = test.comparisons[0]
    sides = (test.left, target.comparator)
    return (
        isinstance(target.operator, cst.Equal)
        and {type(side) for side in sides} == {cst.Name, cst.SimpleString}
        and [n.value for n in sides if isinstance(n, cst.Name)] == ["__name__"]
        and "__main__" in [literal_str(n) for n in sides]
    )


def literal_str(node: cst.CSTNode | None) -> str | None:
    """The value of a plain string literal (implicit concatenation too); None for anything else
    (bytes, f-strings, names, calls)."""
    if type(node) is cst.SimpleString:
        # what `evaluated_value` (`ast.literal_eval`, a parse per call) gives, read directly when
        # the literal has no prefix and no escapes (nor carriage returns, which the tokenizer folds)
        text = node.value
        quote = text[0]
        if (quote == '"' or quote == "'") and "\\" not in text and "\r" not in text:
            cut = 3 if len(text) >= 6 and text.startswith(quote * 3) else 1
            return text[cut:-cut]
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _joined(dropped: list, own) -> list:
    """A dropped statement's leading lines before the next one's, no blank run longer than either had."""

    def longest_blank_run(lines) -> int:
        best = run = 0
        for line in lines:
            run = run + 1 if isinstance(line, cst.EmptyLine) and line.comment is None else 0
            best = max(best, run)
        return best

    limit = max(longest_blank_run(dropped), longest_blank_run(own))
    out: list = []
    run = 0
    for line in [*dropped, *own]:
        blank = isinstance(line, cst.EmptyLine) and line.comment is None
        run = run + 1 if blank else 0
        if not blank or run <= limit:
            out.append(line)
    return out


class Refused(Exception):
    """A site a codemod will not rewrite: report `code` with `message` at `node` (every codemod's one
    refusal type; the codemod catches it where the site's analysis starts); `related`, when given, is
    another place the reason is about (reported as a line: see Diagnostic.related_line)."""

    def __init__(self, node: cst.CSTNode, code: str, message: str, related: cst.CSTNode | None = None) -> None:
        super().__init__(message)
        self.node, self.code, self.message, self.related = node, code, message, related


# Not `_names.binds`: module-level bindings only, with the TensorFlow path each one holds.
class TFBindings(cst.CSTVisitor):
    """Module-level names bound to TensorFlow API roots, collected before a codemod runs.

    ``roots``: name -> "tensorflow" or "tensorflow.compat.v1" (names we can spell from).
    ``aliases``: name -> qualified path for ``tf1 = tf.compat.v1`` style assignments.
    ``unresolved``: name -> why it cannot be resolved (``tf = try_import_tf()``).
    """

    def __init__(self) -> None:
        self.roots: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.unresolved: dict[str, tuple] = {}  # name -> (target, value) of its assignment
        self.bound_names: set[str] = set()
        self._depth = 0

    # Only module-level statements (including those under top-level try/if) bind module names.
    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.bound_names.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.bound_names.add(node.name.value)
        return False

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            path = import_module_path(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                name = alias.asname.name.value
                self._bind(name, path)
            else:
                name = path.split(".")[0]
                self._bind(name, name)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = import_module_path(node.module)
        for alias in node.names:
            obj = alias.name.value if isinstance(alias.name, cst.Name) else dotted_name(alias.name)
            if obj is None:
                continue
            name = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else obj
            self._bind(name, f"{module}.{obj}")

    def _bind(self, name: str, path: str) -> None:
        self.bound_names.add(name)
        if path in (ROOT_MODULE, V1_MODULE):
            # With `try: import tensorflow.compat.v1 as tf / except: import tensorflow as tf` the
            # first branch is the one that succeeds on TF 2.x, so the first binding wins.
            self.roots.setdefault(name, path)
            self.unresolved.pop(name, None)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            names = [target.target] if isinstance(target.target, cst.Name) else []
            if isinstance(target.target, (cst.Tuple, cst.List)):
                names = [e.value for e in target.target.elements if isinstance(e.value, cst.Name)]
            for name_node in names:
                name = name_node.value
                self.bound_names.add(name)
                parts = dotted_parts(node.value) if len(names) == 1 else None
                resolved = self.resolve_parts(parts) if parts else None
                if (
                    resolved is not None
                    and resolved.startswith(ROOT_MODULE)
                    and symbols.canonical(resolved) not in symbols.SYMBOLS
                ):
                    self.aliases[name] = resolved
                    if resolved in (ROOT_MODULE, V1_MODULE):
                        self.roots[name] = resolved
                else:
                    self.roots.pop(name, None)
                    self.aliases.pop(name, None)
                    self.unresolved[name] = (target.target, node.value)  # formatted only if reported

    def resolve_parts(self, parts: Sequence[str]) -> str | None:
        head = parts[0]
        if head in self.aliases:
            base = self.aliases[head]
        elif head in self.roots and self.roots[head]:
            base = self.roots[head]
        else:
            return None
        return ".".join([base, *parts[1:]])


@dataclass(frozen=True)
class Resolved:
    """A TF SavedModel symbol found in the code."""

    rel: str  # TF1-relative path, e.g. "saved_model.builder.SavedModelBuilder"
    base: str | None  # the site's own base name when it is a TF root binding ("tf"), else None
    base_module: str | None  # what that base is bound to (tensorflow / tensorflow.compat.v1)
    qualified: frozenset = frozenset()  # the fully qualified names behind the site

    def already(self, target: tuple[str, str]) -> bool:
        """True when the site already names `target` the TF 2.x way (nothing to rename)."""
        namespace, path = target
        good = {f"{V1_MODULE}.{path}"}
        if namespace == V2:
            good.add(f"{ROOT_MODULE}.{path}")
        return bool(self.qualified) and self.qualified <= good


class SharedMetadata:
    """One metadata wrapper (and the providers computed on it) per unchanged tree.

    Scope, parent and position analyses are whole-module passes; codemods that run one after the
    other on a tree none of them changed share them instead of recomputing them, and so they share
    the module's `TFBindings` and `NameIndex` (read-only once built)."""

    def __init__(self) -> None:
        self.module: cst.Module | None = None
        self.wrapper: MetadataWrapper | None = None
        self.lazy: dict[type, object] = {}
        # planning results keyed by codemod name, valid for this tree only (see NativeSave)
        self.plans: dict[str, dict[str, Any]] = {}
        self._code: tuple[cst.Module, str] | None = None  # a tree and its code, when the engine knows it

    def snapshot(self) -> SharedMetadata:
        """A copy holding this tree's analyses: those computed while the tree stays current are
        shared with it (the tables are replaced, never cleared, when another tree comes)."""
        copy = SharedMetadata()
        copy.module, copy.wrapper, copy.lazy, copy.plans = self.module, self.wrapper, self.lazy, self.plans
        copy._code = self._code
        return copy

    def know_code(self, module: cst.Module, code: str) -> None:
        """`code` is `module`'s code (the text it was parsed from or generated): positions are then
        computed only for the statements asked about (see _positions.py)."""
        self._code = (module, code)

    def code_of(self, wrapper: MetadataWrapper | None) -> str | None:
        """The code of `wrapper`'s tree when known (the wrapper of the tree `know_code` was told about)."""
        known = self._code
        if known is None or wrapper is None or wrapper is not self.wrapper or known[0] is not self.module:
            return None
        return known[1]

    def get(self, module: cst.Module, fresh: bool) -> tuple[MetadataWrapper, dict]:
        if self.module is not module or self.wrapper is None:
            self.module = module
            self.lazy = {}
            self.plans = {}
            tree = module
            if not fresh:
                # libcst copies the whole tree so that no node object occurs twice; a rewritten tree
                # seldom reuses one, and checking costs less than the copy (the parent map it builds
                # is the metadata's)
                up = unique_parents(module)
                if up is None:  # copy only the reused nodes (a few commas and blank lines), not the tree
                    tree = dedupe(module)
                    up = unique_parents(tree)
                if up is not None:
                    fresh = True
                    self.lazy[ParentNodeProvider] = up
            self.wrapper = MetadataWrapper(tree, unsafe_skip_copy=fresh)
        return self.wrapper, self.lazy

    def index(self, node: cst.Module) -> tuple[TFBindings, NameIndex]:
        """The module-level TF bindings and the name index of `node`, built once per tree."""
        found = self.lazy.get(TFBindings)  # kept with the tree's other analyses
        if found is None or found[0] is not node:  # type: ignore[index]
            found = self.lazy[TFBindings] = (node, *module_index(node))
        return found[1], found[2]  # type: ignore[index]


def module_index(node: cst.Module) -> tuple[TFBindings, NameIndex]:
    bindings, names = TFBindings(), NameIndex()
    walk(node, bindings)
    walk(node, names)
    return bindings, names


def scopes(module: cst.Module) -> dict:
    """libcst's `ScopeProvider` mapping for `module`, as `MetadataWrapper.resolve` computes it, without
    the two whole-tree rebuilding visits `resolve` makes to run the providers' `visit_Module` (one per
    provider: the expression contexts the scope analysis depends on, then the scopes); the contexts
    are collected by the read-only walk."""
    contexts = ExpressionContextProvider()
    walk(module, ExpressionContextVisitor(contexts, ExpressionContext.LOAD))
    provider = ScopeProvider()
    provider.metadata = {ExpressionContextProvider: contexts._computed}
    provider.visit_Module(module)
    return dict(provider._computed)


def _planned(node: cst.Module) -> None:
    """`visit_Module` of a codemod that already planned this tree (see PLANS_AHEAD)."""


class SavedModelCodemod(cst.CSTTransformer):
    """Base class: resolution helpers, import upkeep and positioned diagnostics."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    CODES: ClassVar[dict[str, str]] = {}
    ORDER: ClassVar[int] = 100  # run order within one rewrite (lower first)
    # words at least one of which every file this codemod can change contains (empty: always run);
    # the engine skips the codemod, analysis included, when none is in the source
    TRIGGERS: ClassVar[tuple[str, ...]] = ()
    # words without which `collect_facts` finds nothing (default: TRIGGERS); the engine parses a file
    # ahead of its rewrite for facts only when one of them occurs
    FACT_TRIGGERS: ClassVar[tuple[str, ...] | None] = None
    # True when the rewrite depends on `project_facts` (facts other files' codemods collected)
    USES_FACTS: ClassVar[bool] = False
    # words without which the rewrite uses no fact (default: TRIGGERS): a file with none of them is
    # rewritten before the facts of the run are known
    FACT_USE_TRIGGERS: ClassVar[tuple[str, ...] | None] = None
    # True when the only facts the rewrite uses are about modules the file imports: a file whose import
    # lines name no module of the run is rewritten before the facts are known (no facts pre-pass)
    FACTS_OF_IMPORTS: ClassVar[bool] = False
    # words one of which a file must contain for this codemod to look at it at all (cheap byte test
    # before any parse); SavedModel codemods need "saved_model", the whole-API passes "tensorflow"
    FILE_MARKERS: ClassVar[tuple[str, ...]] = ("saved_model",)
    # True for codemods that write eager TF2 code: it cannot share a module with TF1 compatibility
    # mode's process-wide graph-mode switch, so the engine withholds them from such modules
    EAGER_OUTPUT: ClassVar[bool] = False
    # True for passes that work on the module's text (`transform_text`) instead of a libcst tree
    TEXT_PASS: ClassVar[bool] = False
    # True for codemods that decide every change and diagnostic in `visit_Module` (the planning step)
    # and whose leave_* methods only apply that plan: `transform_module` plans first and skips the
    # rewriting pass over the tree when `plans_change()` says the plan changes nothing
    PLANS_AHEAD: ClassVar[bool] = False
    # set by the engine before a codemod runs on a module: whether a codemod with EAGER_OUTPUT
    # already changed it, and which codemods' rewrites of it were withheld (SM121)
    eager_changed: bool = False
    withheld: frozenset[str] = frozenset()

    def transform_text(self, code: str) -> str:
        """For TEXT_PASS codemods: the rewritten text of a whole module."""
        raise NotImplementedError

    def line_label(self, line: int) -> str:
        """How to name a line of this codemod's input inside a message; the engine maps it back to
        the user's file (through earlier rewrites, into notebook cells)."""
        return f"line {line}"

    # Metadata is computed lazily (see `qualified`, `position`, `parent`): scope analysis is most
    # of a rewrite's cost and most files never need it. Subclasses may still declare providers.
    METADATA_DEPENDENCIES = ()

    def __init__(self, filename: str = "<string>", project_facts: Sequence[object] = ()) -> None:
        super().__init__()
        self.filename = filename
        # facts every codemod collected over all files of this run (see _facts.py)
        self.project_facts: tuple[object, ...] = tuple(project_facts)
        self.diagnostics: list[Diagnostic] = []
        self._reported: set[Diagnostic] = set()
        self.bindings = TFBindings()
        self._added_tf_import: str | None = None
        self._maybe_unused: set[str] = set()
        self._wrapper: MetadataWrapper | None = None
        self._lazy: dict[type, object] = {}
        self.shared: SharedMetadata | None = None
        self.names = NameIndex()
        # ids of the nodes the rewriting pass must enter (see `only_around`); None: every node
        self._marked: set[int] | None = None
        # suite -> blank lines and comments of statements dropped from it (`drop_statement`)
        self._dropped_lines: dict[cst.CSTNode, list] = {}

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def wants(cls, code: str) -> bool:
        """A finer test than TRIGGERS, on the code this codemod would see, before any libcst work:
        False only when the codemod provably cannot change or report anything in it (default: True)."""
        return True

    @classmethod
    def collect_facts(
        cls, module: cst.Module, path: str, shared: SharedMetadata | None = None, project_facts: Sequence[object] = ()
    ) -> list[object]:
        """Facts about `module` that codemods need when rewriting other files (default: none).

        Called once per file before any rewriting; must not modify `module` (use `analyze`).
        `project_facts`: the facts of the files rewritten before it (the ones no codemod reads facts for)."""
        return []

    def transform_module(
        self, module: cst.Module, *, fresh: bool = False, shared: SharedMetadata | None = None
    ) -> cst.Module:
        """Run this codemod over `module`; `fresh` says the tree came straight from the parser
        (no shared nodes), so the metadata wrapper may skip its defensive deep copy. `shared`
        lets consecutive codemods (and the facts pre-pass) reuse one wrapper and its computed
        metadata while the tree is unchanged."""
        shared = shared or SharedMetadata()
        wrapper, self._lazy = shared.get(module, fresh)
        self._wrapper = wrapper
        self.shared = shared
        if self.PLANS_AHEAD:
            self.visit_Module(wrapper.module)
            if not self.plans_change():
                return module
            # planned: the rewriting pass below must not plan again
            self.visit_Module = _planned  # type: ignore[method-assign]
            touched = self.planned_nodes()
            if touched is not None:
                self.only_around(touched)
        new = wrapper.visit(self)
        if self._maybe_unused:
            new = _imports.remove_unused_imports(new, self._maybe_unused, tidy=self._added_tf_import is None)
        if self._added_tf_import is not None:
            new = _imports.add_import(new, "tensorflow", self._added_tf_import)
        return new

    def only_around(self, nodes) -> None:
        """Make the rewriting pass enter only `nodes` and their ancestors: every other subtree is
        kept as it is (the pass still calls visit_/leave_ on its root, not inside it). For codemods
        that know, before the pass, every node whose leave_* returns something new."""
        up = self._metadata(ParentNodeProvider)
        marked: set[int] = set()
        for node in nodes:
            while node is not None and id(node) not in marked:
                marked.add(id(node))
                node = up.get(node)
        self._marked = marked

    def on_visit(self, node: cst.CSTNode) -> bool:
        descend = super().on_visit(node)
        return descend and (self._marked is None or id(node) in self._marked)

    def drop_statement(
        self,
        original_node: cst.SimpleStatementLine | cst.BaseCompoundStatement,
        updated_node: cst.SimpleStatementLine | cst.BaseCompoundStatement,
    ):
        """`RemoveFromParent()` for a statement the rewrite deletes; its blank lines and comments go to
        the next statement left in the same suite (`on_leave`), not with it."""
        suite = self.parent(original_node)
        if suite is not None:
            self._dropped_lines.setdefault(suite, []).extend(updated_node.leading_lines)
        return cst.RemoveFromParent()

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        if not self._dropped_lines or not isinstance(original_node, cst.BaseStatement):
            return result
        if not isinstance(result, (cst.FlattenSentinel, cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return result  # removed too: its suite's lines wait for the next statement
        suite = self.parent(original_node)
        lines = self._dropped_lines.pop(suite, None) if suite is not None else None
        if not lines:
            return result
        if isinstance(result, cst.FlattenSentinel):
            first, *rest = list(result.nodes)
            return cst.FlattenSentinel([first.with_changes(leading_lines=_joined(lines, first.leading_lines)), *rest])
        return result.with_changes(leading_lines=_joined(lines, result.leading_lines))

    def plans_change(self) -> bool:
        """For PLANS_AHEAD codemods, after `visit_Module`: whether the plan changes the tree."""
        return True

    def planned_nodes(self) -> list[cst.CSTNode] | None:
        """For PLANS_AHEAD codemods, after `visit_Module`: every node whose leave_* method returns
        something new (the pass then enters only them and their ancestors); None when unknown."""
        return None

    def analyze(self, module: cst.Module, shared: SharedMetadata | None = None) -> None:
        """Run only `visit_Module` (the planning step) over `module`, without transforming it.

        For `collect_facts`: no defensive copy and no rewrite pass; `module` is not modified."""
        shared = shared or SharedMetadata()
        self._wrapper, self._lazy = shared.get(module, True)
        self.shared = shared
        self.visit_Module(self._wrapper.module)

    def visit_Module(self, node: cst.Module) -> None:
        # shared by every codemod that looks at this tree (neither is modified after it is built)
        if self.shared is not None:
            self.bindings, self.names = self.shared.index(node)
        else:
            self.bindings, self.names = module_index(node)

    # -- lazy metadata ------------------------------------------------------------------------
    def _metadata(self, provider: type) -> dict:
        if provider not in self._lazy:
            if self._wrapper is None:
                raise RuntimeError("metadata is only available while transform_module runs")
            if provider is ParentNodeProvider:  # the same mapping, without libcst's two rebuilding visits
                self._lazy[provider] = parents(self._wrapper.module)
            elif provider is PositionProvider:
                # what `resolve` computes (one code generation pass recording positions), without the
                # extra whole-tree visit `resolve` makes for the (here empty) batch of batchable providers;
                # when the tree's code is known, only for the statements asked about
                code = self.shared.code_of(self._wrapper) if self.shared is not None else None
                if code is not None:
                    lazy, tree = self._lazy, self._wrapper.module

                    def up() -> dict:
                        if ParentNodeProvider not in lazy:
                            lazy[ParentNodeProvider] = parents(tree)
                        return lazy[ParentNodeProvider]  # type: ignore[return-value]

                    self._lazy[provider] = LazyPositions(tree, code, up)
                else:
                    self._lazy[provider] = PositionProvider()._gen(self._wrapper)
            elif provider is ScopeProvider:
                self._lazy[provider] = scopes(self._wrapper.module)
            else:
                self._lazy[provider] = self._wrapper.resolve(provider)
        return self._lazy[provider]  # type: ignore[return-value]

    _MISSING = object()

    def get_metadata(self, key, node, default=_MISSING):
        """libcst's `get_metadata`, but providers not declared up front are computed on first use."""
        if key in self.metadata:
            return (
                super().get_metadata(key, node)
                if default is self._MISSING
                else super().get_metadata(key, node, default)
            )
        table = self._metadata(key)
        if node in table:
            return table[node]
        if default is self._MISSING:
            raise KeyError(f"no {key.__name__} metadata for {type(node).__name__}")
        return default

    def position(self, node: cst.CSTNode) -> tuple[int, int]:
        """(line, 1-based column) of an original node; (1, 1) for nodes built by a codemod."""
        pos = self._metadata(PositionProvider).get(node)
        return (pos.start.line, pos.start.column + 1) if pos is not None else (1, 1)

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self._metadata(ParentNodeProvider).get(node)

    def _qualified_names(self, name: cst.Name) -> set[QualifiedName]:
        """What libcst's QualifiedNameProvider would say for `name`, without a whole-module pass
        when the name has a single, import binding in the module."""
        path = self.names.imported_path(name.value)
        if path is not None:
            return {QualifiedName(path, QualifiedNameSource.IMPORT)}
        found = self.names.bindings.get(name.value, ())
        if (
            found
            and not self.names.uncertain
            and all(p is None for p in found)
            and name.value not in self.bindings.aliases
        ):
            # bound here, never by an import nor as a TF module alias: a plain local value
            return {QualifiedName(name.value, QualifiedNameSource.LOCAL)}
        if self.names.binding_count(name.value) == 0 and not self.names.uncertain:
            return set()  # never bound here: a builtin or an undefined name
        scope = self._metadata(ScopeProvider).get(name)
        if scope is None:
            return set()
        return set(scope.get_qualified_names_for(name))

    # -- diagnostics ------------------------------------------------------------------------
    def report(self, node: cst.CSTNode, code: str, message: str, related: cst.CSTNode | None = None) -> None:
        """A diagnostic at `node`; `related` is another node the message is about (shown as a line)."""
        assert code in self.CODES, f"{self.NAME}: undeclared diagnostic code {code}"
        line, col = self.position(node)
        related_line = self.position(related)[0] if related is not None else None
        diag = Diagnostic(code, message, line, col, related_line=related_line)
        if diag not in self._reported:  # a set: files with thousands of sites stay linear
            self._reported.add(diag)
            self.diagnostics.append(diag)

    # -- name resolution --------------------------------------------------------------------
    def may_name(self, node: cst.BaseExpression, last_names: frozenset[str] | set[str]) -> bool:
        """False when `qualified(node)` cannot hold a name whose last part is in `last_names`.

        A cheap test before resolving every call of a module: resolution keeps the last name of a
        dotted expression (``x.y.load`` resolves to ``....load`` or to nothing) and a bare name
        resolves only through an import binding it; neither needs the whole-module scope analysis
        that resolving a name bound several ways runs."""
        parts = dotted_parts(node)
        if not parts:
            return False
        if len(parts) > 1:
            return parts[-1] in last_names
        # `global`/`nonlocal` only move bindings between scopes: the imports binding the name are all here
        return self.names.star or any(
            path is not None and path.rsplit(".", 1)[-1] in last_names for path in self.names.bindings.get(parts[0], ())
        )

    def qualified(self, node: cst.BaseExpression) -> set[str]:
        """Every fully qualified name `node` may refer to (imports and TF module aliases followed)."""
        parts = dotted_parts(node)
        if not parts:
            return set()
        head = base_name(node)
        names = self._qualified_names(head) if head is not None else set()
        out: set[str] = set()
        for qn in names:
            if qn.source == QualifiedNameSource.IMPORT:
                out.add(".".join([qn.name, *parts[1:]]))
            elif qn.source == QualifiedNameSource.LOCAL and len(parts) > 1:
                # `tf1 = tf.compat.v1` then `tf1.saved_model...`: only module aliases are followed, and
                # only for the module-level binding (a function's own `tf = try_import_tf()` is not the
                # module's `tf`, whose name is "tf"; libcst names it "f.<locals>.tf")
                if qn.name != parts[0]:
                    return set()
                alias = self.bindings.resolve_parts(parts)
                if alias is None:
                    return set()  # also bound to something else here: not provably TensorFlow
                out.add(alias)
        return out

    def _resolutions(self) -> dict | None:
        """`tf_symbol`'s answers for this tree, shared by every codemod resolving names in it by the
        tree's shared analyses (the answer depends only on the node and those); None otherwise."""
        shared = self.shared
        if shared is None or self._lazy is not shared.lazy:
            return None
        index = self._lazy.get(TFBindings)
        if index is None or index[1] is not self.bindings or index[2] is not self.names:  # type: ignore[index]
            return None
        found = self._lazy.get(Resolved)
        if found is None:
            found = self._lazy[Resolved] = {}
        return found  # type: ignore[return-value]

    def tf_symbol(self, node: cst.BaseExpression) -> Resolved | None:
        """The TF1-relative SavedModel path `node` names, when all its bindings agree."""
        known = self._resolutions()
        if known is None:
            return self._tf_symbol(node)
        if node in known:
            return known[node]
        found = known[node] = self._tf_symbol(node)
        return found

    def _tf_symbol(self, node: cst.BaseExpression) -> Resolved | None:
        qualified = self.qualified(node)
        rels = {rel for q in qualified if (rel := symbols.canonical(q)) is not None}
        if len(rels) != 1:
            return None
        rel = rels.pop()
        head = base_name(node)
        base_module = base = None
        if head is not None and isinstance(node, cst.Attribute):
            base_module = self._root_of(head)
            base = head.value if base_module else None
        return Resolved(rel, base, base_module, frozenset(qualified))

    def _root_of(self, head: cst.Name) -> str | None:
        """ "tensorflow" / "tensorflow.compat.v1" when `head` is bound to one of them, else None."""
        names = self._qualified_names(head)
        found = set()
        for qn in names:
            if qn.source == QualifiedNameSource.IMPORT:
                found.add(qn.name)
            elif qn.source == QualifiedNameSource.LOCAL:
                found.add(self.bindings.aliases.get(head.value, "?") if qn.name == head.value else "?")
        if not found or not found <= {ROOT_MODULE, V1_MODULE}:
            return None
        return next(iter(found)) if len(found) == 1 else self.bindings.roots.get(head.value) or None

    def unresolved_tf_base(self, node: cst.BaseExpression) -> str | None:
        """Why `node`'s base name cannot be resolved, when it looks like TensorFlow but isn't provable."""
        head = base_name(node)
        if head is None or head.value not in self.bindings.unresolved:
            return None
        names = self._qualified_names(head)
        if any(qn.source == QualifiedNameSource.IMPORT for qn in names):
            return None
        target, value = self.bindings.unresolved[head.value]
        code = cst.Module([]).code_for_node
        return f"`{head.value}` is bound by `{code(target)} = {code(value)}`"

    # -- spelling ---------------------------------------------------------------------------
    def tf_root(self, prefer: Resolved | None = None) -> tuple[str, str]:
        """(name, module) to spell a TF symbol from: the site's own base, a module binding, or a new import."""
        if prefer is not None and prefer.base:
            return prefer.base, prefer.base_module or ROOT_MODULE
        roots = {n: mod for n, mod in self.bindings.roots.items() if mod}
        for wanted in (ROOT_MODULE, V1_MODULE):
            for name, mod in roots.items():
                if mod == wanted:
                    return name, mod
        if self._added_tf_import is None:
            # a name nothing in the module uses yet, so the new import cannot change other code (one of
            # these spellings rather than `FreshNames`' numbering: `tf_2` would not read as TensorFlow)
            taken = self.bindings.bound_names | self.names.seen
            self._added_tf_import = next(n for n in ("tf", "tensorflow", "tf_", "tensorflow_") if n not in taken)
        return self._added_tf_import, ROOT_MODULE

    def spell(self, target: tuple[str, str], prefer: Resolved | None = None) -> str:
        namespace, path = target
        name, module = self.tf_root(prefer)
        if namespace == V1 and module == ROOT_MODULE:
            return f"{name}.compat.v1.{path}"
        assert namespace in (V1, V2)
        return f"{name}.{path}"

    def expr(self, dotted: str) -> cst.BaseExpression:
        """A dotted name as a node, built directly (the parser costs ~0.5 ms a call)."""
        parts = dotted.split(".")
        if all(p.isidentifier() for p in parts):
            node: cst.BaseExpression = cst.Name(parts[0])
            for part in parts[1:]:
                node = cst.Attribute(value=node, attr=cst.Name(part))
            return node
        return cst.parse_expression(dotted)

    def drop_import_of(self, node: cst.CSTNode) -> None:
        """The import behind `node`'s base name is removed if nothing uses it after the rewrite."""
        head = base_name(node)  # type: ignore[arg-type]
        if head is not None:
            self._maybe_unused.add(head.value)


def libcst_command(cls: type[SavedModelCodemod]):
    """A `libcst.codemod.CodemodCommand` running `cls`, for ``python -m libcst.tool codemod``."""
    from libcst.codemod import CodemodCommand  # only when libcst's own tool asks for it

    class Command(CodemodCommand):
        DESCRIPTION = cls.DESCRIPTION

        def transform_module_impl(self, tree: cst.Module) -> cst.Module:
            codemod = cls(self.context.filename or "<string>")
            new = codemod.transform_module(tree)
            for diag in codemod.diagnostics:
                self.warn(f"{diag.line}:{diag.col}: {diag.code} {diag.message}")
            return new

    Command.__name__ = Command.__qualname__ = f"{cls.__name__}Command"
    return Command


def looks_like_tf1_load(call: cst.Call) -> bool:
    """True when a ``saved_model.load(...)`` call uses the TF1 (sess, tags, export_dir) signature."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    if "sess" in keywords or "export_dir" in keywords or "import_scope" in keywords:
        return True
    return len(positional) >= 3


__all__ = [
    "SavedModelCodemod",
    "Refused",
    "Resolved",
    "TFBindings",
    "dotted_parts",
    "dotted_name",
    "base_name",
    "literal_str",
    "SharedMetadata",
    "looks_like_tf1_load",
    "libcst_command",
]
