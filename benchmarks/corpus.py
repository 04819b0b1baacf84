"""Generate an original, news-like benchmark corpus (deterministic: the same seed, the same text).

    python benchmarks/corpus.py OUT_DIR [--drafts 1000] [--seed 7]

writes
    OUT_DIR/one-page.md      a one-page draft (about 450 words): the cold-start case
    OUT_DIR/draft-1000.md    a 1,000-word draft
    OUT_DIR/long-10000.md    a 10,000-word document
    OUT_DIR/drafts/          a folder of drafts (1,000 by default), 300 to 900 words each

The text is assembled from templates written for this benchmark: councils, courts,
weather, business, sport and politics, with invented names and places, numbers, dates,
direct quotations, Markdown headlines and front matter. It is meant to exercise every
rule family (so a few slips are mixed in: a known misspelling, a loaded word, a pasted
"Read more", a long sentence), not to read well.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Amara", "Tomas", "Ines", "Rafael", "Mei", "Oluwaseun", "Hanna", "Dmitri", "Priya", "Jonas", "Leila",
         "Marcus", "Sofia", "Kwame", "Elif", "Mateo", "Aisha", "Pavel", "Nora", "Samuel", "Yuki", "Lars"]
SYLLABLES = ["bar", "den", "kov", "mal", "ner", "ost", "pel", "ran", "sel", "tor", "vik", "wen", "zar", "lin",
             "mor", "has", "gul", "fen", "dal", "cor"]
PLACES = ["Ashford", "Brenton", "Calder Vale", "Dunmore", "Eastleigh", "Fairhaven", "Glenrock", "Harlow Bay",
          "Irvington", "Kestrel Falls", "Lowmoor", "Millbridge", "Northwick", "Oakridge", "Port Ellis"]
ROLES = ["the mayor", "a council member", "the city's finance director", "a spokeswoman for the police",
         "the head of the teachers' union", "a local business owner", "the county's chief medical officer",
         "a spokesman for the prosecutor's office", "the team's coach", "an economist at the regional bank"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = {
    "council": [
        "The {place} council voted {a}-{b} on {day} to approve a budget of ${money} million for the coming year.",
        "The plan raises property taxes by {pct} percent and sets aside money to repair {n} bridges.",
        "Residents packed the chamber for a hearing that lasted more than {hours} hours.",
        "{name}, {role}, said the increase was the first in {years} years.",
        "\"We have put this off for as long as we could,\" {short} said. \"The roads will not fix themselves.\"",
        "Opponents said the council had ignored a petition signed by {big} residents.",
        "Two branch libraries will close in {month}, and their staff will move to the main library.",
        "The council will meet again on {month} {date} to vote on the final contracts.",
    ],
    "court": [
        "A jury in {place} found {name} guilty on {day} of fraud involving a charity that raised ${money} million.",
        "Prosecutors said {short} used the money to buy {n} apartments and a boat.",
        "{short}, {age}, was arrested on {month} {date}, {year}, after an audit by the state.",
        "The judge set sentencing for {month} {date2} and ordered {short} held without bail.",
        "\"The evidence was overwhelming,\" said {name2}, {role}.",
        "A lawyer for {short} said the verdict would be appealed.",
        "The charity's board has since been replaced, and donors have been offered refunds.",
    ],
    "weather": [
        "Heavy rain flooded parts of {place} on {day}, forcing {n} families from their homes.",
        "Forecasters said {inches} inches of rain fell in {hours} hours, a record for the month.",
        "Emergency crews rescued {n2} people from cars stranded on flooded roads, officials said.",
        "\"The water came up faster than anyone expected,\" said {name}, {role}.",
        "Schools in the district will stay closed until at least {day2}.",
        "The state has asked for federal help to pay for the cleanup, which could cost ${money} million.",
    ],
    "business": [
        "{place} Mills said on {day} it would cut {n} jobs as orders for its paper products fell.",
        "The company's sales dropped {pct} percent in the third quarter to ${money} million.",
        "{name}, the company's chief executive, said the cuts were painful but necessary.",
        "The union said it would seek talks on severance pay and retraining for the workers affected.",
        "Shares in the company fell {pct2} percent in early trading before recovering slightly.",
        "\"We are a smaller market than we were ten years ago,\" {short} told analysts on a conference call.",
    ],
    "sport": [
        "{place} Rovers beat {place2} United {a}-{b} on {day}, their {nth} straight win.",
        "{name} scored twice in the second half, and the goalkeeper saved a penalty in stoppage time.",
        "\"The players never stopped running,\" said {name2}, {role}.",
        "The win lifts the team to third in the table, {n} points behind the leaders.",
        "A crowd of {big} watched the match, the largest at the stadium this season.",
    ],
    "politics": [
        "Voters in {place} will choose a new governor on {month} {date}, after the incumbent retired.",
        "A poll released on {day} showed {name} leading {name2} by {pct} points among likely voters.",
        "The candidates met for their only debate in {place2}, where they clashed over taxes and schools.",
        "\"This election is about who pays for the roads we all drive on,\" {short} said.",
        "Turnout in the last election was {pct2} percent, according to the secretary of state's office.",
        "Both campaigns have raised more than ${money} million, much of it from donors outside the state.",
    ],
}
SLIPS = [
    "Similarily, officials said the figures would be revised next month.",
    "Critics slammed the decision as a disaster for the region.",
    "Read more",
    ("The report, which was commissioned by the council after a series of complaints from residents who said "
     "their concerns about traffic, noise and the cost of the project had been ignored for years, found that "
     "the city had not followed its own rules when it awarded the contract to a company based outside the state."),
    "The committee will recieve the final report in the spring.",
]


def _name(rng: random.Random) -> str:
    last = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3))))
    return f"{rng.choice(FIRST)} {last.capitalize()}"


def _fill(template: str, rng: random.Random, cast: dict) -> str:
    values = {
        "place": rng.choice(PLACES), "place2": rng.choice(PLACES), "day": rng.choice(WEEKDAYS),
        "day2": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS), "date": rng.randint(1, 28),
        "date2": rng.randint(1, 28), "year": rng.randint(2015, 2024), "a": rng.randint(4, 7), "b": rng.randint(0, 3),
        "money": rng.randint(2, 900), "pct": rng.randint(2, 19), "pct2": rng.randint(20, 70), "n": rng.randint(2, 9),
        "n2": rng.randint(10, 60), "big": f"{rng.randint(1, 40)},{rng.randint(100, 999)}",
        "hours": rng.randint(2, 9), "years": rng.randint(3, 15), "inches": rng.randint(3, 9),
        "age": rng.randint(25, 70), "nth": rng.choice(["third", "fourth", "fifth", "sixth"]),
        "role": rng.choice(ROLES), **cast,
    }
    return template.format(**values)


def article(rng: random.Random, words: int, with_front_matter: bool = True) -> str:
    """One article of about ``words`` words."""
    topic = rng.choice(sorted(TOPICS))
    name, name2 = _name(rng), _name(rng)
    cast = {"name": name, "name2": name2, "short": name.split()[1]}
    lines = []
    if with_front_matter:
        lines += ["---", f"title: {topic.capitalize()} report", f"date: 2025-{rng.randint(1, 11):02d}-"
                  f"{rng.randint(1, 28):02d}", f"desk: {rng.choice(['metro', 'business', 'sports', 'politics'])}",
                  "---"]
    lines += [f"# {_fill(rng.choice(TOPICS[topic]), rng, cast).split(',')[0].rstrip('.')}", ""]
    count = 0
    paragraph: list[str] = []
    while count < words:
        if rng.random() < 0.04:
            sentence = rng.choice(SLIPS)
        else:
            sentence = _fill(rng.choice(TOPICS[topic] if rng.random() < 0.8 else TOPICS[rng.choice(sorted(TOPICS))]),
                             rng, cast)
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= rng.randint(1, 3):
            lines += [" ".join(paragraph), ""]
            paragraph = []
    if paragraph:
        lines += [" ".join(paragraph), ""]
    return "\n".join(lines)


def words_in(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").split())


def build(out: Path, drafts: int = 1000, seed: int = 7) -> dict:
    """Write the corpus; returns {name: words} for the single files and the folder."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "one-page.md").write_text(article(rng, 450), encoding="utf-8")
    (out / "draft-1000.md").write_text(article(rng, 1000), encoding="utf-8")
    long = [article(rng, 1000, with_front_matter=(i == 0)) for i in range(10)]
    (out / "long-10000.md").write_text("\n".join(long), encoding="utf-8")
    folder = out / "drafts"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for i in range(drafts):
        (folder / f"{i:05d}.md").write_text(article(rng, rng.randint(300, 900)), encoding="utf-8")
    return {
        "one-page.md": words_in(out / "one-page.md"),
        "draft-1000.md": words_in(out / "draft-1000.md"),
        "long-10000.md": words_in(out / "long-10000.md"),
        "drafts": sum(words_in(p) for p in folder.glob("*.md")),
    }


def main() -> None:
    p = argparse.ArgumentParser(description="Generate the newslint benchmark corpus.")
    p.add_argument("out", type=Path)
    p.add_argument("--drafts", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    for name, words in build(args.out, args.drafts, args.seed).items():
        print(f"{name}: {words:,} words")


if __name__ == "__main__":
    main()
