"""native-save, step 1 (continued): a `signature_def_map` assembled in a local variable.

Mixed into the block analysis (`plan._Analysis`). Real exports often build the map before the
call: ``m = {}`` (or ``dict()``), then ``m["predict"] = sig`` statements, then
``add_meta_graph_and_variables(..., signature_def_map=m)``. Those statements are read into one dict
display (`assembled`) that the export's signature parsing reads as if written inline, and dropped.
After the export the program may still read the map's keys (``sorted(m)``, ``len(m)``, ``k in m``,
``for k in m``); the TF2 code then binds the name to ``{key: signature function}``, which has the
same keys. Any other use is refused on its line (SM308).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from .._walk import walk
from ..exports import tables as T
from ..exports.syntax import Refused, bind_args, identifiers, is_method_call, name_nodes
from .block import Block

_KEY_READERS = frozenset({"sorted", "len", "list", "set", "tuple"})


class SignatureMap:
    """The signature-map half of `plan._Analysis` (which provides what is declared here)."""

    b: Block
    add_meta: cst.Call | None
    sig_map_name: str | None
    sig_map: list[cst.DictElement] | None
    sig_map_call: cst.Call | None

    def find_sig_map(self) -> None:
        """The name the block's `add_meta_graph_and_variables(..., signature_def_map=<name>)` passes."""
        self.sig_map_name, self.sig_map, self.sig_map_call = None, None, None
        for small, _ in self.b.statements:
            if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
                continue
            call = small.value
            if isinstance(call.func, cst.Attribute) and call.func.attr.value == "add_meta_graph_and_variables":
                try:
                    value = bind_args(call, T.ADD_META_GRAPH_PARAMS).get("signature_def_map")
                except Refused:
                    return
                if isinstance(value, cst.Name):
                    self.sig_map_name, self.sig_map_call = value.value, call
                return

    def assembled(self) -> cst.Dict | None:
        """The map as the dict display its statements amount to (None: not assembled in the block)."""
        if self.sig_map is None:
            return None
        return cst.Dict(elements=self.sig_map)

    def sig_map_statement(self, small) -> bool:
        """Read a statement mentioning the map: True when it is taken (dropped or kept), False when
        it is not about the map; refused when it uses the map otherwise."""
        name = self.sig_map_name
        if name is None or name not in identifiers(small):
            return False
        if isinstance(small, cst.Expr) and small.value is self.sig_map_call:
            return False  # the export reads it (`signature_def_map=m`)
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target, value = small.targets[0].target, small.value
            if isinstance(target, cst.Name) and target.value == name and _empty_dict(value):
                if self.sig_map is not None:
                    raise Refused(small, "SM308", f"`{name}` is bound twice; build the signature_def_map once")
                self.sig_map = []
                self.b.dropped.append(small)
                return True
            if (
                isinstance(target, cst.Subscript)
                and isinstance(target.value, cst.Name)
                and target.value.value == name
                and self.sig_map is not None
                and self.add_meta is None
                and len(target.slice) == 1
                and isinstance(target.slice[0].slice, cst.Index)
                and name not in identifiers(value)
            ):
                key = target.slice[0].slice.value
                if any(_same(key, el.key) for el in self.sig_map):
                    raise Refused(small, "SM308", f"signature key `{_code(key)}` is set twice in `{name}`; set it once")
                self.sig_map.append(cst.DictElement(key, value))
                self.b.dropped.append(small)
                return True
        if self.b.export is not None and self.sig_map is not None and _reads_keys_only(small, name):
            self.b.sig_map_kept = name
            return False  # a plain statement: kept, the name bound to the exported functions
        raise Refused(
            small,
            "SM308",
            f"`{name}` (the signature_def_map) is used here other than by `{name} = {{}}`, `{name}[key] = "
            "signature` statements before the export and reads of its keys after it (`sorted(m)`, `len(m)`, "
            f"`k in m`, `for k in m`); use it only that way, or export with `smmigrate.export_session(sess, "
            "export_dir, ...)` (session bridge)",
        )


def _empty_dict(value) -> bool:
    if isinstance(value, cst.Dict):
        return not value.elements
    return (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "dict"
        and not value.args
    )


def _same(a, b) -> bool:
    return cst.Module([]).code_for_node(a) == cst.Module([]).code_for_node(b)


def _code(node) -> str:
    return cst.Module([]).code_for_node(node)


def _reads_keys_only(stmt, name: str) -> bool:
    """Every use of `name` in `stmt` reads only its keys."""
    ok: set[int] = set()

    class V(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            func, args = node.func, node.args
            if (
                isinstance(func, cst.Name)
                and func.value in _KEY_READERS
                and len(args) == 1
                and _is(args[0].value, name)
                and not args[0].keyword
                and not args[0].star
            ):
                ok.add(id(args[0].value))
            if is_method_call(node, name, "keys") and not args:
                ok.add(id(func.value))  # type: ignore[attr-defined]

        def visit_Comparison(self, node: cst.Comparison) -> None:
            for target in node.comparisons:
                if isinstance(target.operator, (cst.In, cst.NotIn)) and _is(target.comparator, name):
                    ok.add(id(target.comparator))

        def visit_For(self, node: cst.For) -> None:
            if _is(node.iter, name):
                ok.add(id(node.iter))

        def visit_CompFor(self, node: cst.CompFor) -> None:
            if _is(node.iter, name):
                ok.add(id(node.iter))

    walk(stmt, V())
    return all(id(n) in ok for n in name_nodes(stmt) if n.value == name)


def _is(node: Any, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name
