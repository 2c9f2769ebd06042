"""native-save: a dict of graph endpoints with literal keys becomes one name per key.

Research code collects its tensors in a dict (``ends = {}`` then ``ends["logits"] = tf.matmul(...)``,
or a display with string keys) and reads them back by key, also in comprehensions over a list of
key names (``{k: build_tensor_info(ends[k]) for k in output_names}``). When every use of such a
dict in the export block is a read or an assignment of a literal key (or a key a comprehension
takes from a literal list of strings), the dict is only a naming device: each entry becomes a name
of its own (``ends_logits``), comprehensions over literal keys are unrolled into displays, and the
block is analysed as if written that way. A dict used any other way (passed on, iterated, fetched
whole, read after the block) stays as it is, and the analysis decides about it as before.
"""

from __future__ import annotations

import re
from typing import cast

import libcst as cst

from .._base import literal_str
from .._names import all_names
from .._walk import walk
from ..exports.syntax import assigned_names, identifiers
from .variables import ScopeExit


def _keys_of_display(node) -> list[str] | None:
    """The keys of `{}` / `{"a": x, "b": y}` with string literal keys; None otherwise."""
    if not isinstance(node, cst.Dict):
        return None
    keys = []
    for el in node.elements:
        key = literal_str(el.key) if isinstance(el, cst.DictElement) else None
        if key is None:
            return None
        keys.append(key)
    return keys if len(set(keys)) == len(keys) else None


def _strings(node) -> list[str] | None:
    if not isinstance(node, (cst.List, cst.Tuple)):
        return None
    out = [literal_str(e.value) if not isinstance(e, cst.StarredElement) else None for e in node.elements]
    return None if any(s is None for s in out) else [s for s in out if s is not None]


def _subscript_key(node, name: str) -> cst.BaseExpression | None:
    """`k` of `name[k]` (one plain index); None for anything else."""
    if (
        isinstance(node, cst.Subscript)
        and isinstance(node.value, cst.Name)
        and node.value.value == name
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
    ):
        return node.slice[0].slice.value
    return None


def _items_of(comp, name: str) -> tuple[str, str] | None:
    """(k, v) of a comprehension `... for k, v in name.items()` (one `for`, no `if`)."""
    fors = comp.for_in
    it = fors.iter
    target = fors.target
    if (
        fors.inner_for_in is None
        and not fors.ifs
        and isinstance(it, cst.Call)
        and not it.args
        and isinstance(it.func, cst.Attribute)
        and it.func.attr.value == "items"
        and isinstance(it.func.value, cst.Name)
        and it.func.value.value == name
        and isinstance(target, cst.Tuple)
        and len(target.elements) == 2
        and all(isinstance(e.value, cst.Name) for e in target.elements)
    ):
        k, v = (cast(cst.Name, e.value).value for e in target.elements)
        return (k, v) if k != v else None
    return None


def _loop_keys(node: cst.For, lists) -> tuple[str, list[str]] | None:
    """(k, keys) of `for k in <literal strings, or a list of them>:` whose body never rebinds `k`."""
    if not isinstance(node.target, cst.Name) or node.orelse is not None or node.asynchronous is not None:
        return None
    var = node.target.value
    keys = _strings(node.iter)
    if keys is None and isinstance(node.iter, cst.Name):
        keys = lists.get(node.iter.value)
    if not keys:
        return None
    rebinds = any(var in assigned_names(small) for small in _smalls(node.body))
    return None if rebinds else (var, keys)


def _smalls(node) -> list:
    out: list = []

    class V(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, n: cst.SimpleStatementLine) -> None:
            out.extend(n.body)

        def visit_For(self, n: cst.For) -> None:
            out.append(cst.Assign(targets=[cst.AssignTarget(n.target)], value=n.iter))

    walk(node, V())
    return out


def _run_fetch(call: cst.Call) -> cst.BaseExpression | None:
    """The fetch of `<session>.run(fetch, ...)` (its first positional argument)."""
    if (
        isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "run"
        and call.args
        and call.args[0].keyword is None
        and not call.args[0].star
    ):
        return call.args[0].value
    return None


