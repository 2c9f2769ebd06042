"""Small libcst helpers for native-save: names a statement reads and binds, TF references, args."""

from __future__ import annotations

import libcst as cst

from .._base import Refused
from .._names import all_names as all_names  # re-exported: native-save imports them from here
from .._names import forget as forget
from .._names import memoised as memoised
from .._names import mention_nodes, mentions, scan, target_names
from .._walk import walk
from . import tables as T


def names_used(node: cst.CSTNode) -> set[str]:
    """Identifiers `node` reads (assignment targets included: harmless over-approximation)."""
    return identifiers(node.value) if isinstance(node, cst.Assign) else identifiers(node)


# `identifiers`/`name_nodes` are the shared `_names.mentions`/`mention_nodes` (memoised there, with
# `memoised`/`forget` for the other native-save analyses).
identifiers = mentions
name_nodes = mention_nodes


def assigned_names(small: cst.CSTNode) -> set[str]:
    """The names the targets of an `=` statement bind (none for any other statement)."""
    if not isinstance(small, cst.Assign):
        return set()
    return {name for t in small.targets for name in target_names(t.target)}


def is_method_call(node: cst.CSTNode, obj: str, method: str) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == method
        and isinstance(node.func.value, cst.Name)
        and node.func.value.value == obj
    )


def call_rel(cm, node) -> str | None:
    """The TF1-relative path of the TensorFlow function `node` calls, if it is such a call."""
    if isinstance(node, cst.Call):
        resolved = cm.tf_symbol(node.func)
        return resolved.rel if resolved else None
    return None


def tf_refs(cm, node: cst.CSTNode) -> list:
    """(node, Resolved) for every outermost TensorFlow name in `node`: the candidates of the node's one
    scan (`_names.scan`) resolved in order, an attribute that resolves taking the ones it holds along
    (a visitor of their own would walk the node once more). Memoised per codemod (resolution is)."""
    found = memoised((tf_refs, id(cm)), node, lambda: (cm, _resolve_refs(cm, node)))
    if found[0] is not cm:  # another codemod that got the same id: not its answer
        return list(_resolve_refs(cm, node))
    return list(found[1])


def _resolve_refs(cm, node: cst.CSTNode) -> tuple:
    candidates = scan(node).refs
    refs: list = []
    i = 0
    while i < len(candidates):
        ref, end = candidates[i]
        if isinstance(ref, cst.Name):
            try:
                resolved = cm.tf_symbol(ref)
            except Exception:  # a node without metadata (built by us) is never TensorFlow
                resolved = None
        else:
            resolved = cm.tf_symbol(ref)
        if resolved is not None:
            refs.append((ref, resolved))
            i = end
        else:
            i += 1
    return tuple(refs)


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

    def visit_Call(self, node: cst.Call) -> None:
        if is_method_call(node, self.sess, "run"):
            self.calls.append(node)


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


def graph_refs(cm, node: cst.CSTNode) -> list:
    """`tf_refs` less the names that are plain Python (flags, gfile, logging: `tables.PYTHON_SIDE`)."""
    return [(ref, resolved) for ref, resolved in tf_refs(cm, node) if not resolved.rel.startswith(T.PYTHON_SIDE)]
