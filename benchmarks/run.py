"""Benchmark newslint beside proselint, in the same run, on a generated and a real corpus.

    pip install -e ".[bench]"
    python benchmarks/run.py [--corpus DIR] [--drafts 1000] [--real 1000] [--data DIR]
                             [--repeat 5] [--folder-repeat 3] [--archive 10000] [--json]

Measures, with every default pack on:

- cold start: ``newslint check one-page.md`` as a fresh process (median of --repeat runs),
  and ``proselint check`` on the same file;
- throughput: words per second on the folder of drafts in one process (wall time of the
  whole command, start-up included), for newslint and proselint (median of --folder-repeat runs);
- the 1,000-word draft and the 10,000-word document;
- ``--jobs 2`` against one job on the folder (the speed-up);
- peak memory (maximum resident set size) of each command, and with --archive N of a
  folder of N drafts, to show that memory does not grow with the archive;
- real text: --real N news articles (BBC and PTC, as ``bench_real.py`` picks them) written
  at run time from the shared evaluation data (``--data``, default ``shared/eval/data``
  beside the checkout or its parent folder; never copied into the project), checked in one process by newslint
  and by proselint, and by newslint with ``--jobs 2``. Skipped when the data is absent.

Targets on a 2-core machine (issues 5 and 17): cold one-page run under 0.3 s; newslint's
single-process throughput above proselint's on the generated corpus and at least 1.5x
proselint's on real text; --jobs 2 at least 1.7x faster than one job. Words per second are
by wall time of the whole command (start-up included); CPU seconds (user + system of the
process and its workers) are reported beside them. The commands compared are run in
turns, and each ratio (speed-ups, newslint against proselint) is the median of the ratios
within each round: on a shared machine speed drifts from minute to minute. Run by hand:
speed is never asserted in the test suite.
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

import bench_real  # noqa: E402
import corpus  # noqa: E402


# Installed packages have their bytecode compiled (pip does it); a cold start is measured
# the same way here, so bytecode writing is allowed even where the environment turns it off.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int, float]:
    """Wall time (s), peak RSS of the process tree (KB, as wait4 reports it), exit code,
    CPU time (s) of the process and the workers it waited for."""
    start = time.perf_counter()
    before = os.times()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    after = os.times()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4's usage covers the process and its reaped children (a --jobs run's workers).
    cpu = usage.ru_utime + usage.ru_stime
    if cpu <= 0:  # pragma: no cover - platforms without rusage
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, usage.ru_maxrss, proc.returncode, cpu


def median_run(cmd: list[str], repeat: int, cwd: Path | None = None) -> dict:
    return interleaved({"cmd": cmd}, repeat, cwd)[0]["cmd"]


def interleaved(cmds: dict[str, list[str]], repeat: int, cwd: Path | None = None) -> tuple[dict, list[dict]]:
    """Run the commands in turn, ``repeat`` rounds: medians for each, and each round's wall
    times. Commands compared are run side by side so that a ratio can be read off each
    round: on a shared machine the speed drifts by a quarter from one minute to the next,
    and a ratio of medians taken minutes apart measures the drift as much as the tools."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    peaks: dict[str, list[int]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            t, rss, code, cpu = run(cmd, cwd)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(cmd)} failed with exit code {code}")
            times[name].append(t)
            peaks[name].append(rss)
            cpus[name].append(cpu)
    stats = {name: {"seconds": round(statistics.median(times[name]), 3), "min_seconds": round(min(times[name]), 3),
                    "cpu_seconds": round(statistics.median(cpus[name]), 3),
                    "peak_rss_mb": round(max(peaks[name]) / 1024, 1)} for name in cmds}
    return stats, [{name: times[name][i] for name in cmds} for i in range(repeat)]


def ratio(rounds: list[dict], slow: str, fast: str) -> float:
    """The median over rounds of ``slow``'s time over ``fast``'s."""
    return round(statistics.median(r[slow] / r[fast] for r in rounds), 2)


def tool(name: str) -> list[str] | None:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    return [found] if found else None


