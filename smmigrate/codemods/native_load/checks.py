"""native-load's proofs of absence (a mixin of `Analyzer`): what may not happen around a load.

Every use of the session, its graph, the MetaGraphDef, the SignatureDefs and the looked-up tensors
must have been recognised by the analysis; any other use is turned into a `Refusal` naming what
the code does instead (passes the session on, stores it, builds new ops on a loaded tensor, ...).
Statements left inside the removed session block may not build graph ops either.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from .._base import dotted_parts
from .._names import mentions
from .._walk import walk
from .base import AnalysisBase
from .model import Names, Refusal, code_of

# TF APIs a statement inside the removed session block may use without building graph ops:
# protos, constants and dtypes (exact names), and whole namespaces without graph code (prefixes).
SAFE_TF = {
    "train.Example",
    "train.Features",
    "train.Feature",
    "train.FeatureList",
    "train.FeatureLists",
    "train.FloatList",
    "train.Int64List",
    "train.BytesList",
    "train.SequenceExample",
    "compat.as_bytes",
    "compat.as_text",
    "compat.as_str",
    # protocol buffer classes (type checks, parsing): no graph ops, no graph state
    "MetaGraphDef",
    "GraphDef",
    "NodeDef",
    "AttrValue",
    "NameAttrList",
    "TensorInfo",
    "float16",
    "float32",
    "float64",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "string",
    "bool",
}
# logging, file I/O, flags and exception classes touch no graph either
SAFE_TF_PREFIXES = ("saved_model.", "dtypes.", "logging.", "gfile.", "io.gfile.", "flags.", "app.flags.", "errors.")


class Checks(AnalysisBase):
    """Refusal checks of `Analyzer` (which supplies `tracked`, `accounted`, `scope`, `parent`, ...)."""

    def check_derived(self, node: cst.BaseExpression) -> None:
        """A fetch variable computed from a loaded tensor means new graph ops (`doubled = y * 2`)."""
        if not isinstance(node, cst.Name):
            return
        binder, fetched = self, node.value

        class Finder(cst.CSTVisitor):
            def visit_Assign(self, assign: cst.Assign) -> None:
                if not any(isinstance(t.target, cst.Name) and t.target.value == fetched for t in assign.targets):
                    return
                names = Names()
                walk(assign.value, names)
                for used in names.found:
                    if binder.tracked.get(used.value) == "tensor":
                        raise Refusal(
                            used,
                            "SM209",
                            f"the tensor `{used.value}` is used to build `{fetched}`, a new op the TF2 signature "
                            "does not have",
                        )

        walk(self.scope, Finder())

    def check_graph_ops(self, stmt: cst.CSTNode) -> None:
        analyzer = self

        class Finder(cst.CSTVisitor):
            def visit_Attribute(self, node: cst.Attribute) -> bool:
                if dotted_parts(node) is None:  # `tf.constant(2.0).numpy`: look inside
                    return True
                self.check(node)
                return False

            def visit_Name(self, node: cst.Name) -> None:
                self.check(node)

            def check(self, node) -> None:
                parts = dotted_parts(node)
                if not parts or not any(q.startswith("tensorflow") for q in analyzer.cm.qualified(node)):
                    return
                rel = analyzer.rel(node) or ""
                if rel and rel not in SAFE_TF and not rel.startswith(SAFE_TF_PREFIXES):
                    raise Refusal(
                        node,
                        "SM209",
                        f"`{code_of(node)}` is TensorFlow code inside the session block that may build ops in, or "
                        "read, the session's graph",
                    )

        walk(stmt, Finder())

    def check_load_inputs(self, stmt: cst.CSTNode, load_names: set[str]) -> None:
        """A statement before the load that computes its tags or directory from the session."""
        names = Names()
        walk(stmt, names)
        uses_session = any(self.tracked.get(n.value) in ("session", "graph") for n in names.found)
        bound = set()
        for node in names.found:
            parent = self.parent(node)
            if isinstance(parent, cst.AssignTarget) or (
                isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node
            ):
                bound.add(node.value)
        if uses_session and bound & load_names:
            which = ", ".join(sorted(bound & load_names))
            raise Refusal(stmt, "SM205", f"`{which}` is computed from the session before the load")

    def check_no_tracked(self, node: cst.CSTNode, code: str) -> None:
        names = Names()
        walk(node, names)
        for name in names.found:
            if self.tracked.get(name.value) in ("session", "graph"):
                raise Refusal(node, code, f"`{code_of(node)}` is only known inside the session")

    def check_unaccounted(self, span: tuple[int, int]) -> None:
        """Every use of a tracked name in the scope was recognised, except other bindings of the name:
        before the block, or after it once the name is bound again (a second `with ... as sess:`)."""
        names = Names(self.scope)
        walk(self.scope, names)
        self.all_names = mentions(self.scope)
        start, end = span
        rebound: dict[str, list[int]] = {}
        for name in names.found:
            line = self.line(name)
            if name.value in self.tracked and line > end and self.is_binding(name):
                rebound.setdefault(name.value, []).append(line)
        removed = self.removed_bindings()
        for name in names.found:
            role = self.tracked.get(name.value)
            if role is None or id(name) in self.accounted:
                continue
            line = self.line(name)
            # a use before the block reads an earlier binding, unless it comes after a binding the
            # rewrite removes (`g = tf.Graph()` above the block) or sits in a function that may
            # run after the block
            before = line < min(start, removed.get(name.value, start))
            if before and self.nested_function(name) is None:
                continue
            if any(end < bound <= line for bound in rebound.get(name.value, ())):
                continue
            raise self.unaccounted(name, role)

    def removed_bindings(self) -> dict[str, int]:
        """Tracked name -> first line of a statement binding it that the rewrite removes."""
        found: dict[str, int] = {}
        for stmt in self.site.remove:
            for small in stmt.body:
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name) and target.target.value in self.tracked:
                            line = self.line(stmt)
                            found[target.target.value] = min(line, found.get(target.target.value, line))
        return found

    def nested_function(self, node: cst.CSTNode) -> str | None:
        """The name of the function or lambda inside the scope that `node` sits in, if any."""
        current = self.parent(node)
        while current is not None and current is not self.scope:
            if self.klass is not None and self.parent(self.parent(current)) is self.klass:
                return None  # a method of the class whose member holds the session
            if isinstance(current, cst.FunctionDef):
                return f"{current.name.value}()"
            if isinstance(current, cst.Lambda):
                return "a lambda"
            current = self.parent(current)
        return None

    def line(self, node: cst.CSTNode) -> int:
        return self.cm.get_metadata(PositionProvider, node).start.line

    def is_binding(self, name: cst.Name) -> bool:
        parent = self.parent(name)
        if isinstance(parent, (cst.AssignTarget, cst.AsName, cst.Param)):
            return True
        return isinstance(parent, (cst.For, cst.AnnAssign, cst.CompFor)) and parent.target is name

    def unaccounted(self, name: cst.Name, role: str) -> Refusal:
        parent = self.parent(name)
        grand = self.parent(parent)
        nested = self.nested_function(name)
        if nested is not None:
            return Refusal(
                name,
                "SM202",
                f"the {role.replace('_', ' ')} `{name.value}` is used inside `{nested}`, which may run at any time",
            )
        if role == "session":
            if isinstance(parent, cst.Arg) and isinstance(grand, cst.Call):
                return Refusal(
                    name,
                    "SM202",
                    f"the session `{name.value}` is passed to `{code_of(grand.func)}(...)`, which may run anything "
                    "in it",
                )
            if isinstance(parent, cst.Assign) and parent.value is name:
                target = code_of(parent.targets[0].target)
                return Refusal(
                    name, "SM202", f"the session `{name.value}` is stored in `{target}`, so other code may use it"
                )
            if isinstance(parent, (cst.Return, cst.Yield)):
                return Refusal(name, "SM202", f"the session `{name.value}` is returned to the caller")
            holder = grand if isinstance(parent, cst.Element) else None
            if isinstance(holder, (cst.Tuple, cst.List)) and isinstance(self.parent(holder), (cst.Return, cst.Yield)):
                return Refusal(
                    name,
                    "SM202",
                    f"the session `{name.value}` is returned to the caller (in `{code_of(holder)}`), which runs it",
                )
            if isinstance(parent, cst.Attribute):
                return Refusal(parent, "SM201", f"the session is also used as `{code_of(parent)}`")
            return Refusal(name, "SM201", f"the session `{name.value}` is used for something else here")
        if role == "graph":
            return Refusal(
                name, "SM216", f"the graph `{name.value}` the session runs in is also used for something else here"
            )
        if role == "tensor":
            return Refusal(
                name,
                "SM209",
                f"the tensor `{name.value}` is used outside `sess.run` (new ops or inspection need the TF1 graph)",
            )
        if role == "keymap":
            return Refusal(
                name,
                "SM211",
                f"the name map `{name.value}` (signature key -> TF1 tensor name) is used for more than its keys and "
                "as feeds or fetches, and its values are signature keys in TF2",
            )
        if role == "name_list":
            return Refusal(
                name,
                "SM211",
                f"the list of tensor names `{name.value}` is used for more than the fetches of `sess.run`, and TF2 "
                "has no tensor names",
            )
        if role == "key_list":
            return Refusal(
                name,
                "SM211",
                f"the list of output names `{name.value}` is used for more than the fetches of `sess.run`, and its "
                "elements are signature output keys in TF2",
            )
        if role == "feed_map":
            return Refusal(
                name,
                "SM211",
                f"the feed dict `{name.value}` (TF1 tensor -> value) is used for more than the feeds of `sess.run`, "
                "and its keys are signature input keys in TF2",
            )
        if role == "signature_map":
            return Refusal(name, "SM211", f"the SignatureDef map `{name.value}` is used for more than `[key]` lookups")
        if role == "meta_graph":
            return Refusal(
                name, "SM211", f"the MetaGraphDef `{name.value}` is used for more than `signature_def[key]` lookups"
            )
        return Refusal(
            name,
            "SM211",
            f"the SignatureDef `{name.value}` is used for more than `.inputs[key].name` / `.outputs[key].name`",
        )
