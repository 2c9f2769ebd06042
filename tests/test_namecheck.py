"""namecheck: names read where no binding reaches them (the engine's safety net), without TensorFlow.

Each construct is tested both ways: a source where the binding reaches the read ("bound") and one
where it does not ("unbound").
"""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from smmigrate.codemods import REGISTRY
from smmigrate.codemods._base import SavedModelCodemod
from smmigrate.diagnostics import CODES
from smmigrate.namecheck import new_undefined, undefined_names
from smmigrate.rewrite import transform_module_source


def undefined(source: str) -> set[str]:
    return {name for _, name in undefined_names(textwrap.dedent(source))}


BOUND = {
    "module_assign": "x = 1\nprint(x)\n",
    "use_before_module_binding": "def f():\n    return x\nx = 1\n",
    "builtins": "print(len([]), ValueError, __import__)\n",
    "module_dunders": "print(__file__, __name__, __doc__, __spec__, __package__, __builtins__)\n",
    "class_implicit": "class C:\n    where = __module__ + __qualname__\n",
    "enclosing_function": "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
    "global_decl_binds_module": "def f():\n    global x\n    x = 1\ndef g():\n    return x\n",
    "nonlocal": "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        return x\n",
    "comprehension_target": "ys = [v * 2 for v in range(3) if v]\n",
    "nested_comprehension": "pairs = [(a, b) for a in range(3) for b in range(a)]\n",
    "dict_set_generator": "d = {k: v for k, v in []}\ns = {e for e in d}\ng = sum(e for e in s)\n",
    "lambda_param": "f = lambda a, *rest, key=None, **kw: (a, rest, key, kw)\n",
    "lambda_default_outer": "y = 1\nf = lambda a=y: a\n",
    "except_as": "try:\n    pass\nexcept ValueError as err:\n    print(err)\n",
    "walrus": "if (n := 3) > 2:\n    print(n)\n",
    "walrus_in_comprehension": "def f(xs):\n    [last := v for v in xs]\n    return last\n",
    "match_patterns": (
        "def f(cmd):\n"
        "    match cmd:\n"
        "        case [first, *others]:\n"
        "            return first, others\n"
        "        case {'k': value, **rest}:\n"
        "            return value, rest\n"
        "        case Point(x=px) as whole:\n"
        "            return px, whole\n"
        "class Point:\n"
        "    pass\n"
    ),
    "try_import": "try:\n    import numpy as np\nexcept ImportError:\n    np = None\nprint(np)\n",
    "conditional_definition": "import sys\nif sys.argv:\n    def helper():\n        return 1\nhelper()\n",
    "import_forms": "import os.path\nimport json as j\nfrom a.b import c as d, e\nprint(os, j, d, e)\n",
    "class_name_in_method_via_module": "class C:\n    def m(self):\n        return C\n",
    "method_uses_self_attr": "class C:\n    size = 1\n    def m(self):\n        return self.size\n",
    "class_body_reads_class_name": "class C:\n    a = 1\n    b = a + 1\n",
    "del_after_binding": "x = 1\ndel x\n",
    "del_in_function": "def f():\n    x = 1\n    del x\n",
    "del_global": "x = 1\ndef f():\n    global x\n    del x\n",
    "for_with_targets": "for i, (a, b) in []:\n    print(i, a, b)\nwith open('f') as fh:\n    print(fh)\n",
    "annotated": "def f(a: int) -> int:\n    b: int = a\n    return b\n",
    "decorator_and_default": "import functools\nD = 1\n@functools.wraps(print)\ndef f(a=D):\n    return a\n",
    "super_and_class_cell": "class C:\n    def m(self):\n        return super().m(), __class__\n",
    "star_import": "from os.path import *\nprint(join('a', 'b'))\n",
    "exec": "exec('y = 1')\nprint(y)\n",
    "globals_write": "globals()['y'] = 1\nprint(y)\n",
    "globals_update": "globals().update(y=1)\nprint(y)\n",
    "async": "async def f(xs):\n    async for v in xs:\n        print(v)\n    async with xs as c:\n        return c\n",
}

