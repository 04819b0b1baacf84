"""Time and peak memory of ``newslint check`` on one draft of growing size.

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000,1000000] [--mb 10] [--timeout 1800]

Each size is one generated draft (benchmarks/corpus.py's templates, paragraphs of one
article after another) checked in a fresh process, so the figures include start-up. Peak
memory is the child's maximum resident set size. ``--mb`` adds a draft of that many
megabytes. A run that exceeds ``--timeout`` seconds is reported as such, not waited for.
Numbers go to standard output as a table; nothing is asserted (speed and memory targets
are checked here on demand, never by timed tests).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import article  # noqa: E402


def draft(words: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < words:
        body = article(rng, min(900, words - total + 50), with_front_matter=not parts)
        parts.append(body)
        total += len(body.split())
    return "\n\n".join(parts)


def measure(path: Path, timeout: float) -> tuple[float | None, float, int]:
    """(seconds or None on timeout, peak MB of that process, exit code) of one cold check."""
    import os
    import signal

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", str(path), "--no-progress", "--date",
                             "2025-11-22"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
        if time.perf_counter() > deadline:
            proc.send_signal(signal.SIGKILL)
            _pid, status, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_maxrss / 1024, -1
        time.sleep(0.05)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--mb", type=float, default=10.0, help="also a draft of this many MB (0: none)")
    ap.add_argument("--timeout", type=float, default=1800.0)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, Path]] = []
        for n in sizes:
            p = Path(tmp) / f"draft-{n}.md"
            p.write_text(draft(n), encoding="utf-8")
            cases.append((f"{n:,} words", p))
        if args.mb:
            p = Path(tmp) / "draft-mb.md"
            text = draft(int(args.mb * 1024 * 1024 / 6.2))
            p.write_text(text[: int(args.mb * 1024 * 1024)], encoding="utf-8")
            cases.append((f"{args.mb:g} MB", p))
        for label, p in cases:
            words = len(p.read_text(encoding="utf-8").split())
            seconds, peak, code = measure(p, args.timeout)
            rows.append((label, words, seconds, peak, code))
            shown = f"{seconds:8.2f} s" if seconds is not None else f"> {args.timeout:g} s"
            print(f"{label:>16}  {words:>10,} words  {shown}  peak {peak:8.1f} MB  exit {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
