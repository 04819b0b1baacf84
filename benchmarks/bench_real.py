"""Speed on real news text: BBC and PTC articles from the shared evaluation data.

    python benchmarks/bench_real.py [--drafts 1000] [--data ../shared/eval/data] [--code PATH ...]

The corpus is built at run time in a temporary folder from the evaluation data beside the
checkout (never copied into the project): plain-text articles, about 60% BBC (British,
2004-05) and 40% PTC (scraped web articles). Each ``--code`` is a checkout of newslint to
time (default: this one), so two versions are measured on the same drafts in one run. For
each: one cold ``newslint check`` of the folder in one process, and with ``--jobs 2``;
words per second by wall time and by CPU time (user + system of the process and its
workers, steadier on a busy machine). Nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(data: Path, out: Path, drafts: int, seed: int = 5) -> int:
    bbc = sorted(p for p in (data / "spelling" / "bbc-news").rglob("*.txt"))
    ptc = sorted((data / "ptc" / "train-articles").glob("*.txt"))
    rng = random.Random(seed)
    want_ptc = min(len(ptc), round(drafts * 0.4))
    chosen = rng.sample(ptc, want_ptc) + rng.sample(bbc, min(len(bbc), drafts - want_ptc))
    words = 0
    for i, src in enumerate(chosen):
        text = src.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        (out / f"{i:05d}-{src.parent.name}-{src.stem}.txt").write_text(text, encoding="utf-8")
    return words


def timed(code: Path, args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    before = os.times()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lint", "check", "--no-progress", "--date", "2025-11-22", *args],
                   cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "eval" / "data")
    ap.add_argument("--code", type=Path, action="append", help="a newslint checkout to time (repeatable)")
    args = ap.parse_args()
    codes = args.code or [HERE.parent]
    with tempfile.TemporaryDirectory(prefix="newslint-real-") as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        words = build(args.data, folder, args.drafts)
        print(f"{args.drafts} real drafts, {words:,} words")
        for code in codes:
            timed(code, [str(sorted(folder.iterdir())[0])], Path(tmp))  # untimed: bytecode and caches, as installing does
            wall, cpu = timed(code, ["drafts"], Path(tmp))
            wall2, cpu2 = timed(code, ["--jobs", "2", "drafts"], Path(tmp))
            print(f"{str(code):<40} one process: {words / wall:8,.0f} words/s wall, {words / cpu:8,.0f} words/s CPU;"
                  f"  --jobs 2: {words / wall2:8,.0f} words/s wall ({wall / wall2:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
