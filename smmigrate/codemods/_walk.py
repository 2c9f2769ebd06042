"""A read-only walk of a libcst tree for `CSTVisitor`s, without libcst's rebuilding of every node.

libcst has one traversal for visitors and transformers: ``node.visit(visitor)`` rebuilds every node it
passes (``_visit_and_replace_children`` constructs and validates a copy even for a read-only
visitor) and looks up the attribute hooks of every field. `walk(node, visitor)` calls the same
``visit_<Node>`` / ``leave_<Node>`` methods on the same nodes in the same order (a node's children in
the order libcst visits its fields, recorded once per node class from libcst itself), returning
False from ``visit_<Node>`` skips the children as it does in libcst, and the tree is left as it is.
Whitespace and punctuation nodes are not entered when the visitor has no method for any of them.

Visitors that override ``on_visit``/``on_leave`` or use attribute hooks (``visit_<Node>_<field>``)
are walked by libcst itself. `parents(module)` is libcst's `ParentNodeProvider` mapping, built by the
same walk.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import weakref
from collections.abc import Callable

import libcst as cst
from libcst import MaybeSentinel

_CSTNode = cst.CSTNode

# node classes whose subtrees hold only whitespace, comments and punctuation
_TRIVIA_BASES = (
    cst.BaseParenthesizableWhitespace,
    cst.BaseBinaryOp,
    cst.BaseBooleanOp,
    cst.BaseCompOp,
    cst.BaseUnaryOp,
    cst.BaseAugOp,
)
_TRIVIA_NAMES = (
    "TrailingWhitespace",
    "EmptyLine",
    "Newline",
    "Comment",
    "Comma",
    "Dot",
    "Colon",
    "Semicolon",
    "AssignEqual",
    "LeftParen",
    "RightParen",
    "LeftSquareBracket",
    "RightSquareBracket",
    "LeftCurlyBrace",
    "RightCurlyBrace",
    "ImportStar",
)


def _subclasses(cls: type) -> set[type]:
    out = {cls}
    subs: list[type] = cls.__subclasses__()
    for sub in subs:
        out |= _subclasses(sub)
    return out


_TRIVIA: frozenset[type] = frozenset(
    {getattr(cst, n) for n in _TRIVIA_NAMES}.union(*(_subclasses(base) for base in _TRIVIA_BASES))
)
_TRIVIA_HOOKS = frozenset(f"{p}_{t.__name__}" for t in _TRIVIA for p in ("visit", "leave"))


class _Recorder(cst.CSTVisitor):
    """Records the fields libcst visits on one node, without entering them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        return None

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.fields.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None


# node class -> (fields in libcst's visiting order, fields it did not visit on the node recorded)
_ORDER: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_IS_NODE: dict[type, bool] = {}  # isinstance(x, CSTNode) is an ABC check: cached per class


def _is_node(kind: type) -> bool:
    known = _IS_NODE.get(kind)
    if known is None:
        known = _IS_NODE[kind] = issubclass(kind, _CSTNode)
    return known


