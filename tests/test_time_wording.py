"""Time wording resolved from the article date, and titles before and after names judged at the
time a sentence points to (issue 12, part 4).

The rule tests run the shipped rule pack on the shipped fact packs, with dates the packs hold
for certain: Olaf Scholz was German chancellor and Annalena Baerbock foreign minister until
May 6, 2025; Rishi Sunak British prime minister until July 5, 2024; Jens Stoltenberg NATO
secretary-general until Oct. 1, 2024; Christine Lagarde IMF managing director until Sept. 12,
2019 and ECB president since Nov. 1, 2019, after Mario Draghi.
"""
import datetime as dt

import pytest

from lint import packs as packmod
from lint.config import Settings
from lint.document import parse
from lint.engine import Engine
from lint.facts.when import periods
from lint.plugins import build

_KINDS = Engine(plugins=build(entry_points=False)).kinds()
_RULES = {r.id.split(".", 1)[1]: r for r in packmod.build_pack(
    packmod.read_pack(packmod.rules_dir() / "facts.yaml"), _KINDS, Settings()).rules}
_FACT_RULES = ("title-not-held", "title-after-name", "former-incumbent", "out-of-window", "term-stage",
               "deceased-acting")


def fact_findings(text: str, date: str) -> list[tuple[str, str]]:
    """(rule, matched text) of the fact rules on ``text`` dated ``date``, quotes skipped as the engine does."""
    doc = parse(text + "\n", "t.md")
    doc.date = dt.date.fromisoformat(date)
    out = []
    for rid in _FACT_RULES:
        r = _RULES[rid]
        for f in r.check(doc):
            if not doc.contexts(f.start, f.end) & r.skip:
                out.append((rid, f.match))
    return out


# ------------------------------------------------------------------ the resolver
SAT = dt.date(2025, 11, 22)  # a Saturday


def _resolved(text: str, date: dt.date = SAT) -> list[tuple[str, str, str]]:
    return [(text[p.start:p.end], p.lo.isoformat(), p.hi.isoformat()) for p in periods(text, 0, len(text), date)]


@pytest.mark.parametrize("text,expected", [
    ("She spoke on Friday.", [("on Friday", "2025-11-21", "2025-11-21")]),
    ("She will speak on Friday.", [("on Friday", "2025-11-28", "2025-11-28")]),
    ("She spoke last Saturday.", [("last Saturday", "2025-11-15", "2025-11-15")]),
    ("Earlier this month, she spoke.", [("Earlier this month", "2025-11-01", "2025-11-22")]),
    ("She spoke in March.", [("in March", "2025-03-01", "2025-03-31")]),
    ("She spoke in December.", [("in December", "2024-12-01", "2024-12-31")]),  # the last December
    ("She will visit in March.", [("in March", "2026-03-01", "2026-03-31")]),
    ("She spoke in March 2019.", [("in March 2019", "2019-03-01", "2019-03-31")]),
    ("She spoke last year.", [("last year", "2024-01-01", "2024-12-31")]),
    ("She will stand next year.", [("next year", "2026-01-01", "2026-12-31")]),
    ("Two years ago, she won.", [("Two years ago", "2023-05-24", "2024-05-22")]),
    ("Three months ago, she won.", [("Three months ago", "2025-08-07", "2025-09-06")]),
    ("In 2019 she won.", [("2019", "2019-01-01", "2019-12-31")]),
    ("On Dec. 3 she spoke.", [("Dec. 3", "2024-12-03", "2024-12-03")]),  # past tense: the last Dec. 3
    ("On Dec. 3 she will speak.", [("Dec. 3", "2025-12-03", "2025-12-03")]),
    ("On Dec. 3, 2024, she spoke.", [("Dec. 3, 2024", "2024-12-03", "2024-12-03")]),
    ("Yesterday she spoke.", [("Yesterday", "2025-11-21", "2025-11-21")]),
    ("She spoke last week.", [("last week", "2025-11-10", "2025-11-16")]),
    ("She spoke in the 1990s.", [("in the 1990s", "1990-01-01", "1999-12-31")]),
])
def test_time_wording_resolves_from_the_article_date(text, expected):
    assert _resolved(text) == expected


@pytest.mark.parametrize("text", [
    "Theresa May spoke to reporters.",  # a name, not a month
    "The March on Washington drew crowds.",  # a noun, not a time
    "She may speak again.",
    "At the time, she was chancellor.",  # not resolvable from the article date
])
def test_wording_that_points_nowhere_resolves_to_nothing(text):
    assert _resolved(text) == []