def _default_data() -> Path:
    """``shared/eval/data`` beside the checkout (or beside the folder of worktrees)."""
    for up in (HERE.parent.parent, HERE.parent.parent.parent):
        if (up / "shared" / "eval" / "data").is_dir():
            return up / "shared" / "eval" / "data"
    return HERE.parent.parent / "shared" / "eval" / "data"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, help="where to build (or find) the corpus; default: a temp folder")
    p.add_argument("--drafts", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=5, help="runs of each short measurement (median reported)")
    p.add_argument("--folder-repeat", type=int, default=3,
                   help="runs of each folder measurement (median reported; one run is at the mercy of a busy machine)")
    p.add_argument("--archive", type=int, default=0, help="also measure memory on a folder of this many drafts")
    p.add_argument("--real", type=int, default=1000, help="real news drafts to build from --data (0: none)")
    p.add_argument("--data", type=Path, default=_default_data(),
                   help="the shared evaluation data the real drafts are taken from")
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

    def rates(m: dict, words: int) -> dict:
        m["words_per_second"] = round(words / m["seconds"])
        m["words_per_cpu_second"] = round(words / m["cpu_seconds"]) if m["cpu_seconds"] else None
        return m

    def both(key: str, target: str, repeat: int, words: int, jobs_2: bool = False) -> None:
        """newslint and proselint (and newslint --jobs 2) on ``target``, in turns."""
        cmds = {"newslint": [*nl, target]}
        if jobs_2:
            cmds["jobs_2"] = [*nl, "--jobs", "2", target]
        if pl_check:
            cmds["proselint"] = [*pl_check, target]
        stats, rounds = interleaved(cmds, repeat, base)
        entry = {t: rates(stats[t], words) for t in ("newslint", "proselint") if t in stats}
        if pl_check:
            entry["ratio_to_proselint"] = ratio(rounds, "proselint", "newslint")
        results[key] = entry
        if jobs_2:
            two = rates(stats["jobs_2"], words)
            two["speedup_over_one_job"] = ratio(rounds, "newslint", "jobs_2")
            results[f"{key}_jobs_2"] = two

    run([*nl, "one-page.md"], base)  # untimed: writes bytecode, as installing does
    if pl_check:
        run([*pl_check, "one-page.md"], base)
    both("cold_one_page", "one-page.md", args.repeat, sizes["one-page.md"])
    both("draft_1000_words", "draft-1000.md", args.repeat, sizes["draft-1000.md"])
    both("document_10000_words", "long-10000.md", max(1, args.repeat // 2), sizes["long-10000.md"])
    folder_repeat = max(1, args.folder_repeat)
    both("folder", "drafts", folder_repeat, sizes["drafts"], jobs_2=True)
    two = results["folder_jobs_2"]

    real = base / "real"
    if args.real and not real.is_dir() and (args.data / "ptc").is_dir():
        real.mkdir()
        bench_real.build(args.data, real, args.real)
    if args.real and not real.is_dir():
        print(f"no real-text corpus: {args.data} holds no evaluation data (see --data)", file=sys.stderr)
    if args.real and real.is_dir():
        words = sum(corpus.words_in(f) for f in real.glob("*.txt"))
        sizes["real"] = words
        both("real_folder", "real", folder_repeat, words, jobs_2=True)

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
    if "real_folder" in results:
        r = results["real_folder"]
        results["targets"]["real_text_at_least_1.5x_proselint"] = (not pl_check) or r["ratio_to_proselint"] >= 1.5
        results["targets"]["real_text_jobs_2_speedup_at_least_1.7"] = results["real_folder_jobs_2"]["speedup_over_one_job"] >= 1.7
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
    if "real_folder" in r:
        lines.append("")
        lines.append(f"real text ({r['words']['real']:,} words, built from the evaluation data):")
        row = f"{'folder, one process':28}"
        for t in ("newslint", "proselint") if with_proselint else ("newslint",):
            m = r["real_folder"][t]
            row += f"{m['seconds']:>8.3f} s {m['words_per_second']:>8,} w/s"[:24].rjust(24)
        lines.append(row)
        row = f"{'  by CPU time':28}"
        for t in ("newslint", "proselint") if with_proselint else ("newslint",):
            m = r["real_folder"][t]
            row += f"{m['cpu_seconds']:>8.3f} s {m['words_per_cpu_second']:>8,} w/s"[:24].rjust(24)
        lines.append(row)
        rt = r["real_folder_jobs_2"]
        lines.append(f"{'folder, --jobs 2':28}{rt['seconds']:>8.3f} s {rt['words_per_second']:>8,} w/s"
                     f"   speed-up {rt['speedup_over_one_job']}x")
        if with_proselint:
            cpu_ratio = r["real_folder"]["proselint"]["cpu_seconds"] / r["real_folder"]["newslint"]["cpu_seconds"]
            lines.append(f"newslint / proselint on real text: {r['real_folder']['ratio_to_proselint']:.2f}x by wall "
                         f"time (median of the rounds' ratios), {cpu_ratio:.2f}x by median CPU time")
    lines.append("")
    lines.append("peak memory (MB): " + ", ".join(
        f"{k} {v['newslint']['peak_rss_mb']}" for k, v in r.items() if isinstance(v, dict) and "newslint" in v)
        + f", folder --jobs 2 {two['peak_rss_mb']}"
        + "".join(f", {k} {v['peak_rss_mb']}" for k, v in r.items() if k.startswith("archive_")))
    lines.append("targets: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["targets"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
