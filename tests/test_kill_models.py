"""Kill safety of the model-side writers: `method-names` and `wrap-metagraph --out`.

Each run starts the real CLI in its own session and SIGKILLs the whole process group either at a
random moment of the run (seeded; the window is scaled by an uninterrupted run's duration, so it
covers TensorFlow's start-up and the planning) or as soon as anything in the target folder changes
(polled every millisecond: a temporary file appears, a file is replaced), which lands inside the
writes. Afterwards:

- method-names: `saved_model.pb` and `fingerprint.pb` each hold either the old or the new bytes,
  nothing else in the export changed, and TensorFlow loads the model with either all old or all new
  method names;
- wrap-metagraph: the `--out` folder is either absent or complete (holds `saved_model.pb` and
  loads with every signature); only hidden `.smmigrate-tmp` leftovers may remain beside it.

TensorFlow processes cost seconds each, so the runs are few: two reference runs and eight kills.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smmigrate.cli import main

ROOT = Path(__file__).resolve().parent.parent
TF1 = "saved_model_half_plus_two_cpu"
TF2 = "saved_model_half_plus_two_tf2_cpu"
CLASSIFY = "tensorflow/serving/classify"


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    for p in [dst, *dst.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    return dst


def _files(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _cli(*argv) -> list[str]:
    return [sys.executable, "-m", "smmigrate", *map(str, argv)]


def _env() -> dict:
    return {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}


def _timed_run(argv) -> float:
    start = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=180, cwd=ROOT, env=_env())
    assert proc.returncode in (0, 1), proc.stderr
    return time.monotonic() - start


def _state(folder: Path) -> tuple:
    """What a write changes first in `folder`: its entries, and each one's inode, size and mtime.

    An entry renamed or removed between the listing and its `stat` (the tool's temporary file,
    mid-rename) is recorded as vanished: that too is a change from the initial state.
    """
    out = []
    for entry in os.scandir(folder):
        try:
            st = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            out.append((entry.name, -1, -1, -1))
            continue
        out.append((entry.name, st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


def _run_and_kill(argv, *, watch: Path, seed: int, duration: float) -> str:
    """Start `argv` in a new session and SIGKILL its group; return when it was killed.

    Even seeds: at a random moment of the run. Odd seeds: as soon as anything in `watch` changes
    (a temporary file appears, a file is replaced — or, were a write not atomic, truncated), then
    at once or up to 20 ms later.
    """
    rng = random.Random(seed)
    on_write = seed % 2 == 1
    deadline = time.monotonic() + (duration * 1.5 if on_write else rng.uniform(0.25, 0.75) * duration)
    initial = _state(watch)
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd=ROOT, env=_env()
    )
    when = "at the deadline"
    while time.monotonic() < deadline and proc.poll() is None:
        if on_write and _state(watch) != initial:
            time.sleep(0 if seed % 4 == 1 else rng.uniform(0, 0.02))
            when = "while writing"
            break
        time.sleep(0.001 if on_write else 0.005)
    if proc.poll() is not None:
        when = "after it finished"
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    print(f"killed {when} ({argv[3]}, seed {seed})")  # shown with pytest -s / -rP
    return when


# --------------------------------------------------------------------------- method-names
def _fingerprint(data: bytes) -> bytes:
    """fingerprint.pb without its `uuid`, which TensorFlow draws afresh on every computation."""
    from smmigrate import _proto

    fp = _proto.schema().FingerprintDef.FromString(data)  # a truncated file fails to parse here
    if "uuid" in fp.DESCRIPTOR.fields_by_name:
        fp.ClearField("uuid")
    return fp.SerializeToString(deterministic=True)


@pytest.fixture(scope="module")
def method_names_states(tf_serving, tmp_path_factory):
    """The TF2 export before and after `method-names --like` (and how long a full run takes)."""
    base = tmp_path_factory.mktemp("kill_method_names")
    before = _copy(tf_serving / TF2, base / "before")
    after = _copy(before, base / "after")
    duration = _timed_run(_cli("method-names", after, "--like", tf_serving / TF1))
    old, new = _files(before), _files(after)
    assert old["saved_model.pb"] != new["saved_model.pb"]
    assert _fingerprint(old["fingerprint.pb"]) != _fingerprint(new["fingerprint.pb"])
    assert {k for k in old if old[k] != new[k]} == {"saved_model.pb", "fingerprint.pb"}
    return base, old, new, duration


@pytest.mark.parametrize("seed", range(4))
def test_killed_method_names_leaves_old_or_new_bytes(tf, tf_serving, method_names_states, seed):
    base, old, new, duration = method_names_states
    target = _copy(base / "before", base / f"run{seed}")
    when = _run_and_kill(
        _cli("method-names", target, "--like", tf_serving / TF1), watch=target, seed=seed, duration=duration
    )
    now = {k: v for k, v in _files(target).items() if ".smmigrate-" not in k}
    assert set(now) == set(old), when
    assert now["saved_model.pb"] in (old["saved_model.pb"], new["saved_model.pb"]), (
        f"saved_model.pb is neither old nor new (killed {when})"
    )
    assert _fingerprint(now["fingerprint.pb"]) in (
        _fingerprint(old["fingerprint.pb"]),
        _fingerprint(new["fingerprint.pb"]),
    ), f"fingerprint.pb is neither old nor new (killed {when})"
    assert {k: v for k, v in now.items() if k not in ("saved_model.pb", "fingerprint.pb")} == {
        k: v for k, v in old.items() if k not in ("saved_model.pb", "fingerprint.pb")
    }
    print(
        "saved_model.pb is",
        "new" if now["saved_model.pb"] == new["saved_model.pb"] else "old",
        "; fingerprint.pb is",
        "new" if _fingerprint(now["fingerprint.pb"]) == _fingerprint(new["fingerprint.pb"]) else "old",
    )
    loaded = tf.saved_model.load(str(target))
    assert "classify_x_to_y" in loaded.signatures
    from smmigrate import _proto

    method = _proto.read_saved_model(target).proto.meta_graphs[0].signature_def["classify_x_to_y"].method_name
    assert (method == CLASSIFY) == (now["saved_model.pb"] == new["saved_model.pb"])
    # a rerun completes the job, including a fingerprint.pb left stale between the two writes
    assert main(["method-names", str(target), "--like", str(tf_serving / TF1)]) in (0, 1)
    done = _files(target)
    assert done["saved_model.pb"] == new["saved_model.pb"]
    assert _fingerprint(done["fingerprint.pb"]) == _fingerprint(new["fingerprint.pb"])


def test_rerun_repairs_a_fingerprint_left_stale_between_the_two_writes(tf, tf_serving, method_names_states, capsys):
    """The state a kill between writing saved_model.pb and fingerprint.pb leaves, made on purpose."""
    base, old, new, _ = method_names_states
    target = _copy(base / "before", base / "stale")
    (target / "saved_model.pb").write_bytes(new["saved_model.pb"])  # new names, old fingerprint
    assert main(["method-names", str(target), "--like", str(tf_serving / TF1)]) == 1
    assert "fingerprint.pb: did not match the signatures" in capsys.readouterr().out
    repaired = (target / "fingerprint.pb").read_bytes()
    assert _fingerprint(repaired) == _fingerprint(new["fingerprint.pb"])
    assert (target / "saved_model.pb").read_bytes() == new["saved_model.pb"]
    # consistent now: a second run writes nothing, and an untouched original is never "repaired"
    assert main(["method-names", str(target), "--like", str(tf_serving / TF1)]) == 0
    assert (target / "fingerprint.pb").read_bytes() == repaired
    untouched = _copy(base / "before", base / "untouched")
    assert main(["method-names", str(untouched), "--set", "serving_default=predict"]) == 0
    assert _files(untouched) == old


# --------------------------------------------------------------------------- wrap-metagraph
@pytest.fixture(scope="module")
def wrap_reference(tf_serving, tmp_path_factory):
    base = tmp_path_factory.mktemp("kill_wrap")
    graph = _copy(tf_serving / TF1, base / "graph")
    duration = _timed_run(_cli("wrap-metagraph", graph, "--out", base / "reference"))
    assert (base / "reference" / "saved_model.pb").is_file()
    return base, graph, duration


def _assert_complete_or_absent(tf, out: Path, when: str) -> bool:
    leftovers = [p.name for p in out.parent.iterdir() if p.name != out.name]
    assert all(n.startswith(f".{out.name}.") and n.endswith((".smmigrate-tmp", ".smmigrate-old")) for n in leftovers), (
        leftovers,
        when,
    )
    if not out.exists():
        return False
    assert (out / "saved_model.pb").is_file(), f"{out} exists without saved_model.pb (killed {when})"
    loaded = tf.saved_model.load(str(out))
    assert set(loaded.signatures) >= {"serving_default", "classify_x_to_y", "regress_x_to_y"}, when
    x = tf.constant([[1.0], [3.0]])
    assert loaded.signatures["serving_default"](x=x)["y"].numpy().ravel().tolist() == [2.5, 3.5]
    return True


@pytest.mark.parametrize("seed", range(4))
def test_killed_wrap_metagraph_leaves_no_partial_export(tf, wrap_reference, seed):
    base, graph, duration = wrap_reference
    before = _files(graph)
    run = base / f"run{seed}"
    run.mkdir()
    out = run / "out"
    argv = _cli("wrap-metagraph", graph, "--out", out)
    if seed >= 2:  # replacing an existing export: the old one stays until the new one is complete
        shutil.copytree(base / "reference", out)
        argv.append("--overwrite")
    when = _run_and_kill(argv, watch=run, seed=seed, duration=duration)
    print("out is", "complete" if _assert_complete_or_absent(tf, out, when) else "absent")
    assert _files(graph) == before  # the input is never written
