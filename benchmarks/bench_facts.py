"""Cost of the fact and date rules on a one-page draft.

    python benchmarks/bench_facts.py [--repeat N] [--people N]

Measures, each in a fresh process where it says "cold":

1. loading the shipped fact packs cold: parsing and validating the YAML and building the
   name index (no disk cache), and cold with the disk cache (the normal case after the
   first run);
2. the per-draft cost of each fact rule and the date rules on a ~700-word draft, warm
   (median of N runs; the shared analysis is counted once, in the first rule);
3. the same per-draft cost with 3,000 extra synthetic people in the base, to show that
   lookup does not grow with the number of people (an index, not a loop per person);
4. end to end: ``newslint check DRAFT`` cold, with only the fact and date rules selected
   against only an unrelated pack, so the difference is what the fact rules add.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DRAFT = """---
date: 2025-11-22
---
# Belarus frees 31 prisoners after talks with U.S. envoy

VILNIUS, Lithuania — Belarus freed 31 prisoners on Saturday after talks with John Coale, the U.S.
special envoy to Belarus, according to a statement from the presidential press service.

President Alexander Lukashenko met Coale in Minsk on Friday. His press secretary, Natalya Eismont,
said the talks had been constructive. Lukashenko has ruled Belarus since 1994.

Former U.S. President Donald Trump thanked Minsk on social media. White House press secretary
Karoline Levit said the administration welcomed the releases. Secretary of State Marco Rubio spoke
with European Commission President Ursula von der Leyen and NATO Secretary-General Jens Stoltenberg.

The exiled opposition leader Sviatlana Tsikhanouskaya, who left Belarus in 2020, welcomed the news.
Tikhanovskaya said Ales Bialiatski and Maria Kalesnikava remain in prison. Chancellor Angela Merkel
and Kier Starmer also called for their release, and the incoming U.S. administration is expected to
push for more.

Pope Francis said on Sunday that he was praying for the prisoners. Pope Leo XIV made a similar appeal.

German Chancellor Friedrich Merz, French President Emmanuel Macron and British Prime Minister Keir
Starmer issued a joint statement. Italian Prime Minister Giorgia Meloni and Polish Prime Minister
Donald Tusk also spoke. UN Secretary-General António Guterres urged more releases. EU foreign policy
chief Kaja Kallas said pressure would continue, as did European Council President António Costa.

Russian President Vladimir Putin and Chinese President Xi Jinping did not comment. Japanese Prime
Minister Sanae Takaichi was in Tokyo. Canadian Prime Minister Mark Carney and South Korean President
Lee Jae-myung are at the G20 in Johannesburg with South African President Cyril Ramaphosa and Indian
Prime Minister Narendra Modi.

