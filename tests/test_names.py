"""The one analysis of the names code reads and binds (`smmigrate.codemods._names`), on its own:
source snippet -> the names it reads from, and binds in, the scope it runs in."""

from __future__ import annotations

import symtable

import libcst as cst
import pytest

from smmigrate.codemods._names import (
    all_names,
    binds,
    local_names,
    mention_nodes,
    mentions,
    mentions_outside,
    param_names,
    reads,
    target_names,
    uses_and_binds,
)

# (source, reads, binds)
CASES = [
    # assignments
    ("x = y + 1", {"y"}, {"x"}),
    ("a = b = c", {"c"}, {"a", "b"}),
    ("a, (b, c) = d", {"d"}, {"a", "b", "c"}),
    ("[a, b] = d", {"d"}, {"a", "b"}),
    ("a, *rest = items", {"items"}, {"a", "rest"}),
    ("x: int = y", {"int", "y"}, {"x"}),
    ("x: List[int]", {"List", "int"}, {"x"}),
    ("x += step", {"x", "step"}, {"x"}),
    # attribute and subscript targets bind nothing and read their base (and index)
    ("obj.attr = value", {"obj", "value"}, set()),
    ("table[key] = value", {"table", "key", "value"}, set()),
    ("obj.count += 1", {"obj"}, set()),
    ("a, obj.b, c[i] = t", {"t", "obj", "c", "i"}, {"a"}),
    # loops, with, except, del
    ("for k, v in d.items():\n    total = k\n", {"d", "k"}, {"k", "v", "total"}),
    ("for i in xs:\n    pass\nelse:\n    done = i\n", {"xs", "i"}, {"i", "done"}),
    ("async def f():\n    async for i in xs:\n        pass\n", {"xs"}, {"f"}),
    ("with open(p) as f, lock:\n    pass\n", {"open", "p", "lock"}, {"f"}),
    ("with ctx() as (a, b):\n    pass\n", {"ctx"}, {"a", "b"}),
    ("with ctx() as self.handle:\n    pass\n", {"ctx", "self"}, set()),
    ("try:\n    run()\nexcept (E1, E2) as err:\n    log(err)\n", {"run", "E1", "E2", "log", "err"}, {"err"}),
    ("try:\n    run()\nexcept* E as group:\n    pass\n", {"run", "E"}, {"group"}),
    ("del x, y[i], z.attr", {"y", "i", "z"}, {"x"}),
    # imports
    ("import os", set(), {"os"}),
    ("import os.path", set(), {"os"}),
    ("import tensorflow.compat.v1 as tf", set(), {"tf"}),
    ("from a.b import c, d as e", set(), {"c", "e"}),
    ("from . import sibling", set(), {"sibling"}),
    ("from m import *", set(), set()),
    # functions and classes: the name is bound, decorators, defaults and annotations are read
    ("def f(a, b=default, *args, c: Ann = 1, **kw) -> Ret:\n    return a + g\n", {"default", "Ann", "Ret", "g"}, {"f"}),
    ("@decorate(option)\ndef f():\n    pass\n", {"decorate", "option"}, {"f"}),
    ("def f(a, /, b):\n    return a, b, c\n", {"c"}, {"f"}),
    ("def f():\n    x = 1\n    return x\n", set(), {"f"}),
    ("def f():\n    print(x)\n    x = 1\n", {"print"}, {"f"}),  # `x` is f's local: not the outer one
    ("def outer():\n    def inner():\n        return free, local\n    local = 1\n", {"free"}, {"outer"}),
    ("def f():\n    global g\n    g = 1\n", set(), {"f", "g"}),
    ("def f():\n    global g\n    return g\n", {"g"}, {"f"}),
    ("def f():\n    x = 0\n    def h():\n        nonlocal x\n        x += 1\n", set(), {"f"}),
    ("@register\nclass C(Base, metaclass=Meta):\n    size = 1\n", {"register", "Base", "Meta"}, {"C"}),
    ("class C:\n    size = 1\n    double = size * 2\n", set(), {"C"}),
    # a class body's names are not variables of its methods: `size` here is the module's
    ("class C:\n    size = 1\n    def m(self):\n        return size\n", {"size"}, {"C"}),
    # lambdas
    ("f = lambda a, b=d: a + b + c", {"d", "c"}, {"f"}),
    ("f = lambda *args, **kw: (args, kw, other)", {"other"}, {"f"}),
    # comprehensions: the targets are the comprehension's own
    ("ys = [x * k for x in xs if x]", {"xs", "k"}, {"ys"}),
    ("{k: v for k, v in pairs}", {"pairs"}, set()),
    ("{x for x in xs}", {"xs"}, set()),
    ("(x for x in xs)", {"xs"}, set()),
    ("[(x, y) for x in xs for y in x]", {"xs"}, set()),
    ("[y for x in xs for y in ys]", {"xs", "ys"}, set()),
    ("[[y for y in x] for x in xs]", {"xs"}, set()),
    ("x = 1\n[x for x in xs]", {"xs"}, {"x"}),
    # walrus: binds where it is, or in the scope around a comprehension
    ("if (n := len(a)) > 3:\n    use(n)\n", {"len", "a", "use", "n"}, {"n"}),
    ("[last := x for x in xs]", {"xs"}, {"last"}),
    ("[[(inner := y) for y in x] for x in xs]", {"xs"}, {"inner"}),
    ("f = lambda: (y := 1)", set(), {"f"}),
    # keyword names and attribute names are not reads
    ("f(value=v, *args, **kwargs)", {"f", "v", "args", "kwargs"}, set()),
    ("tf.compat.v1.Session(graph=g)", {"tf", "g"}, set()),
    ("obj.method(x).attr", {"obj", "x"}, set()),
    # f-strings read what they format, format specs included
    ('f"{a!r} {b.c:{width}} {d[i]}"', {"a", "b", "width", "d", "i"}, set()),
    # global / nonlocal statements themselves read and bind nothing
    ("global g", set(), set()),
    # match statements
    (
        "match cmd:\n    case Point(x=px, y=0) as p:\n        pass\n    case [first, *others]:\n        pass\n"
        "    case {'k': v, **rest}:\n        pass\n    case Color.RED:\n        pass\n",
        {"cmd", "Point", "Color"},
        {"px", "p", "first", "others", "v", "rest"},
    ),
]