UNBOUND = {
    "never_bound": ("print(x)\n", {"x"}),
    "class_scope_not_enclosing_method": ("class C:\n    size = 1\n    def m(self):\n        return size\n", {"size"}),
    "class_scope_not_enclosing_comprehension": ("class C:\n    a = 1\n    b = [a for _ in range(2)]\n", {"a"}),
    "sibling_function": ("def f():\n    x = 1\ndef g():\n    return x\n", {"x"}),
    "comprehension_target_leaks_not": ("ys = [v for v in range(3)]\nprint(v)\n", {"v"}),
    "lambda_param_not_outside": ("f = lambda a: a\nprint(a)\n", {"a"}),
    "lambda_default_is_outer": ("f = lambda a=a: a\n", {"a"}),
    "global_decl_without_binding": ("def f():\n    global x\n    return x\n", {"x"}),
    "except_as_other_name": ("try:\n    pass\nexcept ValueError as err:\n    print(error)\n", {"error"}),
    "walrus_other_scope": ("def f():\n    (n := 1)\nprint(n)\n", {"n"}),
    "match_capture_other_scope": ("def f(c):\n    match c:\n        case [k]:\n            pass\nprint(k)\n", {"k"}),
    "conditional_in_other_function": ("def f():\n    if True:\n        helper = 1\nhelper\n", {"helper"}),
    "del_only": ("del x\n", {"x"}),
    "del_one_line_compound": ("if True: del q\nx = 1; del y\n", {"q", "y"}),
    "del_only_in_function": ("x = 1\ndef f():\n    print(x)\n    del x\n", {"x"}),
    "decorator_is_outer": ("def f():\n    @deco\n    def g():\n        deco = 1\n", {"deco"}),
    "annotation": ("def f(a: Missing):\n    pass\n", {"Missing"}),
}


@pytest.mark.parametrize("source", BOUND.values(), ids=BOUND.keys())
def test_bound(source):
    assert undefined(source) == set()


@pytest.mark.parametrize("source,names", UNBOUND.values(), ids=UNBOUND.keys())
def test_unbound(source, names):
    assert undefined(source) == names


def test_keys_name_the_scope():
    source = "def f():\n    return a\nclass C:\n    def m(self):\n        return [b for _ in ()]\nprint(c)\n"
    assert undefined_names(source) == {("f", "a"), ("C.m.listcomp", "b"), ("", "c")}


@pytest.mark.parametrize("opener", ["exec(s)\n", "from os import *\n", "globals()['k'] = 1\n", "vars().update(k=1)\n"])
def test_dynamic_modules_take_module_level_unknowns_as_bound(opener):
    body = "s = ''\nprint(anything)\ndef f():\n    del local_only\n"
    assert undefined(body) == {"anything", "local_only"}
    # a function's own `del` of a name nothing in it binds still fails whatever the module does
    assert undefined(opener + body) == {"local_only"}


GRAPH = """import tensorflow as tf


def main(export_dir):
    graph = tf.Graph()
    with graph.as_default():
        sess = tf.Session()
        x = graph.get_tensor_by_name("x:0")
        print(sess.run(x))
"""


def test_new_undefined_reports_a_removed_binding_at_its_first_use():
    after = GRAPH.replace("    graph = tf.Graph()\n", "")
    assert new_undefined(GRAPH, after) == [("graph", 5, 10)]


def test_new_undefined_reports_an_emitted_unbound_name():
    after = GRAPH.replace("print(sess.run(x))", "print(pruned(x))")
    assert new_undefined(GRAPH, after) == [("pruned", 9, 15)]


def test_pre_existing_undefined_names_never_count():
    before = GRAPH + "    print(missing)\n"
    after = before.replace("print(sess.run(x))", "print(sess.run(x), missing)")
    assert undefined_names(before) == {("main", "missing")}
    assert new_undefined(before, after) == []


def test_same_name_newly_undefined_in_another_scope_counts():
    before = "def f():\n    return gone\ndef g():\n    gone = 1\n    return gone\n"
    after = "def f():\n    return gone\ndef g():\n    return gone\n"
    assert new_undefined(before, after) == [("gone", 4, 12)]


def test_before_may_be_a_precomputed_result_and_bytes_are_decoded():
    before = "# -*- coding: latin-1 -*-\nx = 'caf\xe9'\nprint(x)\n".encode("latin-1")
    after = "# -*- coding: latin-1 -*-\nprint(x)\n".encode("latin-1")
    assert new_undefined(undefined_names(before), after) == [("x", 2, 7)]


def test_a_nonlocal_whose_binding_went_is_reported():
    before = "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n"
    after = "def f():\n    def g():\n        nonlocal x\n        x = 2\n"
    [(name, line, _)] = new_undefined(before, after)
    assert (name, line) == ("x", 3)


def test_unparsable_input_never_blocks():
    assert new_undefined("def (:\n", "print(x)\n") == []
    assert new_undefined("x = 1\n", "def (:\n") == []  # the engine reports parse errors itself


