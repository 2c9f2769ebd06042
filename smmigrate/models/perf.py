"""`smmigrate verify --perf`: how fast and how big a model is, measured the same way for A and B.

A reviewer approving a migrated model wants, beside "computes the same", "serves as fast and in as
much memory". Each model is measured in a fresh Python process of its own (`measure` starts
``python -m smmigrate.models.perf``), so one model's start-up, caches and memory never count
against the other: the process imports TensorFlow, loads the model the way `verify` does (timed:
the load time), then per signature and batch size (1 and a larger one) feeds the inputs `verify`
would generate, runs a few warm-up calls and times the rest one call at a time (p50 and p99 in
milliseconds). Peak memory is the process's peak resident set size (`ru_maxrss`), reported with the
resident size after the TensorFlow import and after the load, so the model's own share can be read off. A signature
that cannot run at a batch size is reported with its error instead of numbers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence

from ..errors import SmmigrateError

__all__ = ["measure", "format_perf"]

_MARK = "SMMIGRATE-PERF "


def measure(
    path,
    *,
    batches: Sequence[int] = (1, 32),
    runs: int = 50,
    warmup: int = 5,
    tags=None,
    reference=None,
    timeout: float = 900,
) -> dict:
    """Measure the model at `path` in its own process; see the module docstring. Returns a JSON-ready dict.

    `reference`: the SavedModel whose graph describes the serialized tf.Example inputs when the
    model's own graph does not show its ParseExample ops (a TF2 re-export), so A and B are timed
    on the same kind of inputs, as `verify` compares them.
    """
    cmd = [sys.executable, "-m", "smmigrate.models.perf", os.fspath(path), ",".join(str(b) for b in batches)]
    cmd += [str(runs), str(warmup), ",".join(tags) if tags else "", os.fspath(reference) if reference else ""]
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise SmmigrateError(f"{path}: performance measurement took longer than {timeout:g} s; stopped") from None
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(_MARK):
            result = json.loads(line[len(_MARK) :])
            if "error" in result:
                raise SmmigrateError(result["error"])
            return result
    last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    raise SmmigrateError(f"{path}: the performance measurement process failed ({last})")


def _rss_kib() -> int:
    """Current resident set size in KiB (Linux /proc; 0 where unavailable)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _child(path: str, batches: list[int], runs: int, warmup: int, tags, reference: str | None) -> dict:
    import resource

    import numpy as np

    from .. import _proto
    from .._tf import import_tensorflow

    import_tensorflow()
    from . import verify as v

    rss_tf = _rss_kib()
    start = time.perf_counter()
    model = v._load(path, "model", _proto.parse_tags(tags))
    load_s = time.perf_counter() - start
    ref_mg = None
    if reference:
        ref = _proto.read_saved_model(reference)
        ref_mg = _proto.select_meta_graph(ref.proto, _proto.parse_tags(tags), str(ref.path))
    rss_loaded = _rss_kib()
    signatures: dict = {}
    for key in sorted(model.functions):
        fn = model.functions[key]
        specs, _ = v._specs(fn)
        per_batch: dict[str, dict] = {}
        for batch in batches:
            feeds = {}
            for name in sorted(specs):
                spec = specs[name]
                shape = v.tf.TensorShape(spec.shape)
                rng = v._rng(0, key, name)
                features = {}
                if spec.dtype == v.tf.string:
                    features = v._parse_features(model.meta_graph, key, name) or v._parse_features(ref_mg, key, name)
                gen_shape = v._generation_shape(shape, shape, batch)
                if features:
                    count = int(np.prod(gen_shape, dtype=np.int64))
                    value = np.array(v._example_batch(rng, features, count), dtype=object).reshape(gen_shape)
                else:
                    value = v._random_values(rng, spec.dtype, gen_shape)
                feeds[name] = v.tf.constant(value, dtype=spec.dtype)
            times = []
            try:
                for i in range(warmup + runs):
                    t0 = time.perf_counter()
                    out = fn(**feeds)
                    for t in out.values():  # make sure the values exist (eager ops may be async)
                        np.asarray(t.numpy() if hasattr(t, "numpy") else t)
                    if i >= warmup:
                        times.append((time.perf_counter() - t0) * 1000.0)
            except Exception as exc:  # noqa: BLE001 - reported per signature and batch
                per_batch[str(batch)] = {"error": v._first_line(exc)}
                continue
            per_batch[str(batch)] = {
                "p50_ms": float(np.percentile(times, 50)),
                "p99_ms": float(np.percentile(times, 99)),
                "runs": runs,
            }
        signatures[key] = per_batch
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    del model
    return {
        "path": path,
        "load_s": load_s,
        "peak_rss_mib": peak / 1024.0,
        "rss_after_tensorflow_import_mib": rss_tf / 1024.0,
        "rss_after_load_mib": rss_loaded / 1024.0,
        "batches": batches,
        "warmup": warmup,
        "signatures": signatures,
    }


