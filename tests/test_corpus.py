"""The acceptance corpus (tests/corpus/, issue 11 §4): every TF1 program runs as TF1, and after
`smmigrate rewrite` runs on plain TF 2.21 printing the same numbers and writing SavedModels that
`smmigrate verify` finds equal (signatures, dtypes, method names, outputs).

The whole corpus runs through tests/corpus_runner.py in four TensorFlow processes (TF1 originals,
native TF2 rewrites, rewrites that switch to graph mode, SavedModel comparison).
"""

from __future__ import annotations

import ast

import pytest
from corpus_runner import (
    CORPUS,
    _pair_keys,
    compare_stdout,
    discover,
    failures_by_cause,
    program_sources,
    residue,
    run_corpus,
)

MIN_PROGRAMS = 32


def test_corpus_is_large_enough_and_every_program_has_a_parsing_entry():
    programs = discover()
    assert len(programs) >= MIN_PROGRAMS
    for prog in programs:
        entry = prog.folder / prog.entry
        assert entry.is_file(), f"{prog.name}: no entry {prog.entry}"
        sources = program_sources(prog.folder)
        assert prog.entry in sources, f"{prog.name}: entry {prog.entry} is not a .py file or notebook"
        for rel, text in sources.items():
            try:
                ast.parse(text, filename=f"{prog.name}/{rel}")
            except SyntaxError as exc:  # pragma: no cover - the assertion message is the point
                pytest.fail(f"{prog.name}/{rel} does not parse: {exc}")
        assert "tensorflow" in "".join(sources.values()), f"{prog.name} does not use TensorFlow"


def test_corpus_readme_lists_every_program():
    readme = (CORPUS / "README.md").read_text()
    missing = [p.name for p in discover() if f"`{p.name}`" not in readme]
    assert not missing, f"tests/corpus/README.md does not describe: {', '.join(missing)}"


def test_stdout_comparison_is_numeric_with_tolerance_and_exact_on_text():
    assert compare_stdout("loss 0.1000001 [1. 2.]\n", "loss 0.1 [1.0, 2.0]") is not None  # ", " vs " "
    assert compare_stdout("loss 0.1000001 [1. 2.]\n", "loss  0.1 [1.0  2.0]") is None
    assert "number #2" in compare_stdout("a 1 b 2", "a 1 b 2.1")
    assert "numbers" in compare_stdout("a 1 b 2", "a 1 b")
    assert compare_stdout("y = 3", "z = 3").startswith("text")


def test_keras3_export_report_is_not_compared_but_what_follows_it_is():
    report = (
        "Saved artifact at 'export/1'. The following endpoints are available:\n\n* Endpoint 'serve'\n"
        "  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None, 3), dtype=tf.float32, name=None)\nOutput Type:\n"
        "  TensorSpec(shape=(None, 1), dtype=tf.float32, name=None)\nCaptures:\n"
        "  139836899417296: TensorSpec(shape=(), dtype=tf.resource, name=None)\n"
    )
    assert compare_stdout("loss 0.5\ndone 3\n", "loss 0.5\n" + report + "done 3\n") is None
    assert "number #2" in compare_stdout("loss 0.5\ndone 3\n", "loss 0.5\n" + report + "done 4\n")
    # only Keras 3's block is left out: the same lines without its header are compared
    assert compare_stdout("loss 0.5\n", "loss 0.5\n" + report.split("\n", 1)[1]) is not None


def test_sm605_key_pairing_only_renames_a_lone_input_or_output():
    assert _pair_keys({"probabilities": 1}, {"output_0": 1}) == [("probabilities", "output_0")]
    assert _pair_keys({"a": 1, "b": 2}, {"b": 1, "a": 2}) == [("a", "a"), ("b", "b")]
    assert _pair_keys({"a": 1, "b": 2}, {"output_0": 1, "output_1": 2}) is None


