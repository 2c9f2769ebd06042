"""keras-session proven by execution: the TF 1.x Keras serving recipe (learning phase 0, fit, the
backend session exported with simple_save) runs as TF1 code (tests/progrun.py mode `tf1`), its
rewrite runs on plain TF 2.21 with Keras 3, and the two print the same numbers (rtol 1e-5: Keras 2
in a TF1 graph and Keras 3 eagerly round differently in the last bits) and write SavedModels that
`smmigrate.verify` finds equivalent (signature keys, input/output keys, dtypes, method names,
outputs). Two TensorFlow processes in all. Case files in tests/cases/keras_session/ pin the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefiles import all_cases
from progrun import run_programs

from smmigrate.codemods import REGISTRY
from smmigrate.rewrite import rewrite_source

PROGRAMS = Path(__file__).parent / "programs" / "keras"
NAMES = ("backend_session_sequential", "backend_session_two_io")
_NUMBER = re.compile(r"-?\d+\.\d+")


def test_registered_before_the_session_bridge_and_native_save():
    order = list(REGISTRY)
    assert order.index("keras-session") < order.index("session-bridge") < order.index("native-save")


def test_every_code_is_shown_by_a_case():
    shown = {code for c in all_cases() if c.path.parent.name == "keras_session" for _, _, code, _ in c.diagnostics}
    assert set(REGISTRY["keras-session"].CODES) == shown


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    pytest.importorskip("tensorflow")
    tmp = tmp_path_factory.mktemp("keras_session")
    codes = {}
    tf1, tf2 = [], []
    for name in NAMES:
        new, diagnostics = rewrite_source((PROGRAMS / f"{name}.py").read_text())
        assert [d.code for d in diagnostics] == [], diagnostics
        (tmp / f"{name}.py").write_text(new)
        codes[name] = new
        tf1.append({"script": str(PROGRAMS / f"{name}.py"), "cwd": str(tmp), "argv": [str(tmp / f"{name}_tf1")]})
        tf2.append({"script": str(tmp / f"{name}.py"), "cwd": str(tmp), "argv": [str(tmp / f"{name}_tf2")]})
    for name in NAMES:
        pair = [str(tmp / f"{name}_tf1"), str(tmp / f"{name}_tf2")]
        tf2.append({"script": str(PROGRAMS / "verify_pair.py"), "cwd": str(tmp), "argv": pair})
    before = run_programs("tf1", tf1)
    after = run_programs("tf2", tf2)
    return {name: (before[i], after[i], after[len(NAMES) + i], codes[name]) for i, name in enumerate(NAMES)}


@pytest.mark.parametrize("name", NAMES)
def test_same_numbers_and_equivalent_savedmodels(executed, name):
    tf1, tf2, verdict, code = executed[name]
    assert tf1["error"] is None, tf1["error"]
    assert tf2["error"] is None, f"rewritten program failed:\n{tf2['error']}\n--- rewritten code:\n{code}"
    expected = _NUMBER.findall(tf1["stdout"])
    assert expected, f"the TF1 program printed nothing to compare: {tf1['stdout']!r}"
    got = _NUMBER.findall(tf2["stdout"])
    assert len(got) == len(expected) and all(
        abs(float(a) - float(b)) <= 1e-5 * max(1.0, abs(float(a))) for a, b in zip(expected, got, strict=True)
    ), (tf1["stdout"], tf2["stdout"])
    # Keras 3's predict would draw a progress bar where TF 1.x printed nothing: verbose=0 was added
    assert "\x1b[" not in tf2["stdout"] and "step" not in tf2["stdout"]
    assert verdict["error"] is None, verdict["error"]
    assert "equivalent: True" in verdict["stdout"], verdict["stdout"]
    body = code.split('"""', 2)[2]  # after the docstring
    for gone in ("get_session", "set_learning_phase", "simple_save", "compat.v1", "lr="):
        assert gone not in body, f"{gone!r} left in the rewrite:\n{code}"
    assert "tf.saved_model.save(module, " in code and "training=False" in code