def _fmt_ms(entry: dict | None) -> tuple[str, str]:
    if not entry:
        return "-", "-"
    if "error" in entry:
        return "error", "error"
    return f"{entry['p50_ms']:.3f}", f"{entry['p99_ms']:.3f}"


def format_perf(a: dict, b: dict) -> str:
    """The A-vs-B table `verify --perf` prints."""
    rows: list[tuple[str, str, str, str]] = [("MEASURE", "A", "B", "B/A")]

    def ratio(x: float, y: float) -> str:
        return f"{y / x:.2f}" if x > 0 else "-"

    rows.append(("load time (s)", f"{a['load_s']:.3f}", f"{b['load_s']:.3f}", ratio(a["load_s"], b["load_s"])))
    rows.append(
        (
            "peak RSS (MiB)",
            f"{a['peak_rss_mib']:.0f}",
            f"{b['peak_rss_mib']:.0f}",
            ratio(a["peak_rss_mib"], b["peak_rss_mib"]),
        )
    )
    for label, field in (
        ("RSS after TF import (MiB)", "rss_after_tensorflow_import_mib"),
        ("RSS after load (MiB)", "rss_after_load_mib"),
    ):
        rows.append((label, f"{a[field]:.0f}", f"{b[field]:.0f}", ratio(a[field], b[field])))
    errors = []
    for key in sorted(set(a["signatures"]) | set(b["signatures"])):
        for batch in a["batches"]:
            ea = a["signatures"].get(key, {}).get(str(batch))
            eb = b["signatures"].get(key, {}).get(str(batch))
            (pa50, pa99), (pb50, pb99) = _fmt_ms(ea), _fmt_ms(eb)
            both = ea and eb and "error" not in ea and "error" not in eb
            rows.append(
                (f"{key} batch {batch} p50 (ms)", pa50, pb50, ratio(ea["p50_ms"], eb["p50_ms"]) if both else "")
            )
            rows.append(
                (f"{key} batch {batch} p99 (ms)", pa99, pb99, ratio(ea["p99_ms"], eb["p99_ms"]) if both else "")
            )
            for label, e in (("A", ea), ("B", eb)):
                if e and "error" in e:
                    errors.append(f"{label} {key} batch {batch}: {e['error']}")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    runs = next(
        (e["runs"] for s in a["signatures"].values() for e in s.values() if "runs" in e),
        0,
    )
    lines.append(
        f"(each model in its own process; {a['warmup']} warm-up call(s), then {runs} timed call(s) per "
        "signature and batch)"
    )
    lines.extend(f"  ! {e}" for e in errors)
    return "\n".join(lines)


def _main(argv: list[str]) -> int:
    path, batches, runs, warmup, tags, reference = argv
    try:
        result = _child(
            path, [int(b) for b in batches.split(",")], int(runs), int(warmup), tags or None, reference or None
        )
    except SmmigrateError as exc:
        result = {"error": str(exc)}
    print(_MARK + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
