"""Benchmark: `smmigrate.wrap_metagraph` vs a TF1 Session on an MLP MetaGraph with a large checkpoint.

For each checkpoint size (default 256 MB and 1 GB of float32 weights) it generates an MLP MetaGraph
with reference variables and a V2 checkpoint (tests/_graphgen.py, cached under --work), then runs
each measurement in its own fresh subprocess so peak RSS (`ru_maxrss`) belongs to that one path:

- session: `import_meta_graph` + `Saver.restore` into a `tf.compat.v1.Session`, then `sess.run`;
- adapter: `wrap_metagraph(meta, ckpt, fetches=["y:0"])`, then the pruned function (`.numpy()`).

Reported per path: load+restore time (after `import tensorflow`), median call latency over
--calls calls on a batch of --batch rows, peak RSS, and RSS right after importing TensorFlow.
Targets (issue 5): adapter load ≤ 1.1× session, latency ≤ session, peak RSS ≤ 1.1× session.

    .venv/bin/python benchmarks/bench_wrap_metagraph.py --sizes 256 1024 --repeat 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(mode: str, meta: str, ckpt: str, calls: int, batch: int) -> dict:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np
    import tensorflow as tf

    tf1 = tf.compat.v1
    base_rss = _rss_mb()
    t0 = time.perf_counter()
    if mode == "session":
        g = tf.Graph()
        with g.as_default():
            saver = tf1.train.import_meta_graph(meta)
            sess = tf1.Session(graph=g)
            saver.restore(sess, ckpt)
        x_t, y_t = g.get_tensor_by_name("x:0"), g.get_tensor_by_name("y:0")
        width = x_t.shape[1]

        def run(x):
            return sess.run(y_t, {x_t: x})
    else:
        sys.path.insert(0, os.fspath(ROOT))
        import smmigrate

        w = smmigrate.wrap_metagraph(meta, ckpt, fetches=["y:0"])
        fn = w.functions["serving_default"]
        width = fn.structured_input_signature[1]["x"].shape[1]

        def run(x):
            return fn(x=x)["y"].numpy()

    load = time.perf_counter() - t0
    x = np.random.default_rng(0).normal(size=(batch, width)).astype(np.float32)
    out = run(x)  # warm-up (first call builds kernels)
    times = []
    for _ in range(calls):
        t = time.perf_counter()
        run(x)
        times.append(time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "load_s": load,
        "call_ms": 1000 * statistics.median(times),
        "peak_mb": peak,
        "tf_import_rss_mb": base_rss,
        "checksum": float(np.abs(out).sum()),
    }


def generate(size_mb: int, work: Path) -> dict:
    folder = work / f"mlp_{size_mb}mb"
    meta, ckpt = folder / "mlp.ckpt.meta", folder / "mlp.ckpt"
    if not meta.exists() or not Path(f"{ckpt}.index").exists():
        code = (
            f"import sys; sys.path.insert(0, {os.fspath(ROOT / 'tests')!r}); import _graphgen as g; "
            f"from pathlib import Path; g.mlp_graph(Path({os.fspath(folder)!r}), megabytes={size_mb:d})"
        )
        subprocess.run([sys.executable, "-c", code], check=True)
    data = sum(p.stat().st_size for p in folder.glob("mlp.ckpt.data-*"))
    return {"meta": os.fspath(meta), "ckpt": os.fspath(ckpt), "data_mb": data / 2**20}


def measure(mode, files, calls, batch) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, files["meta"], files["ckpt"], str(calls), str(batch)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, mode, meta, ckpt, calls, batch = sys.argv
        print(json.dumps(child(mode, meta, ckpt, int(calls), int(batch))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 1024], help="checkpoint sizes in MB")
    ap.add_argument("--work", type=Path, default=Path("/tmp/smmigrate-bench"), help="where generated graphs are cached")
    ap.add_argument("--repeat", type=int, default=2, help="runs per path (alternating); best load and call kept")
    ap.add_argument("--calls", type=int, default=50)
    ap.add_argument("--batch", type=int, default=32)
    args = ap.parse_args(argv)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average at start "
        f"{os.getloadavg()[0]:.1f} (other work on the machine skews timings; rerun when idle)"
    )
    rows = []
    for size in args.sizes:
        files = generate(size, args.work)
        results = {"session": [], "adapter": []}
        for _ in range(args.repeat):
            for mode in ("session", "adapter"):
                results[mode].append(measure(mode, files, args.calls, args.batch))
        best = {}
        for mode, runs in results.items():
            best[mode] = {
                "load_s": min(r["load_s"] for r in runs),
                "call_ms": min(r["call_ms"] for r in runs),
                "peak_mb": max(r["peak_mb"] for r in runs),
                "tf_import_rss_mb": statistics.median(r["tf_import_rss_mb"] for r in runs),
                "checksum": runs[0]["checksum"],
            }
        s, a = best["session"], best["adapter"]
        same = abs(s["checksum"] - a["checksum"]) <= 1e-4 * max(1.0, abs(s["checksum"]))
        rows.append((size, files["data_mb"], s, a, same))
        print(
            json.dumps(
                {
                    "size_mb": size,
                    "data_mb": files["data_mb"],
                    "loadavg_end": os.getloadavg()[0],
                    "session": results["session"],
                    "adapter": results["adapter"],
                }
            )
        )
    print()
    print("| checkpoint | path | load+restore s | call ms (median) | peak RSS MB | RSS after TF import MB |")
    print("|---|---|---|---|---|---|")
    for _size, data_mb, s, a, _same in rows:
        for name, r in (("TF1 Session", s), ("wrap_metagraph", a)):
            print(
                f"| {data_mb:.0f} MB | {name} | {r['load_s']:.2f} | {r['call_ms']:.2f} | {r['peak_mb']:.0f} | "
                f"{r['tf_import_rss_mb']:.0f} |"
            )
        print(
            f"| {data_mb:.0f} MB | ratio adapter/session | {a['load_s'] / s['load_s']:.2f}× (target ≤ 1.10) | "
            f"{a['call_ms'] / s['call_ms']:.2f}× (target ≤ 1.00) | {a['peak_mb'] / s['peak_mb']:.2f}× (target ≤ "
            "1.10) | "
            f"outputs equal: {same} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