def _is_name(node, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


# Not `_names.reads`: it follows the keys `name[...]` reads, per comprehension and loop variable.
class _Uses(cst.CSTVisitor):
    """Whether every use of `name` in a statement is `name["lit"]` or `name[k]` with `k` a
    comprehension variable over a literal list of strings; the keys assigned and read."""

    def __init__(self, name: str, lists: dict[str, list[str]]) -> None:
        self.name = name
        self.lists = lists
        self.ok = True
        self.assigned: set[str] = set()
        self.read: set[str] = set()
        self.loop_fetched: set[str] = set()  # keys `sess.run(name[k])` fetches, `k` looping over them
        self.comp_vars: list[dict[str, list[str]]] = []  # enclosing comprehensions' loop variables

    def _comp(self, node) -> bool:
        fors = node.for_in
        if _items_of(node, self.name) is not None:  # read whole: one entry per key
            walk(fors.target, self)
            for part in (node.key, node.value) if isinstance(node, cst.DictComp) else (node.elt,):
                walk(part, self)
            self.comp_vars.append({})
            return False
        if fors.inner_for_in is not None or fors.ifs or not isinstance(fors.target, cst.Name):
            self.comp_vars.append({})
            return True
        keys = _strings(fors.iter)
        if keys is None and isinstance(fors.iter, cst.Name):
            keys = self.lists.get(fors.iter.value)
        self.comp_vars.append({fors.target.value: keys} if keys is not None else {})
        return True

    def visit_DictComp(self, node: cst.DictComp) -> bool:
        return self._comp(node)

    def leave_DictComp(self, node: cst.DictComp) -> None:
        self.comp_vars.pop()

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        return self._comp(node)

    def leave_ListComp(self, node: cst.ListComp) -> None:
        self.comp_vars.pop()

    def visit_Subscript(self, node: cst.Subscript) -> bool:
        key = _subscript_key(node, self.name)
        if key is None:
            return True
        text = literal_str(key)
        if text is not None:
            self.read.add(text)
            return False
        if isinstance(key, cst.Name) and any(key.value in scope for scope in self.comp_vars):
            scope = next(s for s in reversed(self.comp_vars) if key.value in s)
            self.read.update(scope[key.value])
            return False
        self.ok = False
        return False

    def visit_For(self, node: cst.For) -> bool:
        found = _loop_keys(node, self.lists)
        self.comp_vars.append({found[0]: found[1]} if found else {})
        return True

    def leave_For(self, node: cst.For) -> None:
        self.comp_vars.pop()

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # `build_signature_def(inputs=...)` uses no name `inputs`
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)  # `x.inputs` neither
        return False

    def visit_Call(self, node: cst.Call) -> bool:
        fetch = _run_fetch(node)
        if _is_name(fetch, self.name):  # fetched whole: TF1 returns a dict of the same keys
            for arg in node.args[1:]:
                walk(arg, self)
            return False
        key = _subscript_key(fetch, self.name) if fetch is not None else None
        loop = next(
            (s[key.value] for s in reversed(self.comp_vars) if isinstance(key, cst.Name) and key.value in s), None
        )
        if loop is not None:
            self.loop_fetched.update(loop)
        return True

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.ok = False  # used bare: passed on, iterated, fetched whole