@pytest.mark.parametrize(("source", "want_reads", "want_binds"), CASES, ids=[c[0] for c in CASES])
def test_reads_and_binds(source, want_reads, want_binds):
    module = cst.parse_module(source)
    assert reads(module) == want_reads
    assert binds(module) == want_binds
    assert uses_and_binds(module) == (frozenset(want_reads), frozenset(want_binds))


def _module_binds(source: str) -> set[str]:
    """What CPython's own symbol table says the module scope binds (imports and assignments)."""
    table = symtable.symtable(source, "<case>", "exec")
    return {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}


# CPython records a name a nested scope binds in the module (`global g` in a function, a walrus in a
# comprehension) in the nested scope's table, and a star import's names are unknown to both
_NOT_IN_MODULE_TABLE = {
    "from m import *",
    "def f():\n    global g\n    g = 1\n",
    "[last := x for x in xs]",
    "[[(inner := y) for y in x] for x in xs]",
}
_ORACLE = [c[0] for c in CASES if c[0] not in _NOT_IN_MODULE_TABLE]


@pytest.mark.parametrize("source", _ORACLE, ids=[s.split("\n")[0] for s in _ORACLE])
def test_binds_agree_with_cpython(source):
    # an independent check of every binding form: CPython's compiler decides which names are bound
    assert binds(cst.parse_module(source)) == _module_binds(source)


def test_statement_and_expression_nodes():
    module = cst.parse_module("total = total + price * qty\nprint(f(x=total))\n")
    first, second = module.body
    assert reads(first) == {"total", "price", "qty"} and binds(first) == {"total"}
    assert reads(second) == {"print", "f", "total"} and binds(second) == set()
    expression = cst.parse_expression("[n for n in range(k)]")
    assert reads(expression) == {"range", "k"}


