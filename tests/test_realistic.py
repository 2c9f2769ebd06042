"""`rewrite` over a varied tree of TF1-era code (tests/realistic/: serving examples, a research
training script, a serving client, shared utilities, an estimator module, a notebook, a Python 2
leftover): every rewritten file parses, a second run changes nothing, the notebook stays valid,
and the diagnostics are exactly the expected ones (a change in any codemod's reach shows here)."""

from __future__ import annotations

import ast
import json
import shutil
from collections import Counter
from pathlib import Path

from smmigrate.cli import main
from smmigrate.codes import Severity, severity

TREE = Path(__file__).resolve().parent / "realistic"

# file -> diagnostic codes expected on it (in order); files not listed must have none
EXPECTED_DIAGNOSTICS: dict[str, list[str]] = {
    # every other module here keeps TF1 graph code, so it runs in TF1 compatibility mode (SM120 note);
    # the client's three loads (one on `self.sess`) all become TF2, two through `.prune` (SM220 notes)
    "client/predict_client.py": ["SM220", "SM220"],
    # tf.estimator is gone from TF 2.21 (SM102); estimator-export reports the serving input receiver
    # with its replacement (SM664; the estimator itself is a parameter, so its export is not provable)
    "estimator/export_estimator.py": ["SM664", "SM120", "SM102"],
    # cell 4's session is used again in cell 5, and cell 5 uses a session made elsewhere
    "notebooks/inspect_model.ipynb": ["SM202", "SM202", "SM120"],
    # tf.layers needs tf_keras on TF 2.21 (SM124)
    "research/train_export.py": ["SM120", "SM124"],
    # the module disables v2 behaviour, so a native TF2 export would not run there
    "serving/compat_exporter.py": ["SM313", "SM120"],
    # tf.contrib.lookup is gone from TF 2.21
    "serving/mnist_saved_model.py": ["SM406", "SM120", "SM102"],
    # save_model() is bridged; export_with_tags(**kwargs) cannot be read
    "utils/io.py": ["SM405", "SM301", "SM120"],
}
EXPECTED_FAILED = {"legacy/py2_export.py"}  # Python 2: reported (SM002) and left byte-identical
EXPECTED_UNCHANGED = {"legacy/py2_export.py"}


def _read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_rewrite_realistic_tree(tmp_path, capsys):
    work = tmp_path / "tree"
    shutil.copytree(TREE, work)
    before = _read_tree(work)
    report = tmp_path / "report.json"
    code = main(["rewrite", "-j", "2", "--report-json", str(report), str(work)])
    capsys.readouterr()
    assert code == 2  # the Python 2 file is an error; everything else still got rewritten
    data = json.loads(report.read_text())
    results = {Path(f["path"]).relative_to(work).as_posix(): f for f in data["files"]}

    failed = {name for name, f in results.items() if f["status"] == "failed"}
    assert failed == EXPECTED_FAILED
    after = _read_tree(work)
    for name in EXPECTED_UNCHANGED:
        assert after[name] == before[name], f"{name} should be left byte-identical"
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {name for name, f in results.items() if f["changed"]}
    assert changed >= {
        "serving/mnist_saved_model.py",
        "utils/io.py",
        "client/predict_client.py",
        "notebooks/inspect_model.ipynb",
    }

    for name, data_bytes in after.items():
        if name.endswith(".py") and name not in EXPECTED_FAILED:
            ast.parse(data_bytes)
        elif name.endswith(".ipynb"):
            nb = json.loads(data_bytes)
            for cell in nb["cells"]:
                if cell["cell_type"] == "code":
                    source = "".join(cell["source"])
                    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
                    ast.parse("\n".join(lines))

    got = {
        name: [d["code"] for d in f["diagnostics"]]
        for name, f in results.items()
        if f["status"] != "failed" and f["diagnostics"]
    }
    assert got == EXPECTED_DIAGNOSTICS, json.dumps(got, indent=1)
    # the summary counts manual work only, not notes (SM120: the module runs in compatibility mode)
    manual = [c for codes in EXPECTED_DIAGNOSTICS.values() for c in codes if severity(c) is Severity.MANUAL]
    assert "SM120" in str(EXPECTED_DIAGNOSTICS) and len(manual) < sum(map(len, EXPECTED_DIAGNOSTICS.values()))
    assert data["summary"]["manual"] == len(manual)
    compat = [name for name, codes in EXPECTED_DIAGNOSTICS.items() if "SM120" in codes]
    assert data["summary"]["compat"] == len(compat) and data["summary"]["native"] == 1  # the client

    # idempotence: a second run writes nothing and reports the same sites
    second = tmp_path / "report2.json"
    main(["rewrite", "-j", "2", "--report-json", str(second), str(work)])
    capsys.readouterr()
    assert _read_tree(work) == after
    again = json.loads(second.read_text())
    assert again["summary"]["changed"] == 0
    # the same modules are in compatibility mode and the same notes and refusals come back, with the
    # same reasons: a load left as TF1 code in a module that keeps graph mode is reported again as
    # withheld (SM121) or for its session (SM202), not for the switch the first run added; the loads
    # the first run migrated through `.prune` (SM220 notes) are TF2 code now
    assert {Path(f["path"]).relative_to(work).as_posix(): f["mode"] for f in again["files"]} == {
        name: f["mode"] for name, f in results.items()
    }
    # (SM406, "bridged instead of native", likewise describes the first run's rewrite)
    codes_first = Counter(c for codes in EXPECTED_DIAGNOSTICS.values() for c in codes if c not in ("SM220", "SM406"))
    codes_again = Counter(d["code"] for f in again["files"] if f["status"] != "failed" for d in f["diagnostics"])
    assert codes_again == codes_first