def test_residue_counts_tf1_spellings():
    src = {
        "m.py": (
            "import tensorflow.compat.v1 as tf\nimport tensorflow as tf2\n"
            "tf.disable_v2_behavior()\nx = tf.placeholder(tf.float32)\ns = tf.Session()\n"
            "v = tf2.compat.v1.get_variable('v', [1])\n"
        )
    }
    counts = residue(src)
    assert counts["compat.v1"] == 2
    assert counts["graph switch"] == 1
    assert counts["Session/placeholder"] == 2
    assert not residue({"n.py": "import tensorflow as tf\ntf.saved_model.save(m, 'd')\n"})
    # TF2's own home of a TF1 name is not residue; the TF1 spelling is
    assert not residue({"p.py": "import tensorflow as tf\nf = tf.io.parse_example(s, spec)\n"})
    assert residue({"q.py": "import tensorflow as tf\nf = tf.parse_example(s, spec)\n"})["other TF1 graph API"] == 1
    assert residue({"r.py": "import tensorflow as tf\nf = tf.compat.v1.io.parse_example(s, spec)\n"})
    # TF's editor of a written SavedModel's method names (only under compat.v1) is counted apart
    edit = "u = tf.compat.v1.saved_model.signature_def_utils.MethodNameUpdater(d)\n"
    assert residue({"s.py": "import tensorflow as tf\n" + edit}) == {"compat.v1 Python helpers": 1}
    assert residue({"t.py": "import tensorflow as tf\n" + edit + "s = tf.compat.v1.Session()\n"})["compat.v1"] == 1
    # a TF1 optimizer used only eagerly (apply_gradients in a GradientTape step) is counted apart;
    # the same optimizer minimizing a graph loss is TF1 graph code
    eager = "opt = tf.compat.v1.train.AdamOptimizer(0.1)\nopt.apply_gradients(zip(g, v))\n"
    assert residue({"u.py": "import tensorflow as tf\n" + eager}) == {"compat.v1 optimizer used eagerly": 1}
    graph = "opt = tf.compat.v1.train.AdamOptimizer(0.1)\nstep = opt.minimize(loss)\n"
    assert residue({"v.py": "import tensorflow as tf\n" + graph}) == {"compat.v1": 1}


@pytest.fixture(scope="module")
def corpus_rows(tf):
    rows, _ = run_corpus()
    return rows


def test_every_tf1_original_runs(corpus_rows):
    broken = [f"{r.name}: {r.first_problem()}" for r in corpus_rows if not r.run_a]
    if broken:
        pytest.fail("corpus programs that do not run as TF1 (corpus bugs):\n" + "\n".join(broken), pytrace=False)
    assert all(r.stdout_a.strip() for r in corpus_rows), "every corpus program prints something"


def test_every_program_runs_and_matches_after_the_rewrite(corpus_rows):
    failing = [r for r in corpus_rows if not r.ok]
    groups = failures_by_cause(failing)
    report = "\n".join(f"{cause}:\n    " + "\n    ".join(who) for cause, who in groups.items())
    if failing:
        pytest.fail(
            f"{len(failing)}/{len(corpus_rows)} corpus programs fail after the rewrite:\n{report}", pytrace=False
        )


def test_a_second_rewrite_of_the_corpus_changes_nothing(tmp_path):
    # every codemod, over every program as `smmigrate rewrite` runs them (each program its own
    # project): the rewritten programs are a fixed point. Native output, compatibility-mode modules,
    # bridged exports and folded compat.v1 imports must all be left as they are by a second run.
    import shutil

    from smmigrate.rewrite import rewrite_paths

    for prog in discover():
        folder = tmp_path / prog.name
        shutil.copytree(prog.folder, folder)
        list(rewrite_paths([str(folder)], jobs=1))
        first = program_sources(folder)
        list(rewrite_paths([str(folder)], jobs=1))
        second = program_sources(folder)
        changed = [rel for rel in first if first[rel] != second[rel]]
        assert not changed, f"{prog.name}: a second rewrite changed {changed}"
