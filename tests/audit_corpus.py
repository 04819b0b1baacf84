"""A small, deterministic archive of invented news drafts for the audit's tests and benchmark.

    write_archive(folder, 2000, seed=3)

Drafts are spread over desks, authors and the months of 2024 and 2025, with front matter
(title, author, desk, tags, date). Their sentences were written for this generator; a few
slips are mixed in (a repeated word, a known misspelling, a loaded verb, a pasted "Read
more"), so the archive has findings in several categories without every draft having them.
"""
from __future__ import annotations

import random
from pathlib import Path

DESKS = ("metro", "business", "sport", "culture", "science")
AUTHORS = ("Nadia Ferreira", "Tobias Lindqvist", "Grace Okafor", "Hamid Rahimi", "Lucia Brandt",
           "Owen Gallagher", "Sunita Rao", "Felix Moreau")
TAGS = ("budget", "transport", "schools", "health", "weather", "courts", "housing", "energy")

OPENINGS = {
    "metro": ["The harbour board approved a plan on {day} to widen the old ferry pier.",
              "Residents of the north district will get two new bus routes from next month, the transit office said.",
              "The city library will stay open until nine in the evening on weekdays, its director announced."],
    "business": ["A regional bakery chain said on {day} that it would open {n} new shops before the end of the year.",
                 "Shares in the local shipping company rose after it reported a rise in quarterly orders.",
                 "The chamber of commerce asked the council to cut the fee for outdoor cafe permits."],
    "sport": ["The town's rowing club won the river cup on {day} by less than a boat length.",
              "The under-16 football team will play its first away match of the season in the valley.",
              "A new cycling track opened beside the reservoir, with a loop of {n} kilometres."],
    "culture": ["The museum reopened its textile gallery on {day} after a year of repairs.",
                "A choir from the old mill district will sing at the winter festival for the first time.",
                "The film society is showing silent comedies with a live pianist every Thursday."],
    "science": ["Researchers at the university counted {n} species of moth in the city's parks last summer.",
                "The weather station on the hill recorded the wettest week since it opened.",
                "A school laboratory built a small telescope from parts donated by a camera shop."],
}
MIDDLES = [
    "The work is expected to begin in the spring and to last about {n} months, officials said.",
    "A spokeswoman said the cost would be shared by the city and two neighbouring towns.",
    "Several people at the meeting asked how the plan would affect traffic near the school.",
    "The decision followed a public consultation that drew more than {n} written comments.",
    "Organisers said tickets would go on sale at the town hall next week.",
    "The project was first proposed in a report written by a volunteer group.",
    "Local shop owners said they hoped the change would bring more visitors in the evenings.",
]
CLOSINGS = [
    "A final vote is planned for the next session.",
    "The office said it would publish the full figures online.",
    "More details are to be announced later this month.",
]
SLIPS = [
    ("the", "The report was sent to the the committee for review."),
    ("misspelling", "The goverment said it would review the costs before the summer."),
    ("loaded", "Critics slammed the proposal at the meeting."),
    ("clutter", "Read more"),
]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def draft(rng: random.Random, index: int) -> tuple[str, dict]:
    """One draft's text and its front-matter fields."""
    desk = DESKS[index % len(DESKS)]
    author = AUTHORS[rng.randrange(len(AUTHORS))]
    year = 2024 + rng.randrange(2)
    month = 1 + rng.randrange(12)
    day = 1 + rng.randrange(28)
    tags = sorted(rng.sample(TAGS, 1 + rng.randrange(2)))
    fill = {"day": WEEKDAYS[rng.randrange(5)], "n": 3 + rng.randrange(40)}
    paragraphs = [rng.choice(OPENINGS[desk]).format(**fill)]
    for sentence in rng.sample(MIDDLES, 2 + rng.randrange(3)):
        paragraphs.append(sentence.format(**fill))
    # Slips are rarer on some desks, so the groups differ.
    for _name, slip in SLIPS:
        if rng.random() < (0.25 if desk in ("metro", "sport") else 0.1):
            paragraphs.insert(1 + rng.randrange(len(paragraphs)), slip)
    paragraphs.append(rng.choice(CLOSINGS))
    meta = {"title": f"Story {index}", "author": author, "desk": desk, "tags": tags,
            "date": f"{year}-{month:02d}-{day:02d}"}
    front = "\n".join([
        "---",
        f"title: {meta['title']}",
        f"author: {author}",
        f"desk: {desk}",
        f"tags: [{', '.join(tags)}]",
        f"date: {meta['date']}",
        "---",
    ])
    return f"{front}\n# {meta['title']}\n\n" + "\n\n".join(paragraphs) + "\n", meta


def write_archive(folder: Path, count: int, *, seed: int = 3) -> dict[str, dict]:
    """Write ``count`` drafts under ``folder/<desk>/``; returns each path's front-matter fields."""
    rng = random.Random(seed)
    written = {}
    for i in range(count):
        text, meta = draft(rng, i)
        path = Path(folder) / meta["desk"] / f"story-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written[str(path)] = meta
    return written
