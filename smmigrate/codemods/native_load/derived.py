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
from .model import KeyMap, Names, Refusal, SigRef, Tensor, code_of

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

    def key_list_def(self, node: cst.BaseExpression) -> tuple[SigRef, cst.BaseExpression, str] | None:
        """`[sig.outputs[k].name for k in keys]`: (signature, the element, `k`); in TF2 `[k for k in keys]`."""
        if not (isinstance(node, cst.ListComp) and isinstance(node.for_in.target, cst.Name)):
            return None
        comp, loop = node.for_in, node.for_in.target.value
        if comp.ifs or comp.inner_for_in is not None or comp.asynchronous is not None:
            return None
        names = Names()
        walk(comp.iter, names)
        if any(n.value in self.tracked for n in names.found):
            return None
        tensor = self.tensor_ref(node.elt)
        if tensor is None or tensor.sig is None or tensor.is_input:
            return None
        if not (isinstance(tensor.key, cst.Name) and tensor.key.value == loop):
            return None
        return tensor.sig, node.elt, loop

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

    def dict_loop(self, stmt: cst.BaseStatement, loop: cst.BaseStatement) -> bool:
        """`d = {}` and the `for` right after it filling `d` over the signature's keys:

            for k in data: d[graph.get_tensor_by_name(sig.inputs[k].name)] = data[k]   # feeds
            for k, info in sig.outputs.items(): d[k] = graph.get_tensor_by_name(info.name)   # fetches

        (`sig.inputs[k].name` / `info.name` also without the lookup, `for k in sig.outputs`). In TF2
        the tensor becomes the loop's key, a signature key: feeds are passed as `fn(**d)`, fetches
        are a name map from each key to itself; a loop over the signature's side goes over the
        signature function's specs instead."""
        if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(loop, cst.For)):
            return False
        small = stmt.body[0]
        if not (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and isinstance(small.value, cst.Dict)
            and not small.value.elements
        ):
            return False
        var = small.targets[0].target.value
        if var in self.tracked or loop.orelse is not None or loop.asynchronous is not None:
            return False
        body = list(loop.body.body) if isinstance(loop.body, cst.IndentedBlock) else []
        # `t = <tensor>` then `d[t] = value` / `d[k] = t` (the tensor named first), or one statement
        smalls = [b.body[0] for b in body if isinstance(b, cst.SimpleStatementLine) and len(b.body) == 1]
        if len(smalls) != len(body) or not 1 <= len(body) <= 2:
            return False
        if not all(isinstance(a, cst.Assign) and len(a.targets) == 1 for a in smalls):
            return False
        temp = None
        if len(smalls) == 2:
            first = smalls[0]
            assert isinstance(first, cst.Assign)
            if not isinstance(first.targets[0].target, cst.Name):
                return False
            temp = (first.targets[0].target.value, first.value)
        assign = smalls[-1]
        assert isinstance(assign, cst.Assign)
        slot = assign.targets[0].target
        if not (
            isinstance(slot, cst.Subscript)
            and isinstance(slot.value, cst.Name)
            and slot.value.value == var
            and len(slot.slice) == 1
            and isinstance(slot.slice[0].slice, cst.Index)
        ):
            return False
        target, source = loop.target, loop.iter
        names = (
            [e.value.value for e in target.elements if isinstance(e.value, cst.Name)]
            if isinstance(target, cst.Tuple)
            else ([target.value] if isinstance(target, cst.Name) else [])
        )
        if not names or len(names) > 2:
            return False
        key, info = names[0], (names[1] if len(names) == 2 else None)
        items = (
            isinstance(source, cst.Call)
            and not source.args
            and isinstance(source.func, cst.Attribute)
            and source.func.attr.value in ("items", "keys")
        )
        if info is not None and not (isinstance(source, cst.Call) and items and source.func.attr.value == "items"):  # type: ignore[attr-defined]
            return False
        before = set(self.accounted)
        side_node = source.func.value if items else source  # type: ignore[attr-defined]
        side = self.signature_side(side_node)
        edits: list = []
        slot_key, value = slot.slice[0].slice.value, assign.value
        if temp is not None:  # the tensor is named by the first statement: it is used once, right here
            name, tensor_expr = temp
            if isinstance(value, cst.Name) and value.value == name:
                value = tensor_expr
            elif isinstance(slot_key, cst.Name) and slot_key.value == name:
                slot_key = tensor_expr
            else:
                return False
            if name in (key, info, var):
                return False
            uses = Names(self.scope)
            walk(self.scope, uses)
            if sum(n.value == name for n in uses.found) != 2:  # bound and read in the loop, nowhere else
                return False
        if isinstance(slot_key, cst.Name) and slot_key.value == key:  # fetches: `d[k] = <output k>`
            found = self.loop_tensor(value, key, info, side)
            if found is None or found[1]:
                self.accounted = before
                return False
            sig, _, node = found
            self.keymaps[var] = KeyMap(sig, False, key, var=var)
            self.tracked[var] = "keymap"
        else:  # feeds: `d[<input k>] = value`
            found = self.loop_tensor(slot_key, key, info, side)
            values = Names()
            walk(value, values)
            if found is None or not found[1] or any(n.value in self.tracked or n.value == info for n in values.found):
                self.accounted = before
                return False
            sig, _, node = found
            self.feed_maps[var] = Tensor(sig=sig, key=cst.Name(key), is_input=True)
            self.tracked[var] = "feed_map"
        edits.append((node, sig, f"key:{key}"))
        if side is not None:
            if side[0] is not sig:
                self.accounted = before
                return False
            edits.append((side_node, sig, "inputs" if side[1] else "outputs"))
        self.site.loop_edits.extend(edits)
        self.use(small.targets[0].target)
        self.use(slot.value)
        return True

    def loop_tensor(self, node: cst.BaseExpression, key: str, info: str | None, side) -> tuple | None:
        """(signature, is_input, node to replace) for the tensor of entry `key` written in a loop."""
        whole = node
        arg = self.lookup_arg(node)  # type: ignore[attr-defined]  # find.py
        if arg is not None:
            node = arg
        if (
            info is not None
            and side is not None
            and isinstance(node, cst.Attribute)
            and node.attr.value == "name"
            and isinstance(node.value, cst.Name)
            and node.value.value == info
        ):
            return side[0], side[1], whole
        tensor = self.tensor_ref(node)
        if tensor is None or tensor.sig is None or not (isinstance(tensor.key, cst.Name) and tensor.key.value == key):
            return None
        return tensor.sig, tensor.is_input, whole

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
