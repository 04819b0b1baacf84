#!/usr/bin/env python3
"""How fast is the embedded speller?

    python benchmarks/bench_spelling.py [--runs 9] [--draft PATH]

Reports:

1. **Cold one-page run**: median wall time of ``newslint check`` on a one-page draft
   in a fresh process, with every rule, and with ``--ignore spelling --ignore grammar``;
   the difference is what the spelling and grammar rules add (target: under 100 ms).
   Runs alternate so that machine load affects both sides alike.
2. **Suggestions per second**: distinct misspellings, each asked for its ranked
   suggestions once (no memo), in one warm process (target: 1,000 per second). The
   misspellings are made here from common words by one or two random slips (seeded),
   so the benchmark needs no data from outside the project.
3. **Words per second** for checking prose (the speller's verdicts on a long draft: one
   draft repeated, so after its first copy the checker's verdict memo answers most words,
   as it does for the common words of a folder of drafts).
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# An original one-page draft (about 330 words) in the shape of a news story: names,
# numbers, quotes, abbreviations, and two planted misspellings.
DRAFT = """\
# Council backs river plan after late-night vote

RIVERTON, Nov. 12 — The city council voted 7-2 early on Wednesday to approve a $48
million flood defence plan for the Riverton waterfront, ending a debate that ran past
midnight and drew more than 200 residents to City Hall.

Mayor Adaeze Okonkwo-Lindqvist called the vote "a turning point" for the neighbourhoods
along the Wenlock River, which flooded three times in the past decade. "We can't keep
asking families to rebuild every few years," she said.

The plan, drawn up by the engineering firm Halvorsen & Mbeki, raises the embankment by
1.8 metres along a 3km stretch, replaces two pumping stations and adds a wetland park
north of the Fairbairn Bridge. Work is due to start in the spring and finish by 2028.

Councillor Tomasz Wróblewski, who voted against, said the cost estimates were "wildly
optimistic" and that the council had not looked seriously at alternatives. He said he
would ask the state's auditor to review the contract. Councillor Priya Raghunathan also
voted no, citing concerns about the effect on the U.S. Route 9 interchange.

Supporters said the city could not afford to wait. A report by the Riverton Institute
last year estimated that a major flood would cause more than $300m in damage and close
the waterfront for months. The federal government has agreed to cover 40% of the cost
through a grant approved in March.

Residents who spoke at the meeting were divided. Some welcomed the wetland park; others
worried about years of construction and the loss of parking near the marina. Mr. Okafor,
who runs a café on Harbour Street, said business had never recoverd from the 2019 flood.

The council will hold a public hearing on the construction schedule on Dec. 3. The
contract is expected to be signed by the end of the year, acording to city officials.
"""


def cold_runs(draft: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of a fresh ``newslint check`` with and without the
    spelling and grammar rules. CPU time (user + system of the child) is the steadier
    measure on a shared machine; wall time is what a user waits."""
    import resource

    base = [sys.executable, "-m", "lint", "check", str(draft), "--format", "json", "--date", "2025-11-12"]
    wall: dict[str, list[float]] = {"on": [], "off": []}
    cpu: dict[str, list[float]] = {"on": [], "off": []}
    for _ in range(runs):
        for name, argv in (("on", base), ("off", base + ["--ignore", "spelling", "--ignore", "grammar"])):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, capture_output=True, check=False)
            wall[name].append(time.perf_counter() - t)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in ("on", "off")}


def slips(words: list[str], n: int, seed: int = 7) -> list[str]:
    """Misspellings of common words: one or two random deletions, insertions,
    substitutions or swaps."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: set[str] = set()
    while len(out) < n:
        w = rng.choice(words)
        for _ in range(rng.choice((1, 1, 2))):
            i = rng.randrange(len(w))
            op = rng.randrange(4)
            if op == 0 and len(w) > 3:
                w = w[:i] + w[i + 1:]
            elif op == 1:
                w = w[:i] + rng.choice(letters) + w[i:]
            elif op == 2:
                w = w[:i] + rng.choice(letters) + w[i + 1:]
            elif i < len(w) - 1:
                w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        out.add(w)
    return sorted(out)


def suggestion_rate(n: int) -> tuple[float, float, int]:
    from lint.spelling.lexicon import default_lexicon
    from lint.spelling.speller import Speller

    lexicon = default_lexicon()
    common = [w for w, z in lexicon.common.items() if len(w) >= 4 and w.isalpha()]
    typos = [t for t in slips(sorted(common), n * 2) if t not in lexicon][:n]
    speller = Speller(lexicon)
    for t in typos[:50]:  # warm the process (imports, first lookups), then measure the rest
        speller.candidates(t)
    rest = typos[50:]
    t0, c0 = time.perf_counter(), time.process_time()
    for t in rest:
        speller.candidates(t)
    return len(rest) / (time.perf_counter() - t0), len(rest) / (time.process_time() - c0), len(rest)


def word_rate(text: str) -> float:
    from lint.spelling.checker import SpellChecker

    checker = SpellChecker()
    checker.check(text)  # load data
    long_text = "\n\n".join([text] * 20)
    checker = SpellChecker()
    t0 = time.process_time()
    checker.check(long_text)
    return len(long_text.split()) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9, help="cold runs of each configuration (default 9)")
    ap.add_argument("--draft", type=Path, help="a one-page draft to time (default: the built-in one)")
    ap.add_argument("--suggestions", type=int, default=2000, help="misspellings to suggest for (default 2000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        draft = args.draft or Path(tmp) / "draft.md"
        if args.draft is None:
            draft.write_text(DRAFT, encoding="utf-8")
        text = draft.read_text(encoding="utf-8")
        wall_rate, cpu_rate, n = suggestion_rate(args.suggestions)
        print(f"suggestions: {cpu_rate:,.0f} per CPU second, {wall_rate:,.0f} per wall second "
              f"({n} distinct misspellings, one process)")
        print(f"checking: {word_rate(text):,.0f} words per CPU second")
        if args.runs:
            r = cold_runs(draft, args.runs)
            (won, con), (woff, coff) = r["on"], r["off"]
            print(f"cold one-page run ({len(text.split())} words, median of {args.runs}): "
                  f"CPU {con * 1000:.0f} ms with spelling and grammar, {coff * 1000:.0f} ms without: "
                  f"+{(con - coff) * 1000:.0f} ms; wall {won * 1000:.0f} / {woff * 1000:.0f} ms: "
                  f"+{(won - woff) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
