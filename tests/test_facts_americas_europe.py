"""The americas and europe fact packs through the real fact rules, on sentences of our own.

Each case names the article date: a correct title is silent, a title given to a predecessor
after the handover or to a successor before it is flagged, "former" for the holder of the
day is flagged, and a near misspelling of a leader's name is flagged.
"""

import pytest
from shipped_facts import found

from lint import facts
from lint.facts import loader





def test_packs_load_and_are_current_to_the_same_day():
    paths = [p for p in facts.shipped_fact_packs() if p.endswith(("americas.yaml", "europe.yaml"))]
    assert len(paths) == 2
    problems, _ = loader.validate(facts.shipped_fact_packs())
    assert problems == []
    base = facts.fact_base()
    assert {"americas-leaders", "europe-leaders"} <= {p.name for p in base.packs}
    assert all(str(p.as_of) == "2025-11-30" for p in base.packs if p.name in {"americas-leaders", "europe-leaders"})


# ------------------------------------------------------------------ Latin America
@pytest.mark.parametrize("text,date,expected", [
    # Peru: seven presidents since 2016; Jeri from 2025-10-10
    ("Peruvian President Dina Boluarte met the delegation in Lima.", "2024-06-01", set()),
    ("Peruvian President Dina Boluarte met the delegation in Lima.", "2025-11-20",
     {("title-not-held", "Peruvian President Dina Boluarte")}),
    ("Peruvian President José Jerí met the delegation in Lima.", "2025-11-20", set()),
    ("Peruvian President José Jerí met the delegation in Lima.", "2025-06-01",
     {("title-not-held", "Peruvian President José Jerí")}),
    # Bolivia: Paz inaugurated 2025-11-08
    ("Bolivian President Luis Arce opened the session.", "2025-11-01", set()),
    ("Bolivian President Luis Arce opened the session.", "2025-11-20",
     {("title-not-held", "Bolivian President Luis Arce")}),
    ("Bolivian President Rodrigo Paz opened the session.", "2025-11-20", set()),
    # "former" for the president of the day
    ("Former President Gustavo Petro spoke in Cartagena.", "2025-06-01",
     {("former-incumbent", "Former President Gustavo Petro")}),
    ("Former President Iván Duque spoke in Cartagena.", "2025-06-01", set()),
    # name forms: accents may be dropped; a near miss is flagged
    ("Venezuelan President Nicolas Maduro and opposition leader Maria Corina Machado traded barbs.", "2025-11-20", set()),
    ("Venezuelan President Nicolás Madura gave a speech.", "2025-11-20",
     {("name-misspelling", "Nicolás Madura")}),
    ("Venezuelan Vice President Delcy Rodríguez spoke for the government.", "2025-11-20", set()),
    ("Venezuelan Vice President Tareck El Aissami spoke for the government.", "2025-11-20",
     {("title-not-held", "Venezuelan Vice President Tareck El Aissami")}),
    # Nicaragua: Murillo vice-president from 2017, co-president from February 2025
    ("Nicaraguan Vice President Rosario Murillo read the statement.", "2024-06-01", set()),
    ("Nicaraguan Co-President Rosario Murillo read the statement beside President Daniel Ortega.", "2025-06-01", set()),
    ("Nicaraguan President Rosario Murillo read the statement.", "2024-06-01",
     {("title-not-held", "Nicaraguan President Rosario Murillo")}),
    # Guaido's interim claim is not a term, so the title is not judged
    ("Interim President Juan Guaidó toured the region while President Nicolás Maduro stayed in Caracas.", "2019-03-01", set()),
    # Haiti: no president after the assassination; the council's president rotates
    ("Haitian President Jovenel Moïse spoke at the palace.", "2019-05-01", set()),
    ("Transitional Presidential Council President Laurent Saint-Cyr met the envoy.", "2025-11-20", set()),
    ("Transitional Presidential Council President Fritz Alphonse Jean met the envoy.", "2025-11-20",
     {("title-not-held", "Transitional Presidential Council President Fritz Alphonse Jean")}),
    # quotes are skipped
    ("\"Peruvian President Dina Boluarte is gone,\" a lawmaker said.", "2025-11-20", set()),
    # maternal surnames of full legal names are not read as bare surnames of our people:
    # "President Sanchez" is not Danilo Medina Sanchez, "President Zelaya" not Xiomara Castro
    ("President Sánchez and President Calderón met. President Zelaya spoke later.", "2025-11-20", set()),
])
def test_latin_america(text, date, expected):
    assert found(text, date) == expected


