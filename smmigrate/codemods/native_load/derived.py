"""native-load's view of feeds and fetches derived from a SignatureDef (a mixin of `Analyzer`).

Real clients rarely spell every tensor: they build name maps over the signature,

    feeds = {k: v.name for k, v in sig.inputs.items()}
    fetches = {k: sig.outputs[k].name for k in sig.outputs}
    result = sess.run(fetches, feed_dict={feeds[k]: data[k] for k in feeds})

or keep a list of output names, `names = [sig.outputs["y"].name, sig.outputs["z"].name]`, and
run it later. A name map (`KeyMap`) keeps its keys in TF2 and maps each to the signature key instead
of the tensor name (`feeds = {k: k for k in fn.structured_input_signature[1]}`), so `feeds[k]` is
the keyword of the signature call and `fetches` indexes its result. Its other uses may only read
its keys (`for k in feeds`, `sorted(fetches)`, `len`, `in`): its values changed meaning. A list of
output names is inlined where it is run and its assignment goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from .._walk import walk
from .base import AnalysisBase
from .model import KeyMap, Refusal, SigRef, Tensor, code_of

# calls that read only the keys of a dict passed to them
_KEY_READERS = frozenset({"sorted", "list", "len", "set", "tuple", "iter", "enumerate", "frozenset"})


class Derived(AnalysisBase):
    """Name maps and name lists of `Analyzer` (which supplies `tensor_ref`, `signature_lookup`, ...)."""

    if TYPE_CHECKING:  # supplied by the other parts of `Analyzer`

        def signature_lookup(self, node: cst.BaseExpression) -> SigRef | None: ...
        def tensor_ref(self, node: cst.BaseExpression) -> Tensor | None: ...
        def tensor_of(self, node: cst.BaseExpression) -> Tensor | None: ...

    def signature_side(self, node: cst.BaseExpression) -> tuple[SigRef, bool] | None:
        """`sig.inputs` / `mg.signature_def[k].outputs` -> (signature, is_input)."""
        if not (isinstance(node, cst.Attribute) and node.attr.value in ("inputs", "outputs")):
            return None
        owner = node.value
        if self.is_tracked(owner, "signature"):
            self.use(owner)
            sig = self.sigs[self.key(owner) or ""]
        else:
            inline = self.signature_lookup(owner)
            if inline is None:
                return None
            sig = self.inline_sigs.setdefault(code_of(inline.key), inline)
        return sig, node.attr.value == "inputs"

    def keymap_def(self, node: cst.BaseExpression) -> KeyMap | None:
        """`{k: v.name for k, v in sig.inputs.items()}` or `{k: sig.outputs[k].name for k in sig.outputs}`."""
        if not (isinstance(node, cst.DictComp) and isinstance(node.key, cst.Name)):
            return None
        comp = node.for_in
        if comp.ifs or comp.inner_for_in is not None or comp.asynchronous is not None:
            return None
        key = node.key.value
        target, source = comp.target, comp.iter
        if isinstance(target, cst.Tuple):  # `for k, v in sig.inputs.items()` with value `v.name`
            names = [e.value.value for e in target.elements if isinstance(e.value, cst.Name)]
            value = node.value
            if not (
                len(names) == 2 == len(target.elements)
                and names[0] == key
                and isinstance(value, cst.Attribute)
                and value.attr.value == "name"
                and isinstance(value.value, cst.Name)
                and value.value.value == names[1]
                and isinstance(source, cst.Call)
                and not source.args
                and isinstance(source.func, cst.Attribute)
                and source.func.attr.value == "items"
            ):
                return None
            side = self.signature_side(source.func.value)
            if side is None:
                return None
            return KeyMap(side[0], side[1], key)
        if not (isinstance(target, cst.Name) and target.value == key):
            return None
        if (  # `sig.outputs.keys()`
            isinstance(source, cst.Call)
            and not source.args
            and isinstance(source.func, cst.Attribute)
            and source.func.attr.value == "keys"
        ):
            source = source.func.value
        side = self.signature_side(source)
        tensor = self.tensor_ref(node.value) if side is not None else None
        if side is None or tensor is None or tensor.sig is not side[0] or tensor.is_input != side[1]:
            return None
        if not (isinstance(tensor.key, cst.Name) and tensor.key.value == key):
            return None
        return KeyMap(side[0], side[1], key)

    def sole_name_def(self, stmt: cst.SimpleStatementLine) -> tuple[cst.Name, KeyMap] | None:
        """`(in_name,) = [t.name for t in sig.inputs.values()]`: the name of the signature's only input
        (or output), which becomes its key; with one element the order of the map does not matter."""
        small = stmt.body[0] if len(stmt.body) == 1 else None
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            return None
        target, value = small.targets[0].target, small.value
        if not (isinstance(target, (cst.Tuple, cst.List)) and target.elements):
            return None
        name = target.elements[0].value
        if not (isinstance(name, cst.Name) and isinstance(target.elements[0], cst.Element)):
            return None
        if not (isinstance(value, cst.ListComp) and isinstance(value.for_in.target, cst.Name)):
            return None
        comp, loop = value.for_in, value.for_in.target.value
        if comp.ifs or comp.inner_for_in is not None or comp.asynchronous is not None:
            return None
        elt, source = value.elt, comp.iter
        if not (
            isinstance(elt, cst.Attribute)
            and elt.attr.value == "name"
            and isinstance(elt.value, cst.Name)
            and elt.value.value == loop
            and isinstance(source, cst.Call)
            and not source.args
            and isinstance(source.func, cst.Attribute)
            and source.func.attr.value == "values"
        ):
            return None
        side = self.signature_side(source.func.value)
        if side is None:
            return None
        if len(target.elements) > 1:
            which = "inputs" if side[1] else "outputs"
            raise Refusal(
                target,
                "SM211",
                f"`{code_of(target)}` unpacks the names of several signature {which} in the order of the "
                f"SignatureDef's map, which a TF2 signature does not keep; look each one up by key "
                f"(`sig.{which}[key].name`)",
            )
        return name, KeyMap(side[0], side[1], loop, target=code_of(target))

    def name_list_def(self, node: cst.BaseExpression) -> list[Tensor] | None:
        """`[sig.outputs["y"].name, sig.outputs["z"].name]`: every element a known tensor."""
        if not isinstance(node, (cst.List, cst.Tuple)) or not node.elements:
            return None
        tensors = []
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                return None
            tensor = self.tensor_of(element.value)
            if tensor is None or tensor.sig is None:
                return None
            tensors.append(tensor)
        return tensors

    def keymap_item(self, node: cst.BaseExpression) -> Tensor | None:
        """`feeds[k]` for a name map `feeds`: the signature key of entry `k` (its TF1 tensor name before)."""
        if not (isinstance(node, cst.Subscript) and len(node.slice) == 1):
            return None
        key = self.key(node.value)
        if key is None or self.tracked.get(key) != "keymap":
            return None
        self.use(node.value)
        keymap = self.keymaps[key]
        return Tensor(sig=keymap.sig, key=node, is_input=keymap.is_input)

    def account_key_reads(self) -> None:
        """Uses of name maps that read only their keys: `for k in feeds`, `sorted(fetches)`, `k in feeds`."""
        analyzer = self

        class Finder(cst.CSTVisitor):
            def visit_Name(self, node: cst.Name) -> None:
                if analyzer.tracked.get(analyzer.key(node) or "") == "keymap" and analyzer.reads_keys(node):
                    analyzer.use(node)

        walk(self.scope, Finder())

    def reads_keys(self, node: cst.Name) -> bool:
        parent = self.parent(node)
        grand = self.parent(parent)
        if isinstance(parent, (cst.CompFor, cst.For)) and parent.iter is node:
            return True
        if isinstance(parent, cst.ComparisonTarget) and parent.comparator is node:
            return isinstance(parent.operator, (cst.In, cst.NotIn))
        if isinstance(parent, cst.Arg) and isinstance(grand, cst.Call) and len(grand.args) == 1 and not parent.star:
            return isinstance(grand.func, cst.Name) and grand.func.value in _KEY_READERS
        if isinstance(parent, cst.Attribute) and parent.attr.value == "keys" and isinstance(grand, cst.Call):
            return not grand.args
        return False

    def check_keymap_fetch(self, node: cst.BaseExpression, keymap: KeyMap) -> None:
        if keymap.is_input:
            raise Refusal(node, "SM203", f"the fetches `{code_of(node)}` name the signature's inputs")