def _record(node: cst.CSTNode) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the fields libcst visits on `node`, in order; the others that may still hold a node on
    another instance: those that are not plain values here)."""
    recorder = _Recorder()
    node._visit_and_replace_children(recorder)
    visited = tuple(dict.fromkeys(recorder.fields))
    others = tuple(
        f
        for f in node.__dataclass_fields__
        if f not in visited and not f.startswith("__") and not isinstance(getattr(node, f), (str, int, float))
    )
    return visited, others


def _fields(node: cst.CSTNode) -> tuple[str, ...]:
    cls = type(node)
    entry = _ORDER.get(cls)
    if entry is None:
        entry = _ORDER[cls] = _record(node)
    order, others = entry
    for name in others:  # a field libcst visits only when set (f-string format specs): this node's own
        value = getattr(node, name)
        kind = type(value)
        if _is_node(kind) or ((kind is tuple or kind is list) and any(_is_node(type(v)) for v in value)):
            return _record(node)[0]
    return order


_ATTRIBUTE_HOOK = re.compile(r"^(visit|leave)_[A-Z][A-Za-z]*_[a-z]")
_BASES = frozenset(cst.CSTVisitor.__mro__)  # libcst's own classes: every hook there is a no-op


_HOOKS: weakref.WeakKeyDictionary[type, dict[str, Callable] | None] = weakref.WeakKeyDictionary()


def _hooks(cls: type) -> dict[str, Callable] | None:
    """The visitor class's own visit_/leave_ methods; None when `walk` cannot stand in for libcst's
    traversal (on_visit/on_leave overridden, attribute hooks)."""
    try:
        return _HOOKS[cls]
    except KeyError:
        pass
    found: dict[str, Callable] | None = {} if issubclass(cls, cst.CSTVisitor) else None
    for klass in reversed(cls.__mro__):
        if found is None or klass in _BASES:
            continue
        for name, value in vars(klass).items():
            if name in ("on_visit", "on_leave", "on_visit_attribute", "on_leave_attribute") or (
                name.startswith(("visit_", "leave_")) and _ATTRIBUTE_HOOK.match(name)
            ):
                found = None
                break
            if name.startswith(("visit_", "leave_")):
                found[name] = value
    _HOOKS[cls] = found
    return found


def _holds_content(hint: object, trivia: bool = False) -> bool:
    """Whether a field annotated `hint` may hold a node that is not whitespace or punctuation (with
    `trivia`: any node); True when the annotation is not understood."""
    if isinstance(hint, type):
        if issubclass(hint, _CSTNode):
            return trivia or hint not in _TRIVIA
        return hint not in (str, int, float, bool, type(None), MaybeSentinel)
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return False
    args = typing.get_args(hint)
    if origin is None or not args:
        return True
    return any(_holds_content(arg, trivia) for arg in args)


# node class -> its fields that may hold a node other than whitespace and punctuation (by libcst's
# annotations); None when a field's annotation cannot be read
_CONTENT: dict[type, frozenset[str] | None] = {}


def _content_names(kind: type) -> frozenset[str] | None:
    try:
        return _CONTENT[kind]
    except KeyError:
        pass
    try:
        hints = typing.get_type_hints(kind)
        found: frozenset[str] | None = frozenset(
            name
            for name in (f.name for f in dataclasses.fields(kind))
            if name not in hints or _holds_content(hints[name])
        )
    except Exception:
        found = None
    _CONTENT[kind] = found
    return found


# node class -> the fields `walk` enters when whitespace and punctuation are skipped, in libcst's
# visiting order; None for classes whose fields are read per node (see `_fields`)
_CONTENT_ORDER: dict[type, tuple[str, ...] | None] = {}


def _content_order(node: cst.CSTNode) -> tuple[str, ...]:
    kind = type(node)
    order = _CONTENT_ORDER.get(kind, _NO_ORDER)
    if order is not _NO_ORDER and order is not None:
        return order
    fields = _fields(node)
    names = _content_names(kind)
    kept = fields if names is None else tuple(f for f in fields if f in names)
    if order is _NO_ORDER:
        entry = _ORDER[kind]
        _CONTENT_ORDER[kind] = kept if (not entry[1] and names is not None) else None
    return kept


_NO_ORDER: tuple[str, ...] = ("",)


class _NodeKinds(dict):
    """class -> whether its instances are libcst nodes (filled on first sight)."""

    def __missing__(self, kind: type) -> bool:
        found = self[kind] = _is_node(kind)
        return found


class _ContentKinds(dict):
    """class -> whether its instances are libcst nodes other than whitespace and punctuation."""

    def __missing__(self, kind: type) -> bool:
        found = self[kind] = _is_node(kind) and kind not in _TRIVIA
        return found


_NODE_KINDS = _NodeKinds()
_CONTENT_KINDS = _ContentKinds()

# visitor class -> (whether whitespace and punctuation are skipped, node class -> (visit_, leave_)
# functions of the class, unbound)); None when `walk` cannot stand in for libcst's traversal
_PLANS: weakref.WeakKeyDictionary[type, tuple[bool, dict] | None] = weakref.WeakKeyDictionary()


def _plan(cls: type) -> tuple[bool, dict] | None:
    try:
        return _PLANS[cls]
    except KeyError:
        pass
    own = _hooks(cls)
    plan: tuple[bool, dict] | None = None
    if own is not None and all(isinstance(getattr(cls, name), types.FunctionType) for name in own):
        plan = (not any(name in _TRIVIA_HOOKS for name in own), {})
    _PLANS[cls] = plan
    return plan


# id(visitor) -> the walk of that visitor under way: a visitor whose hook walks a child itself
# (``walk(node.value, self)``) reuses it
_ACTIVE: dict[int, Callable[[cst.CSTNode], None]] = {}


def walk(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """`node.visit(visitor)` for a read-only visitor, without rebuilding the tree."""
    active = _ACTIVE.get(id(visitor))
    if active is not None:
        active(node)
        return
    cls = type(visitor)
    plan = _plan(cls)
    if plan is None:
        _walk_bound(node, visitor)
        return
    skipping, table = plan
    own = _hooks(cls)
    assert own is not None
    if not skipping:
        order_of = _ORDER.get
        is_node = _NODE_KINDS.__getitem__

        def go_all(node: cst.CSTNode) -> None:
            kind = type(node)
            hook = table.get(kind)
            if hook is None:
                hook = table[kind] = _class_hooks(cls, own, kind)
            enter, leave = hook
            if enter is None or enter(visitor, node) is not False:
                entry = order_of(kind)
                for field in entry[0] if entry is not None and not entry[1] else _fields(node):
                    value = getattr(node, field)
                    kind = type(value)
                    if kind is tuple or kind is list:
                        for child in value:
                            if is_node(type(child)):
                                go_all(child)
                    elif is_node(kind):
                        go_all(value)
            if leave is not None:
                leave(visitor, node)

        _run(go_all, node, visitor)
        return
    enters = _CONTENT_KINDS.__getitem__
    content_of = _CONTENT_ORDER.get

    def go(node: cst.CSTNode) -> None:
        kind = type(node)
        hook = table.get(kind)
        if hook is None:
            hook = table[kind] = _class_hooks(cls, own, kind)
        enter, leave = hook
        if enter is None or enter(visitor, node) is not False:
            order = content_of(kind)
            for field in order if order is not None else _content_order(node):
                value = getattr(node, field)
                kind = type(value)
                if kind is tuple or kind is list:
                    for child in value:
                        if enters(type(child)):
                            go(child)
                elif enters(kind):
                    go(value)
        if leave is not None:
            leave(visitor, node)

    _run(go, node, visitor)


def _run(go: Callable[[cst.CSTNode], None], node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    key = id(visitor)
    _ACTIVE[key] = go
    try:
        go(node)
    finally:
        del _ACTIVE[key]


def _class_hooks(cls: type, own: dict, kind: type) -> tuple[Callable | None, Callable | None]:
    name = kind.__name__
    enter = getattr(cls, f"visit_{name}") if f"visit_{name}" in own else None
    leave = getattr(cls, f"leave_{name}") if f"leave_{name}" in own else None
    return enter, leave


def _walk_bound(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """`walk` for visitors whose hooks are not all plain functions (or that libcst must visit)."""
    own = _hooks(type(visitor))
    if own is None:
        node.visit(visitor)
        return
    skip = _TRIVIA if not any(name in _TRIVIA_HOOKS for name in own) else frozenset()
    hooks: dict[type, tuple[Callable | None, Callable | None]] = {}
    order_of = _ORDER.get
    is_node = _NODE_KINDS.__getitem__

    def go(node: cst.CSTNode) -> None:
        kind = type(node)
        hook = hooks.get(kind)
        if hook is None:
            name = kind.__name__
            enter = getattr(visitor, f"visit_{name}") if f"visit_{name}" in own else None
            leave = getattr(visitor, f"leave_{name}") if f"leave_{name}" in own else None
            hook = hooks[kind] = (enter, leave)
        enter, leave = hook
        if enter is None or enter(node) is not False:
            entry = order_of(kind)
            for field in entry[0] if entry is not None and not entry[1] else _fields(node):
                value = getattr(node, field)
                kind = type(value)
                if kind is tuple or kind is list:
                    for child in value:
                        kind = type(child)
                        if kind not in skip and is_node(kind):
                            go(child)
                elif kind not in skip and is_node(kind):
                    go(value)
        if leave is not None:
            leave(node)

    _run(go, node, visitor)


def parents(module: cst.CSTNode) -> dict[cst.CSTNode, cst.CSTNode]:
    """child -> parent for every node under `module` (libcst's `ParentNodeProvider` mapping)."""
    found = _parents(module, unique=False)
    assert found is not None
    return found


def unique_parents(module: cst.CSTNode) -> dict[cst.CSTNode, cst.CSTNode] | None:
    """`parents(module)`, or None when a node object occurs twice in the tree (a rewritten tree may
    reuse a node in two places; libcst's metadata wrapper copies such a tree first)."""
    return _parents(module, unique=True)


def _parents(module: cst.CSTNode, unique: bool) -> dict[cst.CSTNode, cst.CSTNode] | None:
    out: dict[cst.CSTNode, cst.CSTNode] = {}
    stack = [module]
    pop, push = stack.pop, stack.append
    order_of = _NODE_ORDER.get
    is_node = _NODE_KINDS.__getitem__
    while stack:
        node = pop()
        order = order_of(type(node))
        for field in order if order is not None else _node_order(node):
            value = getattr(node, field)
            kind = type(value)
            for child in value if kind is tuple or kind is list else (value,):
                if is_node(type(child)):
                    if unique:
                        size = len(out)
                        out[child] = node
                        if len(out) == size or child is module:
                            return None
                    else:
                        out[child] = node
                    push(child)
    return out


# node class -> its fields that may hold a node (by libcst's annotations: not the plain values), in
# libcst's visiting order; None for classes whose fields are read per node (see `_fields`)
_NODE_ORDER: dict[type, tuple[str, ...] | None] = {}
_NODE_NAMES: dict[type, frozenset[str] | None] = {}


def _node_order(node: cst.CSTNode) -> tuple[str, ...]:
    kind = type(node)
    fields = _fields(node)
    names = _NODE_NAMES.get(kind, _NO_NAMES)
    if names is _NO_NAMES:
        try:
            hints = typing.get_type_hints(kind)
            names = _NODE_NAMES[kind] = frozenset(
                name
                for name in (f.name for f in dataclasses.fields(kind))
                if name not in hints or _holds_content(hints[name], trivia=True)
            )
        except Exception:
            names = _NODE_NAMES[kind] = None
    kept = fields if names is None else tuple(f for f in fields if f in names)
    if kind not in _NODE_ORDER:
        _NODE_ORDER[kind] = kept if (not _ORDER[kind][1] and names is not None) else None
    return kept


_NO_NAMES: frozenset[str] = frozenset({""})


def dedupe(module: cst.Module) -> cst.Module:
    """`module` with every node object that occurs more than once in it copied at its later
    occurrences (with its ancestors rebuilt), so that no node object occurs twice; `module` itself
    when none does. libcst's metadata wrapper deep-copies a whole tree for this; the nodes a
    rewrite reuses are a few commas and blank lines."""
    seen: set[int] = {id(module)}

    def enter(child: cst.CSTNode) -> cst.CSTNode:
        if id(child) in seen:
            return child.deep_clone()
        seen.add(id(child))
        return rebuild(child)

    order_of = _NODE_ORDER.get

    def rebuild(node: cst.CSTNode) -> cst.CSTNode:
        changes: dict[str, object] = {}
        order = order_of(type(node))
        for field in order if order is not None else _node_order(node):
            value = getattr(node, field)
            kind = type(value)
            if kind is tuple or kind is list:
                items: list | None = None
                for index, child in enumerate(value):
                    if _is_node(type(child)):
                        new = enter(child)
                        if new is not child:
                            items = list(value) if items is None else items
                            items[index] = new
                if items is not None:
                    changes[field] = kind(items)
            elif _is_node(kind):
                new = enter(value)
                if new is not value:
                    changes[field] = new
        return node.with_changes(**changes) if changes else node

    return rebuild(module)  # type: ignore[return-value]
