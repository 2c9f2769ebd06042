"""Benchmark: `tf.saved_model.load` and `serving_default` latency, TF1 original vs `smmigrate upgrade`.

Models: TF Serving's `saved_model_half_plus_two_cpu` and `_mkl` fixtures (copied), and a generated
TF1 SavedModel of an MLP with reference variables (Builder, --mlp-mb of float32 weights, width
1024), each upgraded with `smmigrate upgrade` first. Every measurement runs in its own fresh
subprocess (`import tensorflow` is not timed): `tf.saved_model.load(path)` wall time, then the
median of --calls calls of `signatures["serving_default"]` (after one warm-up call) on a fixed
batch, plus an output checksum so both sides are seen to compute the same. Runs alternate original
/ upgraded for --repeat rounds; the table keeps the best load time and the best median latency.

Targets (issue 6): upgraded load ≤ 0.5× the TF1 original's (TF1-in-TF2 loading has been reported
4× slower than `loader.load`: tensorflow#50705), latency ≤ 1.0×.

    .venv/bin/python benchmarks/bench_upgrade.py --repeat 5 --calls 200
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "fixtures" / "tf-serving"


def child_measure(path: str, calls: int, batch: int) -> dict:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import tensorflow as tf

    t0 = time.perf_counter()
    loaded = tf.saved_model.load(path)
    load = time.perf_counter() - t0
    fn = loaded.signatures["serving_default"]
    ((name, spec),) = fn.structured_input_signature[1].items()
    shape = [batch if d is None else d for d in spec.shape.as_list()]
    x = tf.constant(np.random.default_rng(0).normal(size=shape).astype(spec.dtype.as_numpy_dtype))
    out = fn(**{name: x})  # warm-up
    times = []
    for _ in range(calls):
        t = time.perf_counter()
        out = fn(**{name: x})
        for v in out.values():
            v.numpy()
        times.append(time.perf_counter() - t)
    checksum = float(sum(np.abs(v.numpy()).sum() for v in out.values()))
    return {"load_s": load, "call_ms": 1000 * statistics.median(times), "checksum": checksum}


def child_make_mlp(out: str, megabytes: int) -> dict:
    """A TF1 SavedModel (Builder, reference variables) of an MLP with about `megabytes` of weights."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import tensorflow as tf

    tf1 = tf.compat.v1
    width = 1024
    layers = max(1, megabytes * 1024 * 1024 // (width * width * 4))
    rng = np.random.default_rng(0)
    with tf.Graph().as_default(), tf1.Session() as sess:
        x = tf1.placeholder(tf.float32, [None, width], name="x")
        h = x
        for i in range(layers):
            w = tf1.Variable(
                rng.normal(scale=width**-0.5, size=(width, width)).astype(np.float32), name=f"w{i}", use_resource=False
            )
            b = tf1.Variable(np.zeros(width, np.float32), name=f"b{i}", use_resource=False)
            h = tf.nn.relu(tf.matmul(h, w) + b)
        y = tf.identity(h, name="y")
        sess.run(tf1.global_variables_initializer())
        builder = tf1.saved_model.Builder(out)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf1.saved_model.predict_signature_def({"x": x}, {"y": y})},
        )
        builder.save()
    return {"layers": layers}


def _child(args: list[str]) -> dict:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": os.fspath(ROOT)}
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def prepare(work: Path, mlp_mb: int) -> dict:
    models = {}
    for name in ("saved_model_half_plus_two_cpu", "saved_model_half_plus_two_mkl"):
        if (FIXTURES / name).is_dir():
            dst = work / name
            if not dst.exists():
                shutil.copytree(FIXTURES / name, dst)
            models[name.replace("saved_model_", "")] = dst
    if mlp_mb:
        mlp = work / f"mlp_{mlp_mb}mb"
        if not mlp.exists():
            _child(["make-mlp", os.fspath(mlp), str(mlp_mb)])
        models[f"mlp {mlp_mb} MB (ref vars)"] = mlp
    pairs = {}
    for label, src in models.items():
        up = src.parent / f"{src.name}_tf2"
        if not up.exists():
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "smmigrate", "upgrade", os.fspath(src), os.fspath(up)],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": os.fspath(ROOT)},
            )
            if proc.returncode != 0:
                raise SystemExit(f"upgrade {src} failed: {proc.stderr}")
            print(
                f"upgraded {src.name} in {time.perf_counter() - t:.1f} s (CLI, incl. TF start-up and verify)",
                file=sys.stderr,
            )
        pairs[label] = (src, up)
    return pairs


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "--child":
        if argv[1] == "measure":
            print(json.dumps(child_measure(argv[2], int(argv[3]), int(argv[4]))))
        else:
            print(json.dumps(child_make_mlp(argv[2], int(argv[3]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default="/tmp/smmigrate-bench-upgrade", help="folder for copies and upgrades (cached)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--mlp-mb", type=int, default=64, help="size of the generated MLP model (0: skip it)")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    pairs = prepare(work, args.mlp_mb)
    rows = []
    for label, (src, up) in pairs.items():
        best = {"tf1": None, "tf2": None}
        for _ in range(args.repeat):
            for side, path in (("tf1", src), ("tf2", up)):
                r = _child(["measure", os.fspath(path), str(args.calls), str(args.batch)])
                cur = best[side]
                if cur is None:
                    best[side] = r
                else:
                    cur["load_s"] = min(cur["load_s"], r["load_s"])
                    cur["call_ms"] = min(cur["call_ms"], r["call_ms"])
        a, b = best["tf1"], best["tf2"]
        same = abs(a["checksum"] - b["checksum"]) <= 1e-4 * max(1.0, abs(a["checksum"]))
        rows.append((label, a, b, same))
    print(
        "| model | TF1 original load s | upgraded load s | load ratio (≤ 0.5) | TF1 call ms | upgraded call ms | "
        "latency ratio (≤ 1.0) | outputs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, a, b, same in rows:
        lr, cr = b["load_s"] / a["load_s"], b["call_ms"] / a["call_ms"]
        print(
            f"| {label} | {a['load_s']:.3f} | {b['load_s']:.3f} | {lr:.2f}× {'met' if lr <= 0.5 else 'MISSED'} | "
            f"{a['call_ms']:.3f} | {b['call_ms']:.3f} | {cr:.2f}× {'met' if cr <= 1.0 else 'MISSED'} | "
            f"{'equal' if same else 'DIFFER'} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