class _Rewrite(cst.CSTTransformer):
    """`name["k"]` -> its own name; comprehensions over literal keys that read `name` unrolled;
    `name[k]` in a `for k in <literal keys>:` loop -> `{"a": name_a, ...}[k]`."""

    def __init__(self, name: str, names: dict[str, str], lists: dict[str, list[str]], note) -> None:
        self.name = name
        self.names = names
        self.lists = lists
        self.note = note
        self.loop_vars: list[tuple[str, list[str]] | None] = []  # enclosing `for k in <keys>` loops

    def visit_For(self, node: cst.For) -> bool:
        self.loop_vars.append(_loop_keys(node, self.lists))
        return True

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        self.loop_vars.pop()
        return updated

    def _display(self, keys=None) -> cst.Dict:
        keys = list(self.names) if keys is None else keys
        return cst.Dict([cst.DictElement(_literal(key), cst.Name(self.names[key])) for key in keys])

    def leave_Subscript(self, original: cst.Subscript, updated: cst.Subscript) -> cst.BaseExpression:
        key = _subscript_key(updated, self.name)
        loop = next(
            (lv for lv in reversed(self.loop_vars) if lv and isinstance(key, cst.Name) and lv[0] == key.value), None
        )
        if loop is not None:  # the loop's keys only: `{"dot": t_dot, "norm": t_norm}[name]`
            return self.note(original, updated.with_changes(value=self._display(loop[1])))
        text = literal_str(key) if key is not None else None
        if text is None:
            return updated
        return self.note(original, cst.Name(self.names[text]))

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        return self.note(original, updated)  # a copied name still resolves as the original (`sig_utils.x`)

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        fetch = updated.args[0].value if updated.args else None
        before = _run_fetch(original)
        if (
            before is not None
            and _subscript_key(before, self.name) is not None
            and isinstance(fetch, cst.Subscript)
            and isinstance(fetch.value, cst.Dict)
        ):
            # `sess.run(ends[k], feed)` in a loop over the keys: `sess.run({"a": ends_a, ...}, feed)[k]`,
            # every entry fetched and the one of this key picked (the entries are tensors, no ops)
            first = updated.args[0].with_changes(value=fetch.value)
            call = updated.with_changes(args=[first, *updated.args[1:]])
            return self.note(original, fetch.with_changes(value=call))
        if not _is_name(_run_fetch(original), self.name):
            return updated
        # `sess.run(ends, feed)`: the same keys, each its own name (TF1 returns a dict of the same keys)
        first = updated.args[0].with_changes(value=self._display())
        return self.note(original, updated.with_changes(args=[first, *updated.args[1:]]))

    def leave_DictComp(self, original: cst.DictComp, updated: cst.DictComp) -> cst.BaseExpression:
        pair = _items_of(original, self.name)
        if pair is not None:  # `{f(k): g(v) for k, v in ends.items()}`: one entry per key
            k, v = pair
            elements = [
                cst.DictElement(self._with(original.key, k, key, v), self._with(original.value, k, key, v))
                for key in self.names
            ]
            return self.note(original, cst.Dict(elements=elements))
        keys = self._keys(original)
        if keys is None:
            return updated
        var = original.for_in.target.value  # type: ignore[attr-defined]
        elements = [cst.DictElement(self._with(original.key, var, k), self._with(original.value, var, k)) for k in keys]
        return self.note(original, cst.Dict(elements=elements))

    def leave_ListComp(self, original: cst.ListComp, updated: cst.ListComp) -> cst.BaseExpression:
        pair = _items_of(original, self.name)
        if pair is not None:
            k, v = pair
            elements = [cst.Element(self._with(original.elt, k, key, v)) for key in self.names]
            return self.note(original, cst.List(elements=elements))
        keys = self._keys(original)
        if keys is None:
            return updated
        var = original.for_in.target.value  # type: ignore[attr-defined]
        return self.note(original, cst.List(elements=[cst.Element(self._with(original.elt, var, k)) for k in keys]))

    def _keys(self, node) -> list[str] | None:
        fors = node.for_in
        if fors.inner_for_in is not None or fors.ifs or not isinstance(fors.target, cst.Name):
            return None
        if not _reads(node, self.name, fors.target.value):
            return None
        keys = _strings(fors.iter)
        if keys is None and isinstance(fors.iter, cst.Name):
            keys = self.lists.get(fors.iter.value)
        return keys

    def _with(self, expr, var: str, key: str, value_var: str | None = None) -> cst.BaseExpression:
        """`expr` for one key: the loop variable is the key's literal, `name[key]` (or the value
        variable of `for k, v in name.items()`) its own name."""
        literal = _literal(key)
        outer = self

        class Sub(cst.CSTTransformer):
            def leave_Subscript(self, original: cst.Subscript, updated: cst.Subscript) -> cst.BaseExpression:
                index = _subscript_key(original, outer.name)
                if isinstance(index, cst.Name) and index.value == var:
                    return outer.note(original, cst.Name(outer.names[key]))
                return outer.note(original, updated)

            def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
                if original.value == var:
                    return cst.SimpleString(literal.value)
                if value_var is not None and original.value == value_var:
                    return outer.note(original, cst.Name(outer.names[key]))
                return outer.note(original, updated)

            def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
                return outer.note(original, updated.with_changes(attr=original.attr))

            def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
                return outer.note(original, updated.with_changes(keyword=original.keyword))

        return expr.visit(Sub())


def _literal(key: str) -> cst.SimpleString:
    return cst.SimpleString('"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"')


def _reads(node, name: str, var: str) -> bool:
    found = False

    class V(cst.CSTVisitor):
        def visit_Subscript(self, n: cst.Subscript) -> None:
            nonlocal found
            key = _subscript_key(n, name)
            if isinstance(key, cst.Name) and key.value == var:
                found = True

    walk(node, V())
    return found


def _identifier(key: str) -> str:
    return re.sub(r"\W", "_", key)