# ------------------------------------------------------------------ titles before the name
@pytest.mark.parametrize("text,date,expected", [
    # the day pointed to is before the handover: right
    ("Chancellor Olaf Scholz said on Monday that talks would resume.", "2025-05-07", []),
    ("Earlier this month, Chancellor Olaf Scholz said talks would resume.", "2025-05-20", []),
    ("In March, Chancellor Olaf Scholz said talks would resume.", "2025-11-22", []),
    ("Two years ago, Prime Minister Rishi Sunak promised to stop the boats.", "2025-11-22", []),
    ("Last year, Prime Minister Rishi Sunak called an early election.", "2025-11-22", []),
    ("On Dec. 3, Chancellor Olaf Scholz met the envoy.", "2025-11-22", []),
    ("In 2019, Prime Minister Theresa May resigned.", "2025-11-22", []),
    ("During the Obama administration, Vice President Joe Biden led the Ukraine policy.", "2025-11-22", []),
    # a scene set earlier in the paragraph, told in the past tense
    ("The borders were opened in 2015. Chancellor Angela Merkel defended the decision.", "2025-11-22", []),
    ("The borders were opened in 2015. Chancellor Angela Merkel says she defends the decision.", "2025-11-22",
     [("title-not-held", "Chancellor Angela Merkel")]),
    ("Belarus freed 31 prisoners on Saturday. President Joe Biden welcomed the release.", "2025-11-22",
     [("title-not-held", "President Joe Biden")]),
    # a future day the person will hold the office: right
    ("Prime Minister Keir Starmer will visit Kyiv on Friday.", "2024-07-01", []),
    # the day pointed to is after the handover: wrong
    ("Chancellor Olaf Scholz said on Friday that talks would resume.", "2025-05-12",
     [("title-not-held", "Chancellor Olaf Scholz")]),
    ("Chancellor Olaf Scholz said in September that talks would resume.", "2025-11-22",
     [("title-not-held", "Chancellor Olaf Scholz")]),
    ("Two weeks ago, Prime Minister Rishi Sunak promised to stop the boats.", "2025-11-22",
     [("title-not-held", "Prime Minister Rishi Sunak")]),
    ("Chancellor Olaf Scholz will visit Paris next year.", "2025-11-22",
     [("title-not-held", "Chancellor Olaf Scholz")]),
    # "then-" and "former" stay silent at any date
    ("Then-Chancellor Olaf Scholz met the envoy last year.", "2025-11-22", []),
    ("Former Chancellor Olaf Scholz met the envoy on Friday.", "2025-11-22", []),
])
def test_title_before_name_judged_at_the_time_pointed_to(text, date, expected):
    assert fact_findings(text, date) == expected


