"""Benchmark newslint beside proselint, in the same run, on a generated corpus.

    pip install -e ".[bench]"
    python benchmarks/run.py [--corpus DIR] [--drafts 1000] [--repeat 5] [--archive 10000] [--json]

Measures, with every default pack on:

- cold start: ``newslint check one-page.md`` as a fresh process (median of --repeat runs),
  and ``proselint check`` on the same file;
- throughput: words per second on the folder of drafts in one process (wall time of the
  whole command, start-up included), for newslint and proselint;
- the 1,000-word draft and the 10,000-word document;
- ``--jobs 2`` against one job on the folder (the speed-up);
- peak memory (maximum resident set size) of each command, and with --archive N of a
  folder of N drafts, to show that memory does not grow with the archive.

Targets on a 2-core machine (issue 5): cold one-page run under 0.3 s; newslint's
single-process throughput above proselint's; --jobs 2 at least 1.7x faster than one job.
Run by hand: speed is never asserted in the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


# Installed packages have their bytecode compiled (pip does it); a cold start is measured
# the same way here, so bytecode writing is allowed even where the environment turns it off.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """Wall time (s), peak RSS of the process tree (KB, as wait4 reports it), exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def median_run(cmd: list[str], repeat: int, cwd: Path | None = None) -> dict:
    times, peaks = [], []
    for _ in range(repeat):
        t, rss, code = run(cmd, cwd)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed with exit code {code}")
        times.append(t)
        peaks.append(rss)
    return {"seconds": round(statistics.median(times), 3), "min_seconds": round(min(times), 3),
            "peak_rss_mb": round(max(peaks) / 1024, 1)}


def tool(name: str) -> list[str] | None:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    return [found] if found else None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, help="where to build (or find) the corpus; default: a temp folder")
    p.add_argument("--drafts", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=5, help="runs of each short measurement (median reported)")
    p.add_argument("--archive", type=int, default=0, help="also measure memory on a folder of this many drafts")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()

    base = args.corpus or Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    sizes = corpus.build(base, args.drafts) if not (base / "drafts").is_dir() else {
        "one-page.md": corpus.words_in(base / "one-page.md"),
        "draft-1000.md": corpus.words_in(base / "draft-1000.md"),
        "long-10000.md": corpus.words_in(base / "long-10000.md"),
        "drafts": sum(corpus.words_in(f) for f in (base / "drafts").glob("*.md")),
    }
    nl = [sys.executable, "-m", "lint", "check", "--date", "2025-11-22", "--no-progress"]
    pl = tool("proselint")
    pl_check = [*pl, "check"] if pl else None
    results: dict = {"corpus": str(base), "words": sizes, "cpus": os.cpu_count(), "python": sys.version.split()[0]}

    def both(key: str, target: str, repeat: int, words: int, extra: list[str] = ()) -> None:
        entry = {"newslint": median_run([*nl, *extra, target], repeat, base)}
        entry["newslint"]["words_per_second"] = round(words / entry["newslint"]["seconds"])
        if pl_check:
            entry["proselint"] = median_run([*pl_check, target], repeat, base)
            entry["proselint"]["words_per_second"] = round(words / entry["proselint"]["seconds"])
        results[key] = entry

    run([*nl, "one-page.md"], base)  # untimed: writes bytecode, as installing does
    if pl_check:
        run([*pl_check, "one-page.md"], base)
    both("cold_one_page", "one-page.md", args.repeat, sizes["one-page.md"])
    both("draft_1000_words", "draft-1000.md", args.repeat, sizes["draft-1000.md"])
    both("document_10000_words", "long-10000.md", max(1, args.repeat // 2), sizes["long-10000.md"])
    both("folder", "drafts", 1, sizes["drafts"])
    two = median_run([*nl, "--jobs", "2", "drafts"], 1, base)
    two["words_per_second"] = round(sizes["drafts"] / two["seconds"])
    two["speedup_over_one_job"] = round(results["folder"]["newslint"]["seconds"] / two["seconds"], 2)
    results["folder_jobs_2"] = two

    if args.archive:
        big = base / f"archive-{args.archive}"
        if not big.is_dir():
            big.mkdir()
            rng = corpus.random.Random(11)
            for i in range(args.archive):
                (big / f"{i:05d}.md").write_text(corpus.article(rng, rng.randint(300, 900)), encoding="utf-8")
        results[f"archive_{args.archive}"] = median_run([*nl, "--jobs", "2", big.name], 1, base)

    results["targets"] = {
        "cold_one_page_under_0.3s": results["cold_one_page"]["newslint"]["seconds"] < 0.3,
        "throughput_above_proselint": (not pl_check) or results["folder"]["newslint"]["words_per_second"]
        > results["folder"]["proselint"]["words_per_second"],
        "jobs_2_speedup_at_least_1.7": two["speedup_over_one_job"] >= 1.7,
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(render(results, bool(pl_check)))
    return 0


def render(r: dict, with_proselint: bool) -> str:
    lines = [f"corpus: {r['corpus']} ({r['words']['drafts']:,} words in the folder); "
             f"{r['cpus']} CPUs; Python {r['python']}", ""]
    head = f"{'':28}{'newslint':>24}" + (f"{'proselint':>24}" if with_proselint else "")
    lines.append(head)
    for key, label in (("cold_one_page", f"cold one page ({r['words']['one-page.md']} w)"),
                       ("draft_1000_words", "1,000-word draft"), ("document_10000_words", "10,000-word document"),
                       ("folder", "folder, one process")):
        row = f"{label:28}"
        for t in ("newslint", "proselint") if with_proselint else ("newslint",):
            m = r[key][t]
            row += f"{m['seconds']:>8.3f} s {m['words_per_second']:>8,} w/s"[:24].rjust(24)
        lines.append(row)
    two = r["folder_jobs_2"]
    lines.append(f"{'folder, --jobs 2':28}{two['seconds']:>8.3f} s {two['words_per_second']:>8,} w/s"
                 f"   speed-up {two['speedup_over_one_job']}x")
    lines.append("")
    lines.append("peak memory (MB): " + ", ".join(
        f"{k} {v['newslint']['peak_rss_mb']}" for k, v in r.items() if isinstance(v, dict) and "newslint" in v)
        + f", folder --jobs 2 {two['peak_rss_mb']}"
        + "".join(f", {k} {v['peak_rss_mb']}" for k, v in r.items() if k.startswith("archive_")))
    lines.append("targets: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["targets"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