def scalarize(
    statements: list, fresh, note, outside: set[str], graph_code, module_list=None, pure=lambda value: False
) -> set[str]:
    """Rewrite `statements` ((small, line) pairs of a block, in order) in place; the dicts replaced.

    Only dicts holding graph code (`graph_code(value)` for one of their values) are split: a dict
    of plain Python values stays as the user wrote it. `module_list(name)`: the strings of a
    module-level list constant (`INPUTS = ["height", "width"]`, never changed), else None.
    `pure(value)`: the value is computed by TF ops without side effects (no train or assign op)."""
    smalls = [s for s, _ in statements if not isinstance(s, ScopeExit)]
    lists: dict[str, list[str]] = {}
    bound: dict[str, int] = {}
    for small in smalls:
        for name in assigned_names(small):
            bound[name] = bound.get(name, 0) + 1
    for small in smalls:
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
            keys = _strings(small.value)
            name = small.targets[0].target.value
            if keys is not None and bound.get(name) == 1:
                lists[name] = keys
    for name in [n for n in lists if not _only_iterated(smalls, n)]:
        del lists[name]  # used otherwise (appended to, passed on): its keys may change
    _unroll_comprehensions(statements, lists, bound, note, module_list)
    done: set[str] = set()
    tried: set[str] = set()
    # one dict at a time, from the top: splitting one rewrites the statements that read it (a later
    # dict's display among them), so the search starts again on the new statements
    while (found := _next_dict(statements, bound, outside | done | tried)) is not None:
        index, name = found
        tried.add(name)
        small = statements[index][0]
        found_keys = _dict_keys(statements, index, name, lists)
        if found_keys is None:
            continue
        keys, fetched = found_keys
        display = small.value
        assert isinstance(display, cst.Dict)  # `_keys_of_display` said so
        later = _later_assignments(statements, index, name)
        # `_keys_of_display` said every element is `"key": value`
        entries = [(literal_str(el.key) or "", el.value) for el in display.elements if isinstance(el, cst.DictElement)]
        given = entries + later
        graphy = _graph_names(statements[:index], graph_code)
        if not any(graph_code(v) or identifiers(v) & graphy for _, v in given):
            continue
        if not all(pure(v) for k, v in given if k in fetched):
            # `for k in keys: sess.run(ends[k])` becomes one fetch of every looped entry per iteration:
            # only for entries without side effects (no train or assign op run once per key)
            continue
        names = {k: fresh(f"{name}_{_identifier(k)}") for k in keys}
        reassigned = {k for k, _ in later}
        for key, value in entries:
            # `{"x": x}`: `t["x"]` is `x` itself (bound once in the block, the entry never reassigned)
            if key not in reassigned and isinstance(value, cst.Name) and bound.get(value.value) == 1:
                names[key] = value.value
        _apply(statements, index, name, names, lists, note)
        done.add(name)
    return done


def _next_dict(statements, bound, skip: set[str]) -> tuple[int, str] | None:
    """(index, name) of the first `name = {"k": ...}` display bound once and not in `skip`."""
    for index, (small, _) in enumerate(statements):
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and _keys_of_display(small.value) is not None
            and bound.get(small.targets[0].target.value) == 1
            and small.targets[0].target.value not in skip
        ):
            return index, small.targets[0].target.value
    return None


def _unroll_comprehensions(statements: list, lists, bound, note, module_list) -> None:
    """`ends = {k: f(k) for k in KEYS}` over literal key names (in the block, or a module constant)
    becomes the display `{"a": f("a"), "b": f("b")}`, which the split below then takes like any other
    (placeholders named after their keys: `{n: tf.placeholder(..., name=n) for n in INPUTS}`)."""
    for index, (small, line) in enumerate(statements):
        if not (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and isinstance(small.value, cst.DictComp)
            and bound.get(small.targets[0].target.value) == 1
        ):
            continue
        comp = small.value
        fors = comp.for_in
        if fors.inner_for_in is not None or fors.ifs or not isinstance(fors.target, cst.Name):
            continue
        var = fors.target.value
        if not (isinstance(comp.key, cst.Name) and comp.key.value == var):
            continue
        keys = _strings(fors.iter)
        if keys is None and isinstance(fors.iter, cst.Name):
            name = fors.iter.value
            keys = lists.get(name)
            if keys is None and name not in bound and module_list is not None:
                keys = module_list(name)
        if not keys or len(set(keys)) != len(keys):
            continue
        rewrite = _Rewrite("", {}, lists, note)
        elements = [cst.DictElement(_literal(k), rewrite._with(comp.value, var, k)) for k in keys]
        statements[index] = (note(small, small.with_changes(value=note(comp, cst.Dict(elements=elements)))), line)


