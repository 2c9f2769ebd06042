"""The state and primitive helpers of native-load's analysis of one load call.

`Analyzer` (in `find`) is assembled from mixins kept in their own modules: `Scaffold`
(session and graph scaffolding) and `Checks` (refusals). All of them work on the state declared
here, so each mixin derives from `AnalysisBase` and a type checker sees the attributes and helpers
they share instead of guessing them from the final class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

import libcst as cst
from libcst.metadata import ParentNodeProvider

from .model import KeyMap, SigRef, Site, Tensor

if TYPE_CHECKING:
    from . import NativeLoad


class AnalysisBase:
    """What every part of the analysis of one `loader.load` call reads and writes."""

    cm: NativeLoad  # the codemod: TF name resolution and parent metadata
    call: cst.Call  # the `loader.load(...)` call
    site: Site  # the result being built (set once the load call is understood)
    scope: cst.CSTNode  # the function or module around the load
    tracked: dict[str, str]  # variable -> role (session, graph, meta_graph, signature, tensor)
    accounted: set[int]  # ids of Name nodes whose use we understood
    sigs: dict[str, SigRef]
    tensors: dict[str, Tensor]
    inline_sigs: dict[str, SigRef]
    graph_candidates: dict[str, tuple]
    keymaps: dict[str, KeyMap]  # name maps over a signature (derived.py)
    feed_maps: dict[str, Tensor]  # feed dicts filled in loops over a signature's inputs (derived.py)
    key_lists: dict[str, SigRef]  # `[sig.outputs[k].name for k in keys]` (derived.py)
    # a session on `self` (`self.sess = tf.Session()` in a method): the class, and the names of its
    # methods' first parameters; tracked members are keyed "self.sess" (see `key`)
    klass: cst.ClassDef | None = None
    owner: str | None = None
    owners: frozenset[str] = frozenset()
    foreign: bool = False  # analysing another method than the load's: its plain names are its own

    def parent(self, node: cst.CSTNode | None) -> cst.CSTNode | None:
        if node is None:
            return None
        return self.cm.get_metadata(ParentNodeProvider, node, None)

    def rel(self, node: cst.BaseExpression) -> str | None:
        resolved = self.cm.tf_symbol(node)
        if resolved is not None:
            return resolved.rel
        for q in self.cm.qualified(node):
            for root in ("tensorflow.compat.v1.", "tensorflow."):
                if q.startswith(root):
                    return q[len(root) :]
        return None

    def is_call(self, node: cst.CSTNode | None, rel: str) -> TypeGuard[cst.Call]:
        return isinstance(node, cst.Call) and self.rel(node.func) == rel

    def key(self, node: cst.CSTNode | None) -> str | None:
        """What `tracked` knows `node` by: a variable's name, or `self.attr` for a member of the class."""
        if isinstance(node, cst.Name):
            return None if self.foreign else node.value
        if (
            self.owner is not None
            and isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value in self.owners
        ):
            return f"{self.owner}.{node.attr.value}"
        return None

    def use(self, node: cst.CSTNode | None) -> None:
        if isinstance(node, (cst.Name, cst.Attribute)):
            self.accounted.add(id(node))

    def is_tracked(self, node: cst.CSTNode | None, role: str) -> TypeGuard[cst.Name | cst.Attribute]:
        key = self.key(node)
        return key is not None and self.tracked.get(key) == role