Keith Kellogg, Trump's envoy for Ukraine, said the talks would continue on Tuesday, Nov. 25. The
next round is set for Tuesday, Dec. 3, and a final report is due Nov. 31. Rights groups said more than
1,100 people remain behind bars. Viasna, the rights group founded by Bialiatski, keeps the count.
Critics say the releases are a bid to ease sanctions on potash and on the national airline, which
were tightened after the 2020 election and again after a Ryanair flight was forced down in Minsk in
May 2021. The opposition says dozens of those freed were forced to leave the country at once.
"""


def _rules(settings):
    from lint import packs
    from lint.engine import Engine
    from lint.plugins import build

    kinds = Engine(plugins=build(entry_points=False)).kinds()
    out = []
    for name in ("facts.yaml", "dates.yaml"):
        raw = packs.read_pack(packs.rules_dir() / name)
        out.extend(packs.build_pack(raw, kinds, settings).rules)
    return out


def _per_rule(settings, repeat: int) -> tuple[dict[str, float], int]:
    from lint.document import parse

    rules = _rules(settings)
    costs: dict[str, list[float]] = {r.id: [] for r in rules}
    n = 0
    for _ in range(repeat):
        doc = parse(DRAFT, "draft.md")
        doc.date = dt.date(2025, 11, 22)
        n = 0
        for r in rules:
            t = time.perf_counter()
            n += len(list(r.check(doc)))
            costs[r.id].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in costs.items()}, n


def _synthetic_pack(path: Path, people: int) -> None:
    lines = ["facts: synthetic", "as_of: 2025-11-30", "description: synthetic people for the benchmark",
             "sources: {synthetic-office: synthetic}", "people:"]
    for i in range(people):
        lines.append(f"  - {{id: synthetic-{i}, name: Synthname{i} Surname{i}x, aliases: [S. Surname{i}x]}}")
    lines += ["offices:", "  - {id: synthetic-office, titles: [Synthetic Office Holder], short_titles: [Warden], "
              "single_holder: false}",
              "terms:"]
    for i in range(people):
        y = 1000 + i % 900
        lines.append(f"  - {{office: synthetic-office, person: synthetic-{i}, start: {y}-01-01, end: {y + 1}-01-01}}")
    path.write_text("\n".join(lines) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--people", type=int, default=3000)
    args = ap.parse_args()

    from lint.config import Settings
    from lint.facts import fact_base, shipped_fact_packs

    base = fact_base()
    print(f"shipped fact packs: {len(base.packs)} packs, {len(base.people)} people, {len(base.offices)} offices, "
          f"{len(base.terms)} terms, {sum(len(v) for v in base.index.first.values())} name forms")

    probe = ("import time, lint.rule, lint.document, yaml; t0 = time.perf_counter(); "
             "import lint.facts, lint.facts.analysis; t1 = time.perf_counter(); "
             "lint.facts.fact_base().index; t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")

    def probe_run(env: dict, repeat: int) -> tuple[float, float]:
        imps, loads = [], []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT, capture_output=True, text=True,
                                 env={**os.environ, **env}).stdout.split()
            imps.append(float(out[0]))
            loads.append(float(out[1]))
        return min(imps), min(loads)

    imp1, nocache = probe_run({"NEWSLINT_NO_CACHE": "1"}, 3)
    probe_run({}, 1)  # make sure the disk cache exists
    imp2, cached = probe_run({}, 5)
    print(f"\n1. loading, in a fresh process (best of 3-5): importing the fact modules {min(imp1, imp2)*1000:.0f} ms; "
          f"parse + validate + index the YAML (no cache) {nocache*1000:.0f} ms; from the disk cache {cached*1000:.0f} ms")

    costs, n = _per_rule(Settings(), args.repeat)
    total = sum(costs.values())
    words = len(DRAFT.split())
    print(f"\n2. per draft, warm ({words} words, {n} findings), median of {args.repeat}:")
    for rid, c in costs.items():
        print(f"   {rid:34s} {c*1000:7.2f} ms")
    print(f"   {'total':34s} {total*1000:7.2f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        syn = Path(tmp) / "synthetic.yaml"
        _synthetic_pack(syn, args.people)
        s = Settings(registered_fact_packs=tuple(shipped_fact_packs()), fact_packs=(str(syn),))
        big = fact_base(s)
        costs_big, _ = _per_rule(s, args.repeat)
        print(f"\n3. with {args.people} more people ({len(big.people)} in all): total {sum(costs_big.values())*1000:.2f} ms "
              f"per draft (was {total*1000:.2f} ms)")

        draft = Path(tmp) / "draft.md"
        draft.write_text(DRAFT)
        cli = [sys.executable, "-m", "lint", "check", str(draft), "--format", "json"]

        def run(select: str) -> float:
            t = time.perf_counter()
            subprocess.run([*cli, "--select", select], cwd=tmp, capture_output=True)
            return time.perf_counter() - t

        a_times, b_times = [], []
        for _ in range(7):  # interleaved, so load from other processes hits both alike
            a_times.append(run("clutter"))
            b_times.append(run("clutter,facts,dates"))
        base_t, facts_t = min(a_times), min(b_times)
        print(f"\n4. end to end, cold process, best of 7 interleaved: 'newslint check' selecting clutter only "
              f"{base_t*1000:.0f} ms; clutter plus the fact and date rules {facts_t*1000:.0f} ms "
              f"(+{(facts_t - base_t)*1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
