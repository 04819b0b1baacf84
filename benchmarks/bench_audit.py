"""``newslint audit`` on a local Dask cluster against ``newslint check --jobs 2``: drafts per
second and the memory of the process you start (the client), on generated archives.

    python benchmarks/bench_audit.py [--drafts 10000] [--small 2000] [--workers 2] [--keep DIR]

The archive is written by tests/audit_corpus.py (short invented drafts with front matter).
Each command runs in a fresh process; its peak resident memory (VmHWM, sampled from
/proc while it runs) is the client's alone, not its workers'. The audit also runs on
``--small`` drafts, so the two peaks show whether client memory grows with the archive.
Nothing is asserted: this is a measurement, run by hand (Linux only, for /proc).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

from audit_corpus import write_archive  # noqa: E402


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str]) -> dict:
    """Wall time and the started process's peak memory (MB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _hwm_kb(proc.pid))
            time.sleep(0.05)
        err = proc.stderr.read()
    seconds = time.monotonic() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return {"seconds": seconds, "peak_mb": peak / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drafts", type=int, default=10_000)
    ap.add_argument("--small", type=int, default=2_000, help="also audit this many drafts (0: skip)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", help="write the archives and outputs here and keep them")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-audit-"))
    newslint = [sys.executable, "-m", "lint"]
    rows = []
    try:
        sizes = [n for n in (args.small, args.drafts) if n]
        for n in sizes:
            archive = work / f"archive-{n}"
            if not archive.exists():
                write_archive(archive, n)
            out = work / f"audit-{n}"
            m = measure([*newslint, "audit", str(archive), "--workers", str(args.workers), "--out", str(out),
                         "--no-progress"])
            summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
            assert summary["linted"] == n, summary["linted"]
            rows.append((f"audit, local cluster of {args.workers}", n, m, summary["seconds"]))
        archive = work / f"archive-{args.drafts}"
        m = measure([*newslint, "check", str(archive), "--jobs", str(args.workers), "--format", "json",
                     "--no-progress"])
        rows.append((f"check --jobs {args.workers} --format json", args.drafts, m, None))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'run':38} {'drafts':>7} {'wall s':>8} {'drafts/s':>9} {'client peak MB':>15}  note")
    for name, n, m, inner in rows:
        note = f"summary.json seconds (cluster up, linting, cluster down) {inner:.1f}" if inner is not None else ""
        print(f"{name:38} {n:7d} {m['seconds']:8.1f} {n / m['seconds']:9.1f} {m['peak_mb']:15.0f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
