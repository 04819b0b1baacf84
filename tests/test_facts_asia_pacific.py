"""The Asia, Middle East and Oceania fact packs, exercised through the real fact rules.

Each case is a sentence of our own, dated with ``date=``, run against every shipped pack:
a correct title is silent, "former" for a sitting holder is flagged, a title kept after a
handover (or given before the start) is flagged, and a near miss of a leader's name is flagged.
"""

import pytest
from shipped_facts import found






@pytest.mark.parametrize("text,date", [
    # Middle East
    ("Israeli Prime Minister Benjamin Netanyahu met President Isaac Herzog in Jerusalem.", "2025-11-20"),
    ("Syrian President Ahmed al-Sharaa visited Riyadh, and Sharaa said the talks went well.", "2025-11-20"),
    ("Iran's supreme leader, Ayatollah Ali Khamenei, received President Masoud Pezeshkian.", "2025-11-20"),
    ("Kuwaiti Prime Minister Ahmad Abdullah al-Ahmad al-Sabah met the Emir of Qatar.", "2024-05-01"),
    ("Yemen's Prime Minister Salem bin Breik flew to Aden.", "2025-06-01"),
    ("The late President Ebrahim Raisi was buried in Mashhad.", "2024-06-01"),
    # South Asia
    ("Bangladesh's Chief Adviser Muhammad Yunus met President Mohammed Shahabuddin.", "2025-11-20"),
    ("Prime Minister Sheikh Hasina opened the bridge.", "2024-01-10"),
    ("Former Prime Minister KP Sharma Oli criticised Prime Minister Sushila Karki.", "2025-11-20"),
    ("Sri Lankan President Anura Kumara Dissanayake spoke in Colombo.", "2025-11-20"),
    # South-East and East Asia
    ("Thai Prime Minister Anutin Charnvirakul met Cambodian Prime Minister Hun Manet.", "2025-11-20"),
    ("Vietnam's party chief To Lam met President Luong Cuong and Prime Minister Pham Minh Chinh.", "2025-11-20"),
    ("Former President Ferdinand Marcos ruled by decree for years.", "2025-11-20"),
    ("Myanmar junta chief Min Aung Hlaing met Singapore's Prime Minister Lawrence Wong.", "2025-11-20"),
    ("North Korean leader Kim Jong Un watched the launch, and Kim praised the crew.", "2025-11-20"),
    ("Taiwan's President Lai Ching-te thanked former President Tsai Ing-wen.", "2025-11-20"),
    # Central Asia and Oceania
    ("Kazakh President Kassym-Jomart Tokayev hosted Uzbek President Shavkat Mirziyoyev.", "2025-11-20"),
    ("New Zealand Prime Minister Christopher Luxon met Fijian Prime Minister Sitiveni Rabuka.", "2025-11-20"),
    ("Samoa's Prime Minister La'auli Leuatea Schmidt met Tongan Prime Minister Aisake Eke.", "2025-11-20"),
    # International bodies
    ("ASEAN Secretary-General Kao Kim Hourn and OPEC Secretary General Haitham al-Ghais spoke.", "2025-11-20"),
    # dates corrected by the second check: Saikhanbileg took office on 2014-11-21 (not in
    # December) and Bahah was appointed on 2014-10-13 (his government was sworn in on 11-09)
    ("Mongolian Prime Minister Chimediin Saikhanbileg named his cabinet.", "2014-11-28"),
    ("Yemeni Prime Minister Khaled Bahah met party leaders in Sanaa.", "2014-10-20"),
])
def test_correct_titles_are_silent(text, date):
    assert found(text, date) == set()


@pytest.mark.parametrize("text,date,expected", [
    ("Former Prime Minister Benjamin Netanyahu addressed the Knesset.", "2025-11-20",
     ("former-incumbent", "Former Prime Minister Benjamin Netanyahu")),
    ("Former Chief Adviser Muhammad Yunus spoke in Dhaka.", "2025-11-20",
     ("former-incumbent", "Former Chief Adviser Muhammad Yunus")),
    ("Former President Ferdinand Marcos Jr. spoke in Manila.", "2025-11-20",
     ("former-incumbent", "Former President Ferdinand Marcos Jr")),  # the match stops before "."
])
def test_former_for_a_sitting_holder(text, date, expected):
    assert expected in found(text, date)


@pytest.mark.parametrize("text,date,expected", [
    # kept the title after the handover
    ("President Bashar al-Assad chaired the meeting.", "2025-03-01", "President Bashar al-Assad"),
    ("Prime Minister Sheikh Hasina opened the bridge.", "2025-11-20", "Prime Minister Sheikh Hasina"),
    ("Prime Minister KP Sharma Oli opened the bridge.", "2025-10-01", "Prime Minister KP Sharma Oli"),
    ("Prime Minister Paetongtarn Shinawatra met the envoy.", "2025-09-10", "Prime Minister Paetongtarn Shinawatra"),
    ("Prime Minister Jacinda Ardern met the envoy.", "2024-03-01", "Prime Minister Jacinda Ardern"),
    ("ASEAN Secretary-General Lim Jock Hoi spoke.", "2024-03-01", "ASEAN Secretary-General Lim Jock Hoi"),
    # given the title before taking office (the presidency was vacant after Assad fled)
    ("President Ahmed al-Sharaa named a caretaker government.", "2024-12-20", "President Ahmed al-Sharaa"),
    ("Iranian President Masoud Pezeshkian met the envoy.", "2024-06-15", "Iranian President Masoud Pezeshkian"),
])
def test_title_not_held(text, date, expected):
    assert ("title-not-held", expected) in found(text, date)


@pytest.mark.parametrize("text,date", [
    ("President Bashar al-Assad chaired the meeting.", "2024-06-01"),
    ("Prime Minister KP Sharma Oli opened the bridge.", "2025-03-01"),
    ("Prime Minister Jacinda Ardern met the envoy.", "2020-03-01"),
])
def test_title_held_at_the_time(text, date):
    assert found(text, date) == set()


def test_deceased_leader_acting_recently():
    assert ("deceased-acting", "Iranian President Ebrahim Raisi") in found(
        "Iranian President Ebrahim Raisi said on Sunday that talks would resume.", "2024-06-10")


@pytest.mark.parametrize("text,miss", [
    ("Masoud Pezeshkan, Iran's president, spoke in Tehran.", "Masoud Pezeshkan"),
    ("Shavkat Mirziyoyv, Uzbekistan's president, spoke in Tashkent.", "Shavkat Mirziyoyv"),
    ("Prime Minister Christopher Luxen met the envoy.", "Christopher Luxen"),
])
def test_near_misses_of_leaders_names(text, miss):
    assert ("name-misspelling", miss) in found(text, "2025-11-20")
