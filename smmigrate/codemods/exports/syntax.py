"""Small libcst helpers for native-save: names a statement reads and binds, TF references, args."""

from __future__ import annotations

import libcst as cst

from .._base import Refused
from .._walk import walk
from . import tables as T


class _Uses(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # a keyword's name is not a use
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


def names_used(node: cst.CSTNode) -> set[str]:
    """Identifiers `node` reads (assignment targets included: harmless over-approximation)."""
    return identifiers(node.value) if isinstance(node, cst.Assign) else identifiers(node)


# Nodes are immutable, so what a pure analysis finds in one is found once: the analyses ask about the
# same statements many times. Keyed by the node's id, with the node kept in the entry so the id
# cannot be reused; `forget()` (at the start of each module's plan) bounds it to about one module's nodes.
_MEMO: dict[tuple[object, int], tuple[cst.CSTNode, object]] = {}


def memoised(kind, node: cst.CSTNode, compute):
    """`compute()`, the answer of analysis `kind` about `node`, found once per node."""
    entry = _MEMO.get((kind, id(node)))
    if entry is not None and entry[0] is node:
        return entry[1]
    if len(_MEMO) >= 100_000:
        _MEMO.clear()  # a run whose modules native-save never plans: still bounded
    value = compute()
    _MEMO[(kind, id(node))] = (node, value)
    return value


def forget() -> None:
    _MEMO.clear()


def identifiers(node: cst.CSTNode) -> set[str]:
    """Every identifier `node` mentions, bound or read (attribute and keyword names excluded)."""

    def compute() -> frozenset[str]:
        v = _Uses()
        walk(node, v)
        return frozenset(v.names)

    return set(memoised(identifiers, node, compute))


def assigned_names(small: cst.CSTNode) -> set[str]:
    out: set[str] = set()
    if isinstance(small, cst.Assign):
        for t in small.targets:
            if isinstance(t.target, cst.Name):
                out.add(t.target.value)
            elif isinstance(t.target, cst.Tuple):
                out.update(e.value.value for e in t.target.elements if isinstance(e.value, cst.Name))
    return out


def is_method_call(node: cst.CSTNode, obj: str, method: str) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == method
        and isinstance(node.func.value, cst.Name)
        and node.func.value.value == obj
    )


class _TFRefs(cst.CSTVisitor):
    def __init__(self, cm) -> None:
        self.cm = cm
        self.refs: list = []

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        resolved = self.cm.tf_symbol(node)
        if resolved is not None:
            self.refs.append((node, resolved))
            return False
        walk(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        try:
            resolved = self.cm.tf_symbol(node)
        except Exception:  # a node without metadata (built by us) is never TensorFlow
            resolved = None
        if resolved is not None:
            self.refs.append((node, resolved))

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)
        return False


def call_rel(cm, node) -> str | None:
    """The TF1-relative path of the TensorFlow function `node` calls, if it is such a call."""
    if isinstance(node, cst.Call):
        resolved = cm.tf_symbol(node.func)
        return resolved.rel if resolved else None
    return None


def tf_refs(cm, node: cst.CSTNode) -> list:
    """(node, Resolved) for every outermost TensorFlow name in `node`."""
    v = _TFRefs(cm)
    walk(node, v)
    return v.refs


def bind_args(call: cst.Call, params: tuple[str, ...]) -> dict[str, cst.BaseExpression]:
    """Map a call's arguments to parameter names; `*`/`**` arguments are refused (SM306)."""
    out: dict[str, cst.BaseExpression] = {}
    position = 0
    for arg in call.args:
        if arg.star:
            raise Refused(
                arg,
                "SM306",
                f"`{arg.star}` arguments hide what the call passes, so the export cannot be read; spell the "
                "arguments out and rerun",
            )
        if arg.keyword is None:
            if position >= len(params):
                raise Refused(
                    arg,
                    "SM318",
                    "more positional arguments than the TF1 API takes; check the call against the TF1 signature",
                )
            out[params[position]] = arg.value
            position += 1
        else:
            out[arg.keyword.value] = arg.value
    return out


def feed_map(node, call) -> dict:
    if node is None:
        return {}
    if not isinstance(node, cst.Dict):
        raise Refused(call, "SM321", "the feed_dict is not a literal `{placeholder: value}` dict")
    out = {}
    for el in node.elements:
        if not isinstance(el, cst.DictElement) or not isinstance(el.key, cst.Name):
            raise Refused(call, "SM321", "the feed_dict is not a literal `{placeholder: value}` dict")
        out[el.key.value] = el.value
    return out


class _RunFinder(cst.CSTVisitor):
    def __init__(self, sess: str) -> None:
        self.sess = sess
        self.calls: list[cst.Call] = []
        self.other: cst.Name | None = None

    def visit_Call(self, node: cst.Call) -> None:
        if is_method_call(node, self.sess, "run"):
            self.calls.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.sess and self.other is None:
            self.other = node


def session_runs(stmt, sess: str) -> list[cst.Call]:
    finder = _RunFinder(sess)
    walk(stmt, finder)
    runs = len(finder.calls)
    uses = sum(1 for n in all_names(stmt) if n.value == sess)
    if uses != runs:
        raise Refused(
            stmt,
            "SM301",
            f"`{sess}` is used for something other than `{sess}.run(...)` here (a restored checkpoint? a graph built "
            "elsewhere?); use `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the "
            "tf.Module by hand",
        )
    return finder.calls


class _AllNames(cst.CSTVisitor):
    def __init__(self, out: list[cst.Name]) -> None:
        self.out = out

    def visit_Name(self, n: cst.Name) -> None:
        self.out.append(n)


def all_names(node) -> list[cst.Name]:
    out: list[cst.Name] = []
    walk(node, _AllNames(out))
    return out


class _NameNodes(_Uses):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[cst.Name] = []

    def visit_Name(self, node: cst.Name) -> None:
        self.found.append(node)


def name_nodes(node) -> list[cst.Name]:
    """The identifiers in `node`, each occurrence (attribute and keyword names excluded: `tf.train`
    and `f(value=1)` use no variable `train` or `value`)."""

    def compute() -> tuple[cst.Name, ...]:
        v = _NameNodes()
        walk(node, v)
        return tuple(v.found)

    return list(memoised(name_nodes, node, compute))


def graph_refs(cm, node: cst.CSTNode) -> list:
    """`tf_refs` less the names that are plain Python (flags, gfile, logging: `tables.PYTHON_SIDE`)."""
    return [(ref, resolved) for ref, resolved in tf_refs(cm, node) if not resolved.rel.startswith(T.PYTHON_SIDE)]