def test_answers_are_copies():
    node = cst.parse_module("x = y")
    reads(node).add("mutated")
    binds(node).add("mutated")
    assert (reads(node), binds(node)) == ({"y"}, {"x"})


def test_target_names():
    target = cst.parse_expression("a, (b, *c), d.e, f[0]")
    assert target_names(target) == {"a", "b", "c"}
    assert target_names(cst.parse_expression("obj.attr")) == set()


def test_local_names():
    fn = cst.ensure_type(
        cst.parse_statement(
            "def f(a, *args, b=1, **kw):\n"
            "    global g\n"
            "    g = c = 1\n"
            "    for i in range(3):\n"
            "        pass\n"
            "    def helper(inner):\n"
            "        own = inner\n"
            "    total += [x for x in args][0]\n"
        ),
        cst.FunctionDef,
    )
    # `g` is declared global; `inner`, `own` and `x` belong to scopes of their own
    assert local_names(fn) == {"a", "args", "b", "kw", "c", "i", "helper", "total"}
    lam = cst.ensure_type(cst.parse_expression("lambda p, q=r: p + q + s"), cst.Lambda)
    assert local_names(lam) == {"p", "q"}


def test_param_names():
    fn = cst.ensure_type(cst.parse_statement("def f(a, /, b, *args, c, d=1, **kw):\n    pass\n"), cst.FunctionDef)
    assert param_names(fn.params) == {"a", "b", "args", "c", "d", "kw"}
    bare = cst.ensure_type(cst.parse_statement("def g(a, *, b):\n    pass\n"), cst.FunctionDef)
    assert param_names(bare.params) == {"a", "b"}  # a bare `*` names nothing


def test_mentions_take_every_scope_but_no_attribute_or_keyword_name():
    module = cst.parse_module("def f(a):\n    return tf.train.Saver(var_list=a, name=b)\n")
    assert mentions(module) == {"f", "a", "tf", "b"}
    assert [n.value for n in mention_nodes(module)] == ["f", "a", "tf", "a", "b"]
    # a purely textual look sees attribute and keyword names as well
    assert [n.value for n in all_names(module)] == ["f", "a", "tf", "train", "Saver", "var_list", "a", "name", "b"]


def test_mentions_outside_skips_subtrees():
    stmt = cst.parse_statement("out = sess.run(fetch, feed_dict=feeds) + other\n")
    small = cst.ensure_type(stmt, cst.SimpleStatementLine).body[0]
    call = cst.ensure_type(cst.ensure_type(small, cst.Assign).value, cst.BinaryOperation).left
    assert mentions_outside(stmt, [call]) == {"out", "other"}
    assert mentions_outside(stmt, []) == {"out", "sess", "fetch", "feeds", "other"}


def test_one_scan_answers_mentions_calls_and_tf_reference_candidates():
    from smmigrate.codemods._names import calls, mention_nodes, scan

    node = cst.parse_statement("y = tf.nn.relu(f(x, name=n).w, axis=tf.compat.v1.AUTO) + g()\n")
    found = scan(node)
    assert [n.value for n in mention_nodes(node)] == ["y", "tf", "f", "x", "n", "tf", "g"]
    assert [cst.Module([]).code_for_node(c.func) for c in calls(node)] == ["tf.nn.relu", "f", "g"]
    # candidates in walk order, each with the index past the ones it holds: `tf.nn.relu` holds `tf.nn`
    # and `tf`; `f(x, name=n).w` holds `f`, `x`, `n` (keyword names are no candidates)
    shown = [(cst.Module([]).code_for_node(ref), end) for ref, end in found.refs]
    assert shown == [
        ("y", 1),
        ("tf.nn.relu", 4),
        ("tf.nn", 4),
        ("tf", 4),
        ("f(x, name=n).w", 8),
        ("f", 6),
        ("x", 7),
        ("n", 8),
        ("tf.compat.v1.AUTO", 12),
        ("tf.compat.v1", 12),
        ("tf.compat", 12),
        ("tf", 12),
        ("g", 13),
    ]
    assert scan(node) is found  # memoised