# ------------------------------------------------------------------ Caribbean
@pytest.mark.parametrize("text,date,expected", [
    ("Jamaican Prime Minister Andrew Holness toured the parishes.", "2025-11-20", set()),
    ("St. Vincent Prime Minister Ralph Gonsalves addressed the nation.", "2025-11-20", set()),
    ("St. Vincent Prime Minister Ralph Gonsalves addressed the nation.", "2025-11-29",
     {("title-not-held", "St. Vincent Prime Minister Ralph Gonsalves")}),
    ("Trinidad and Tobago Prime Minister Stuart Young spoke.", "2025-04-01", set()),
    ("Trinidad and Tobago Prime Minister Stuart Young spoke.", "2025-06-01",
     {("title-not-held", "Trinidad and Tobago Prime Minister Stuart Young")}),
    ("Former Prime Minister Kamla Persad-Bissessar spoke.", "2025-06-01",
     {("former-incumbent", "Former Prime Minister Kamla Persad-Bissessar")}),
    ("Former Prime Minister Kamla Persad-Bissessar spoke.", "2020-06-01", set()),
])
def test_caribbean(text, date, expected):
    assert found(text, date) == expected


# ------------------------------------------------------------------ Ukraine, Belarus, Moldova
@pytest.mark.parametrize("text,date,expected", [
    ("Ukrainian President Volodymyr Zelenskyy met Prime Minister Yulia Svyrydenko in Kyiv.", "2025-11-20", set()),
    ("Ukrainian President Volodymyr Zelensky spoke. Later Zelensky left.", "2025-11-20", set()),
    ("Ukrainian Prime Minister Denys Shmyhal presented the budget.", "2024-09-01", set()),
    ("Ukrainian Prime Minister Denys Shmyhal presented the budget.", "2025-11-20",
     {("title-not-held", "Ukrainian Prime Minister Denys Shmyhal")}),
    ("Former President Volodymyr Zelensky spoke.", "2025-11-20",
     {("former-incumbent", "Former President Volodymyr Zelensky")}),
    ("Former President Petro Poroshenko spoke.", "2025-11-20", set()),
    ("Ukrainian President Volodymyr Zelenksy spoke.", "2025-11-20",
     {("name-misspelling", "Volodymyr Zelenksy")}),
    # Belarus: the president is in belarus.yaml, the prime minister here
    ("Belarusian Prime Minister Alexander Turchin met President Alexander Lukashenko.", "2025-11-20", set()),
    ("Belarusian Prime Minister Roman Golovchenko met President Alexander Lukashenko.", "2025-11-20",
     {("title-not-held", "Belarusian Prime Minister Roman Golovchenko")}),
    ("Moldovan President Maia Sandu named Alexandru Munteanu.", "2025-11-20", set()),
    # the foreign minister and the head of the presidential office
    ("Ukrainian Foreign Minister Andrii Sybiha met his counterparts.", "2025-11-20", set()),
    ("Foreign Minister Dmytro Kuleba met his Ukrainian colleagues.", "2025-11-20",
     {("title-not-held", "Foreign Minister Dmytro Kuleba")}),
    ("Head of the Office of the President of Ukraine Andriy Yermak led the delegation.", "2025-11-20", set()),
    ("Head of the Office of the President of Ukraine Andriy Yermak led the delegation.", "2025-11-29",
     {("title-not-held", "Head of the Office of the President of Ukraine Andriy Yermak")}),
    ("Moldovan Prime Minister Dorin Recean visited Brussels.", "2025-11-20",
     {("title-not-held", "Moldovan Prime Minister Dorin Recean")}),
])
def test_eastern_europe(text, date, expected):
    assert found(text, date) == expected