def _graph_names(statements, graph_code) -> set[str]:
    """Names the statements bind to graph values: graph code, or values computed from such names
    (`area = height * width` after `height = tf.placeholder(...)`)."""
    out: set[str] = set()
    for small, _ in statements:
        if isinstance(small, cst.Assign) and (graph_code(small.value) or identifiers(small.value) & out):
            out |= assigned_names(small)
    return out


def _dict_keys(statements, index: int, name: str, lists) -> tuple[list[str], set[str]] | None:
    """The keys the dict built at `statements[index]` gets, when every later use is by key, and the
    keys `sess.run(name[k])` fetches in a loop over them (`_Uses.loop_fetched`)."""
    small = statements[index][0]
    keys = list(_keys_of_display(small.value) or [])
    read: set[str] = set()
    fetched: set[str] = set()
    for other, _ in statements[:index]:
        if not isinstance(other, ScopeExit) and _mentions(other, name):
            return None  # used before it is built: another binding's value
    for other, _ in statements[index + 1 :]:
        if isinstance(other, ScopeExit):
            continue
        if isinstance(other, cst.Assign) and len(other.targets) == 1:
            key = _subscript_key(other.targets[0].target, name)
            if key is not None:
                text = literal_str(key)
                if text is None:
                    return None
                if text not in keys:
                    keys.append(text)
                uses = _Uses(name, lists)
                walk(other.value, uses)
                if not uses.ok:
                    return None
                read |= uses.read
                fetched |= uses.loop_fetched
                continue
        uses = _Uses(name, lists)
        walk(other, uses)
        if not uses.ok:
            return None
        read |= uses.read
        fetched |= uses.loop_fetched
    if read - set(keys):
        return None  # a key never set: TF1 raised KeyError, nothing to migrate
    return keys, fetched


def _later_assignments(statements, index: int, name: str) -> list[tuple[str, cst.BaseExpression]]:
    """(key, value) of each `name["key"] = value` after the dict is built at `statements[index]`."""
    out: list[tuple[str, cst.BaseExpression]] = []
    for other, _ in statements[index + 1 :]:
        if isinstance(other, cst.Assign) and len(other.targets) == 1:
            key = _subscript_key(other.targets[0].target, name)
            text = literal_str(key) if key is not None else None
            if text is not None:
                out.append((text, other.value))
    return out


def _only_iterated(smalls, name: str) -> bool:
    """`name` appears only where it is bound and as what a `for` iterates over."""
    allowed: set[int] = set()
    seen: list[cst.Name] = []

    class V(cst.CSTVisitor):
        def visit_CompFor(self, node: cst.CompFor) -> None:
            allowed.add(id(node.iter))

        def visit_For(self, node: cst.For) -> None:
            allowed.add(id(node.iter))

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            allowed.add(id(node.target))

        def visit_Name(self, node: cst.Name) -> None:
            if node.value == name:
                seen.append(node)

    for small in smalls:
        walk(small, V())
    return all(id(n) in allowed for n in seen)


def _mentions(node, name: str) -> bool:
    return any(n.value == name for n in all_names(node))


def _apply(statements: list, index: int, name: str, names: dict[str, str], lists, note) -> None:
    small, line = statements[index]
    display = small.value
    new: list = []
    for el in display.elements:  # `{"a": x}`: one assignment per entry, in order
        key = literal_str(el.key) or ""  # `_keys_of_display` checked every key is a string literal
        if isinstance(el.value, cst.Name) and el.value.value == names[key]:
            continue  # an entry holding a name: reads of it are that name
        assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(names[key]))], value=el.value)
        new.append((note(small, assign), line))
    rewrite = _Rewrite(name, names, lists, note)
    out: list = []
    for i, (other, other_line) in enumerate(statements):
        if i == index:
            out.extend(new)
            continue
        if i < index or isinstance(other, ScopeExit):
            out.append((other, other_line))
            continue
        if isinstance(other, cst.Assign) and len(other.targets) == 1:
            index_node = _subscript_key(other.targets[0].target, name)
            text = literal_str(index_node) if index_node is not None else None
            if text is not None:
                value = other.value.visit(rewrite)
                target = cst.AssignTarget(cst.Name(names[text]))
                out.append((note(other, other.with_changes(targets=[target], value=value)), other_line))
                continue
        if not _mentions(other, name):
            out.append((other, other_line))
            continue
        changed = note(other, other.visit(rewrite))
        out.append((changed, changed if other_line is other else other_line))
    statements[:] = out