# ------------------------------------------------------------------ titles after the name
@pytest.mark.parametrize("text,date,expected", [
    ("Olaf Scholz, the German chancellor, said on Friday that talks would resume.", "2025-11-22",
     [("title-after-name", "Olaf Scholz, the German chancellor")]),
    ("Olaf Scholz, the German chancellor, said on Friday that talks would resume.", "2024-11-22", []),
    ("Rishi Sunak, Britain's prime minister, met the envoy on Monday.", "2025-11-22",
     [("title-after-name", "Rishi Sunak, Britain's prime minister")]),
    ("Keir Starmer, Britain's prime minister, met the envoy on Monday.", "2025-11-22", []),
    ("Keir Starmer, the prime minister, met the envoy on Monday.", "2024-03-01",
     [("title-after-name", "Keir Starmer, the prime minister")]),
    ("Keir Starmer, the opposition leader, met the envoy on Monday.", "2024-03-01", []),
    ("Antony Blinken, the secretary of state, said on Monday the talks were useful.", "2025-11-22",
     [("title-after-name", "Antony Blinken, the secretary of state")]),
    ("Marco Rubio, the secretary of state, said on Monday the talks were useful.", "2025-11-22", []),
    ("Mark Rutte, the NATO chief, met the envoy on Monday.", "2025-11-22", []),
    ("Mark Rutte, the former Dutch prime minister, now leads NATO.", "2025-11-22", []),
    # relative clauses and "head of"
    ("Jens Stoltenberg, who heads NATO, met the envoy on Monday.", "2025-11-22",
     [("title-after-name", "Jens Stoltenberg, who heads NATO")]),
    ("Jens Stoltenberg, head of NATO, met the envoy on Monday.", "2025-11-22",
     [("title-after-name", "Jens Stoltenberg, head of NATO")]),
    ("Mark Rutte, head of NATO, met the envoy on Monday.", "2025-11-22", []),
    ("Friedrich Merz, who leads the government, met the envoy on Monday.", "2025-02-01",
     [("title-after-name", "Friedrich Merz, who leads the government")]),
    ("Friedrich Merz, who leads the government, met the envoy on Monday.", "2025-11-22", []),
    ("Olaf Scholz, who leads the government, met the envoy on Monday.", "2025-02-01", []),
    ("Ursula von der Leyen, who heads the European Commission, said sanctions would stay.", "2025-11-22", []),
    ("Annalena Baerbock, the country's foreign minister, said on Friday that Germany would help.", "2025-11-22",
     [("title-after-name", "Annalena Baerbock, the country's foreign minister")]),
    ("Annalena Baerbock, the country's foreign minister, said on Friday that Germany would help.", "2024-11-22", []),
    ("Johann Wadephul, Germany's foreign minister, says Germany will help.", "2025-11-22", []),
    ("Mario Draghi, who heads the central bank, says inflation is falling.", "2025-11-22",
     [("title-after-name", "Mario Draghi, who heads the central bank")]),
    ("Christine Lagarde, who heads the central bank, says inflation is falling.", "2025-11-22", []),
    ("Christine Lagarde, head of the IMF, says growth will slow.", "2025-11-22",
     [("title-after-name", "Christine Lagarde, head of the IMF")]),
    ("Mario Draghi, the former head of the central bank, says inflation is falling.", "2025-11-22", []),
    # past tense, "then", time pointed to, a scene set earlier in the paragraph
    ("Jens Stoltenberg, who headed NATO until 2024, met the envoy on Monday.", "2025-11-22", []),
    ("Olaf Scholz, who led the government until May, met the envoy on Monday.", "2025-11-22", []),
    ("Olaf Scholz, then the German chancellor, said talks would resume.", "2025-11-22", []),
    ("Olaf Scholz, the German chancellor at the time, said talks would resume.", "2025-11-22", []),
    ("In March, Olaf Scholz, the German chancellor, said talks would resume.", "2025-11-22", []),
    ("In 2015, Angela Merkel, the German chancellor, opened the borders.", "2025-11-22", []),
    ("The borders were opened in 2015. Angela Merkel, the German chancellor, defended the decision.",
     "2025-11-22", []),
    ("The plan was drafted under Joe Biden, the U.S. president at the time.", "2025-11-22", []),
    ("Angela Merkel, who was chancellor for 16 years, spoke in Berlin.", "2025-11-22", []),
    # past tense with no time: a look back, not a claim about now
    ("Friedrich Merz defeated Olaf Scholz, the chancellor.", "2025-11-22", []),
    ("Rishi Sunak, the prime minister, called the election for July 4.", "2025-11-22", []),
    ("Olaf Scholz, the chancellor, lost the vote; Friedrich Merz is now chancellor.", "2025-11-22", []),
    ("Shigeru Ishiba, Japan's prime minister, resigned in September.", "2025-11-22", []),
    ("Shigeru Ishiba, Japan's prime minister, says he will step down.", "2025-11-22",
     [("title-after-name", "Shigeru Ishiba, Japan's prime minister")]),
    ("Shigeru Ishiba, Japan's prime minister, says he will step down.", "2025-10-01", []),
    ("Mark Carney, the Canadian prime minister, said on Monday that tariffs would hurt.", "2025-02-01",
     [("title-after-name", "Mark Carney, the Canadian prime minister")]),
    ("Emmanuel Macron, who leads France, says Europe must act.", "2025-11-22", []),
    ("Emmanuel Macron, the French president, and Olaf Scholz, the German chancellor, met in 2024.",
     "2025-11-22", []),
    ("Brigitte Macron, the wife of Emmanuel Macron, the French president, spoke on Monday.", "2025-11-22", []),
    ("Olaf Scholz, the SPD's candidate for chancellor, said he would stay.", "2025-11-22", []),
    ("Rishi Sunak, the prime minister until July 2024, said the boats would stop.", "2025-11-22", []),
    ("Yoon Suk Yeol, the former president, is on trial.", "2025-11-22", []),
    ("Yoon Suk Yeol, the South Korean president, is on trial.", "2025-11-22",
     [("title-after-name", "Yoon Suk Yeol, the South Korean president")]),
    ("Former leaders including Angela Merkel, the German chancellor, and Barack Obama, the U.S. president, "
     "have signed the letter.", "2025-11-22", []),
    ("The plan, drafted under Joe Biden, the U.S. president, is still in force.", "2025-11-22", []),
    ("Olaf Scholz, the German chancellor, met the envoy last week.", "2025-11-22",
     [("title-after-name", "Olaf Scholz, the German chancellor")]),
    # "former" after the name
    ("Donald Trump, the former president, met the envoy on Monday.", "2025-11-22",
     [("title-after-name", "Donald Trump, the former president")]),
    ("Donald Trump, the former president, met the envoy on Monday.", "2022-11-22", []),
    ("Joe Biden, the former president, met the envoy on Monday.", "2025-11-22", []),
    # the title inside a direct quote is the speaker's
    ("\"Olaf Scholz, the German chancellor, is a friend,\" the envoy said.", "2025-11-22", []),
    # not a title of the person: a possessive, a phrase that runs on
    ("Olaf Scholz, the chancellor's predecessor, spoke.", "2025-11-22", []),
    ("Olaf Scholz, the chancellor whose coalition collapsed, spoke on Monday.", "2025-11-22", []),
])
def test_title_after_name(text, date, expected):
    assert fact_findings(text, date) == expected