# ------------------------------------------------------------------ Balkans, Caucasus, EFTA, microstates
@pytest.mark.parametrize("text,date,expected", [
    ("Serbian President Aleksandar Vucic met Norwegian Prime Minister Jonas Gahr Store.", "2025-11-20", set()),
    ("Norwegian Prime Minister Erna Solberg met the king.", "2025-11-20",
     {("title-not-held", "Norwegian Prime Minister Erna Solberg")}),
    ("Georgian President Salome Zourabichvili spoke in Tbilisi.", "2024-06-01", set()),
    ("Georgian President Salome Zourabichvili spoke in Tbilisi.", "2025-03-01",
     {("title-not-held", "Georgian President Salome Zourabichvili")}),
    ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed the text.", "2025-08-08", set()),
    # Switzerland: one calendar year each
    ("Swiss President Viola Amherd opened the conference.", "2024-06-01", set()),
    ("Swiss President Viola Amherd opened the conference.", "2025-06-01",
     {("title-not-held", "Swiss President Viola Amherd")}),
    ("Swiss President Karin Keller-Sutter opened the conference.", "2025-06-01", set()),
    # Icelandic letters: the forms without accents are accepted
    ("Icelandic Prime Minister Katrin Jakobsdottir met the delegation.", "2023-06-01", set()),
    ("Icelandic Prime Minister Kristrún Frostadóttir met the delegation.", "2025-06-01", set()),
    ("Icelandic Prime Minister Kristrun Frostadottir met the delegation.", "2023-06-01",
     {("title-not-held", "Icelandic Prime Minister Kristrun Frostadottir")}),
    ("Cardinal Secretary of State Pietro Parolin received the delegation.", "2025-11-20", set()),
])
def test_rest_of_europe(text, date, expected):
    assert found(text, date) == expected


# ------------------------------------------------------------------ dates set by the second check
@pytest.mark.parametrize("text,date,expected", [
    # Moldova, June 2019: two rival governments for a week, so Filip's end is the month only
    ("Moldovan Prime Minister Pavel Filip refused to hand over.", "2019-06-10", set()),
    ("Moldovan Prime Minister Maia Sandu took the oath.", "2019-06-10", set()),
    ("Moldovan Prime Minister Pavel Filip refused to hand over.", "2019-07-15",
     {("title-not-held", "Moldovan Prime Minister Pavel Filip")}),
    # Haiti: Lafontant stayed on after resigning until Ceant's installation on 2018-09-17
    ("Haitian Prime Minister Jack Guy Lafontant chaired the meeting.", "2018-09-10", set()),
    ("Haitian Prime Minister Jack Guy Lafontant chaired the meeting.", "2018-09-20",
     {("title-not-held", "Haitian Prime Minister Jack Guy Lafontant")}),
    ("Haitian Prime Minister Jean-Henry Céant chaired the meeting.", "2018-09-20", set()),
    # Monaco: the handover of January 2025 (interim from the 10th, his death on the 17th) is left undecided
    ("Monaco's Minister of State Didier Guillaume was taken to hospital.", "2025-01-12", set()),
    # Moldova, spring 2013: Leanca acted from late April, before his government's oath
    ("Moldovan Prime Minister Iurie Leanca spoke.", "2013-05-10", set()),
    # Barbados: Bostic sworn in on the morning of 2025-11-30
    ("Barbadian President Sandra Mason opened Parliament.", "2025-11-20", set()),
    ("Barbadian President Jeffrey Bostic opened Parliament.", "2025-11-20",
     {("title-not-held", "Barbadian President Jeffrey Bostic")}),
    ("Barbadian President Jeffrey Bostic took the salute.", "2025-11-30", set()),
    # Venezuela: Maduro's acting presidency before his inauguration of 2013-04-19
    ("Venezuelan President Nicolás Maduro addressed the nation.", "2013-03-25", set()),
    # Bosnia: between the House's confirmation of Kristo (2022-12-28) and of her council
    # (2023-01-25) both she and the outgoing Tegeltija are accepted as chair
    ("Chairman of the Council of Ministers of Bosnia and Herzegovina Zoran Tegeltija spoke.", "2023-01-10", set()),
    ("Chairwoman of the Council of Ministers of Bosnia and Herzegovina Borjana Kristo spoke.", "2023-01-10", set()),
    ("Chairman of the Council of Ministers of Bosnia and Herzegovina Zoran Tegeltija spoke.", "2023-03-10",
     {("title-not-held", "Chairman of the Council of Ministers of Bosnia and Herzegovina Zoran Tegeltija")}),
    ("Chairwoman of the Council of Ministers of Bosnia and Herzegovina Borjana Kristo spoke.", "2022-12-10",
     {("title-not-held", "Chairwoman of the Council of Ministers of Bosnia and Herzegovina Borjana Kristo")}),
    # Grenada: Keith Mitchell sworn in the day after the election of 2013-02-19
    ("Grenadian Prime Minister Keith Mitchell named his cabinet.", "2013-02-25", set()),
])
def test_second_check_dates(text, date, expected):
    assert found(text, date) == expected
