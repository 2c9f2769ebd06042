"""Benchmark record: `smmigrate verify --perf` of upgraded models against their TF1 originals.

Prepares the same models as `bench_upgrade.py` (TF Serving's half_plus_two fixtures copied, and a
generated TF1 MLP SavedModel with reference variables), upgrades each with `smmigrate upgrade`, then
runs `smmigrate verify ORIGINAL UPGRADED --perf --json` (each model measured in its own process:
load time, p50/p99 latency per signature at batch 1 and --perf-batch, peak RSS) and writes the
table and JSON to `benchmarks/results_verify_perf.json` and stdout. Record the machine's load with
the result (`uptime`): latency on a shared 2-core machine moves with its neighbours.

    .venv/bin/python benchmarks/bench_verify_perf.py --mlp-mb 64 --perf-runs 200
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.fspath(Path(__file__).resolve().parent))

import bench_upgrade  # noqa: E402 - the same models as the upgrade benchmark

sys.path.insert(0, os.fspath(ROOT))
from smmigrate.models.perf import format_perf  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mlp-mb", type=int, default=64, help="size of the generated MLP model (0: skip it)")
    ap.add_argument("--perf-runs", type=int, default=200, help="timed calls per signature and batch")
    ap.add_argument("--perf-batch", type=int, default=32, help="the larger batch size")
    ap.add_argument("--work", help="folder for the models (default: a temporary folder)")
    ap.add_argument("--out", default=os.fspath(ROOT / "benchmarks" / "results_verify_perf.json"))
    args = ap.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="smm_perf_"))
    work.mkdir(parents=True, exist_ok=True)
    pairs = bench_upgrade.prepare(work, args.mlp_mb)
    load = os.getloadavg()
    results = {"conditions": {"loadavg_before": load, "cpus": os.cpu_count()}, "models": {}}
    env = {**os.environ, "PYTHONPATH": os.fspath(ROOT)}
    for label, (src, up) in pairs.items():
        # --batch 1: TF Serving's mkl fixture only runs at batch 1 (--perf still times batch 32 and
        # reports its error there).
        cmd = [sys.executable, "-m", "smmigrate", "verify", os.fspath(src), os.fspath(up), "--batch", "1", "--perf"]
        cmd += ["--perf-runs", str(args.perf_runs), "--perf-batch", str(args.perf_batch)]
        proc = subprocess.run([*cmd, "--json"], capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            raise SystemExit(f"verify --perf {src} failed: {proc.stderr[-2000:]}")
        report = json.loads(proc.stdout)
        table = format_perf(report["perf"]["a"], report["perf"]["b"])
        verdict = "equivalent" if report["equivalent"] else "NOT EQUIVALENT"
        print(f"## {label} ({verdict})\n\n{table}\n")
        results["models"][label] = {"table": table, "report": report}
    results["conditions"]["loadavg_after"] = os.getloadavg()
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    print(f"load average before {load}, after {results['conditions']['loadavg_after']}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
