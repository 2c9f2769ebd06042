"""`FreshNames`, the one allocator of new identifiers the codemods add (native-save's functions and
modules, keras-session's, ...): never a name in use, never a keyword, the same base numbered on."""

from __future__ import annotations

import libcst as cst

from smmigrate.codemods._names import FreshNames
from smmigrate.codemods.exports.syntax import identifiers


def test_names_in_use_are_numbered_past():
    names = FreshNames(identifiers(cst.parse_module("module = 1\nmodule_2 = module.attr(serving_default=3)\n")))
    # `attr` and the keyword `serving_default` are not identifiers in use
    assert [names.fresh("module"), names.fresh("serving_default"), names.fresh("module")] == [
        "module_3",
        "serving_default",
        "module_4",
    ]


def test_bases_become_identifiers():
    names = FreshNames(set())
    assert names.fresh("output/y:0") == "output_y_0"
    assert names.fresh("class") == "signature_class"
    assert names.fresh("2nd") == "signature_2nd"
    assert names.fresh("") == "signature"


def test_names_the_rewrite_frees_may_be_taken_again_once():
    names = FreshNames({"x", "sess"})
    names.free = {"sess"}
    assert names.fresh("sess") == "sess"
    assert names.fresh("sess") == "sess_2"
    assert names.fresh("x") == "x_2"


def test_memoised_analyses_answer_per_node_and_hand_out_copies():
    # identifiers / calls of a node are memoised (nodes are immutable; native-save asks about the
    # same statements many times): each node answered for itself, every caller gets its own copy
    from smmigrate.codemods.exports import syntax
    from smmigrate.codemods.native_save.nodes import _calls

    syntax.forget()
    stmt = cst.parse_statement("y = f(g(x), key=z.attr)\n")
    first = identifiers(stmt)
    assert first == {"y", "f", "g", "x", "z"}
    first.add("mutated")  # a caller changing its set does not change the next answer
    assert identifiers(stmt) == {"y", "f", "g", "x", "z"}
    calls = _calls(stmt)
    assert [cst.Module([]).code_for_node(c) for c in calls] == ["f(g(x), key=z.attr)", "g(x)"]
    calls.clear()
    assert len(_calls(stmt)) == 2
    # another node, even one built equal, is analysed on its own
    other = cst.parse_statement("w = h(v)\n")
    assert identifiers(other) == {"w", "h", "v"}
    assert syntax.names_used(stmt.body[0]) == {"f", "g", "x", "z"}
    syntax.forget()
    assert identifiers(stmt) == {"y", "f", "g", "x", "z"}