def test_a_deleted_binding_is_reported_at_the_del():
    before = "x = 1\ndel x\n"
    assert new_undefined(before, "del x\n") == [("x", 1, 5)]


# -- the engine's safety net: a codemod change that breaks a name is not kept (SM007) ------------

PROGRAM = """import tensorflow as tf

export_dir = "/tmp/model"
graph = tf.Graph()
with graph.as_default():
    sess = tf.Session()
    tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    print(sess.run("y:0", feed_dict={"x:0": [[1.0]]}))
"""


class DropsGraph(SavedModelCodemod):
    """Deletes `graph = tf.Graph()` and leaves `with graph.as_default():` (the bug seen in issue 11)."""

    NAME = "test-drops-graph"

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if cst.Module([]).code_for_node(original_node).strip() == "graph = tf.Graph()":
            return cst.RemoveFromParent()
        return updated_node


class EmitsUnbound(SavedModelCodemod):
    """Turns `sess.run(...)` into a call of `pruned`, which nothing binds."""

    NAME = "test-emits-unbound"

    def leave_Attribute(self, original_node, updated_node):
        value = updated_node.value
        if isinstance(value, cst.Name) and value.value == "sess" and updated_node.attr.value == "run":
            return cst.Name("pruned")
        return updated_node


class Renames(SavedModelCodemod):
    """A codemod whose change is sound: `export_dir` -> `model_dir` everywhere."""

    NAME = "test-renames"

    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="model_dir") if updated_node.value == "export_dir" else updated_node


class AddsLines(SavedModelCodemod):
    """Adds a line on top, so later positions must be mapped back."""

    NAME = "test-adds-lines"

    def leave_Module(self, original_node, updated_node):
        return updated_node.with_changes(body=[cst.parse_statement("import os\n"), *updated_node.body])


def run_engine(*classes, program=PROGRAM):
    out, diagnostics = transform_module_source(program, list(classes), "prog.py")
    return out, [(d.code, d.line, d.col) for d in diagnostics], diagnostics


def test_a_removed_binding_is_not_written_and_reported_at_its_use():
    out, codes, diagnostics = run_engine(DropsGraph)
    assert out == PROGRAM
    assert codes == [("SM007", 5, 6)]
    assert diagnostics[0].message.startswith("codemod test-drops-graph would leave `graph` undefined here")
    assert "please report this with the file" in diagnostics[0].message


def test_an_emitted_unbound_name_is_not_written():
    out, codes, diagnostics = run_engine(EmitsUnbound)
    assert out == PROGRAM
    assert codes == [("SM007", 8, 11)]
    assert "`pruned`" in diagnostics[0].message


def test_other_codemods_changes_in_the_same_run_still_apply():
    out, codes, _ = run_engine(Renames, DropsGraph, EmitsUnbound, REGISTRY["compat-names"])
    assert out == PROGRAM.replace("export_dir", "model_dir").replace(
        "tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING]",
        "tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING]",
    )
    assert codes == [("SM007", 5, 6), ("SM007", 8, 11)]


def test_positions_are_lines_of_the_input_after_earlier_changes():
    out, codes, _ = run_engine(AddsLines, EmitsUnbound)
    assert out == "import os\n" + PROGRAM
    assert codes == [("SM007", 8, 11)]


def test_pre_existing_undefined_names_do_not_block_a_change():
    program = PROGRAM + "print(never_defined)\n"
    out, codes, _ = run_engine(Renames, program=program)
    assert out == program.replace("export_dir", "model_dir")
    assert codes == []


def test_sm007_is_an_engine_code():
    assert "SM007" in CODES


def test_no_case_file_output_leaves_a_name_undefined():
    """Every pinned rewrite (tests/cases) passes the check the engine applies to each change."""
    from casefiles import all_cases

    cases = [case for case in all_cases() if case.expected != case.source]
    assert len(cases) > 50
    broken = {case.id: new_undefined(case.source, case.expected) for case in cases}
    assert {k: v for k, v in broken.items() if v} == {}


def test_a_module_the_check_cannot_read_is_rewritten_unchecked():
    # parses, but does not compile (a `nonlocal` without a binding): nothing can be checked, nothing blocks
    program = PROGRAM + "def f():\n    nonlocal q\n"
    out, codes, _ = run_engine(Renames, DropsGraph, program=program)
    assert out == program.replace("export_dir", "model_dir").replace("graph = tf.Graph()\n", "")
    assert codes == []
