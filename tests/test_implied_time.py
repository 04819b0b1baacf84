"""Implied-time claims about terms (issue 12, part 5): "-elect", "incoming", "outgoing", "sworn in",
"before taking office", "in his first weeks in office", "the late", "who is running for".

Judged on the shipped fact packs with dates they hold for certain: Donald Trump elected
Nov. 5, 2024 and inaugurated Jan. 20, 2025; Friedrich Merz chancellor from May 6, 2025;
Keir Starmer prime minister from July 5, 2024 (Rishi Sunak until then); Lee Jae-myung
South Korean president from June 4, 2025; Pope Francis died April 21, 2025.
"""
import pytest

from test_time_wording import fact_findings


@pytest.mark.parametrize("text,date,expected", [
    # -elect
    ("Prime Minister-elect Keir Starmer named his cabinet.", "2025-03-01",
     [("out-of-window", "Prime Minister-elect")]),
    ("Prime Minister-elect Keir Starmer named his cabinet.", "2024-07-04", []),
    ("Friedrich Merz, the chancellor-elect, said Germany would lead.", "2025-09-01",
     [("out-of-window", "chancellor-elect")]),
    ("Donald Trump, the president-elect, said he would act.", "2024-12-10", []),
    ("Then-President-elect Donald Trump met the envoy in December 2024.", "2025-11-22", []),
    ("President-elect Donald Trump said last month that he would end the war.", "2025-02-15", []),
    ("President-elect Donald Trump said on Friday that he would end the war.", "2025-02-15",
     [("out-of-window", "President-elect Donald Trump")]),
    ("Incoming Chancellor Friedrich Merz said in April that Germany would lead.", "2025-11-22", []),
    # incoming
    ("Friedrich Merz, the incoming chancellor, said Germany would lead.", "2025-11-22",
     [("out-of-window", "incoming chancellor")]),
    ("Friedrich Merz, the incoming chancellor, said Germany would lead.", "2025-04-01", []),
    ("The incoming Trump administration is expected to change course.", "2025-11-22",
     [("out-of-window", "incoming Trump administration")]),
    ("The incoming Trump administration is expected to change course.", "2024-12-01", []),
    # outgoing, before and after the handover
    ("Rishi Sunak, the outgoing prime minister, says he will act.", "2025-11-22",
     [("title-after-name", "Rishi Sunak, the outgoing prime minister")]),
    ("Rishi Sunak, the outgoing prime minister, says he will act.", "2024-07-03", []),
    ("Outgoing Chancellor Olaf Scholz said he would act.", "2025-11-22",
     [("title-not-held", "Chancellor Olaf Scholz")]),
    ("Outgoing Chancellor Olaf Scholz said he would act.", "2025-04-01", []),
    ("The outgoing Biden administration says it will approve the sale.", "2025-11-22",
     [("term-stage", "outgoing Biden administration")]),
    ("The outgoing Biden administration says it will approve the sale.", "2025-01-10", []),
    ("In its final weeks, the outgoing Biden administration approved the sale.", "2025-11-22", []),
    # sworn in, taking office
    ("Trump has promised to end the war once he is sworn in.", "2025-11-22",
     [("out-of-window", "once he is sworn in")]),
    ("Trump has promised to end the war once he is sworn in.", "2024-12-01", []),
    ("Trump will be sworn in on Jan. 20.", "2025-11-22", [("out-of-window", "will be sworn in")]),
    ("Trump will be sworn in on Jan. 20.", "2024-12-01", []),
    ("Trump was sworn in on Jan. 20 and signed orders the same day.", "2025-11-22", []),
    ("Donald Trump, who will be sworn in on Jan. 20, named his cabinet.", "2025-11-22",
     [("out-of-window", "who will be sworn in")]),
    # "he" may be someone the packs do not know
    ("Trump said Mamdani would cooperate once he is sworn in.", "2025-12-01", []),
    ("Trump congratulated Mamdani, who will be sworn in on Jan. 1.", "2025-12-01", []),
    ("Donald Trump will be sworn in as president on Jan. 20.", "2024-12-01", []),
    ("Trump, before taking office, is expected to name an envoy.", "2025-11-22",
     [("out-of-window", "before taking office")]),
    ("Before taking office, Trump had promised to end the war.", "2025-11-22", []),
    ("Trump said Mamdani would work with Washington once he takes office.", "2025-12-01", []),
    ("Trump said the war would end once he takes office.", "2025-11-22", [("out-of-window", "once he takes office")]),
    # first days / weeks / months in office
    ("In his first weeks in office, Trump has signed dozens of executive orders.", "2025-11-22",
     [("term-stage", "In his first weeks in office")]),
    ("In his first weeks in office, Trump has signed dozens of executive orders.", "2025-02-20", []),
    ("In his first weeks in office, Trump signed dozens of executive orders.", "2025-11-22", []),
    ("In his first 100 days in office, Donald Trump has signed 140 orders.", "2025-11-22",
     [("term-stage", "In his first 100 days in office")]),
    ("Donald Trump, in his first months back in office, is reshaping the government.", "2025-11-22", []),
    ("Donald Trump, in his first months back in office, is reshaping the government.", "2026-11-22",
     [("term-stage", "in his first months back in office")]),
    ("Keir Starmer is in his first days as prime minister.", "2025-11-22",
     [("term-stage", "in his first days as prime minister")]),
    ("Keir Starmer is in his first days as prime minister.", "2024-07-10", []),
    # "his" is someone the fact base does not know: not judged against the known person nearby
    ("Zohran Mamdani, in his first weeks in office, has clashed with Donald Trump.", "2026-02-01", []),
    ("\"In his first weeks in office, Trump has done more than anyone,\" the senator said.", "2025-11-22", []),
    # "former" judged at the time pointed to
    ("Former President Donald Trump said in December that he would end the war.", "2025-11-22", []),
    ("Former President Donald Trump said on Friday that he would end the war.", "2025-11-22",
     [("former-incumbent", "Former President Donald Trump")]),
    ("Two years ago, former President Donald Trump held a rally in Ohio.", "2025-11-22", []),
    # the late
    ("The late Pope Francis said prisoners should be freed.", "2024-12-01",
     [("former-incumbent", "late Pope Francis")]),
    ("The late Pope Francis said prisoners should be freed.", "2025-11-22", []),
    # running for
    ("Lee Jae-myung, who is running for president, promised to heal the country.", "2025-09-01",
     [("term-stage", "Lee Jae-myung, who is running for president")]),
    ("Lee Jae-myung, who is running for president, promised to heal the country.", "2025-05-20", []),
    ("Lee Jae-myung, who was running for president, promised to heal the country.", "2025-09-01", []),
    ("Donald Trump, who is running for president, promised to end the war.", "2024-12-01",
     [("term-stage", "Donald Trump, who is running for president")]),
    ("Donald Trump, who is running for president, promised to end the war.", "2024-06-01", []),
    ("Joe Biden, who is running for president, promised to fight on.", "2023-06-01", []),  # an incumbent
    # someone else won the election in the person's country in the last months
    ("Kamala Harris, who is running for president, says she will fight on.", "2024-12-01",
     [("term-stage", "Kamala Harris, who is running for president")]),
    ("Kamala Harris, who is running for president, says she will fight on.", "2024-10-01", []),
    ("Kamala Harris, who is running for president, says she will fight on.", "2025-11-22", []),  # a later race
    ("Kamala Harris, who is running for president of the party, says she will fight on.", "2024-12-01", []),
    ("In October, Kamala Harris, who is running for president, said she would fight on.", "2024-12-01", []),
])
def test_implied_time(text, date, expected):
    assert fact_findings(text, date) == expected
