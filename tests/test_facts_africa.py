"""The African fact packs (africa-north-west.yaml, africa-east-south.yaml) through the real fact rules.

Each case is a sentence of our own dated with ``date=``; the engine loads every shipped fact
pack, as a run of ``newslint check`` does.
"""

import pytest
from shipped_facts import found






# ------------------------------------------------------------------ correct copy is silent
@pytest.mark.parametrize("text,date", [
    # North Africa
    ("Egyptian President Abdel Fattah el-Sisi met Tunisian President Kais Saied in Cairo.", "2025-06-01"),
    ("Moroccan King Mohammed VI received Algerian President Abdelmadjid Tebboune.", "2025-06-01"),
    # Libya: only the Tripoli government is modelled, so an eastern prime minister is not judged
    ("Libyan Prime Minister Osama Hammad met Khalifa Haftar in Benghazi, while Prime Minister "
     "Abdul Hamid Dbeibah met Presidential Council head Mohamed al-Menfi in Tripoli.", "2025-06-01"),
    # West Africa, with coup leaders under the titles journalists give them
    ("Nigerian President Bola Tinubu met Ghana's President John Mahama in Accra.", "2025-06-01"),
    ("Burkina Faso's junta leader Ibrahim Traore met Niger's junta leader Abdourahamane Tchiani.", "2025-06-01"),
    ("Deposed Nigerien President Mohamed Bazoum remains in detention.", "2023-08-15"),
    ("Nigerien President Mohamed Bazoum met the envoy.", "2023-06-01"),
    ("Togo's President of the Council of Ministers Faure Gnassingbé spoke after Togolese "
     "President Jean-Lucien Savi de Tové.", "2025-06-01"),
    ("Transitional President Horta N'Tam was sworn in in Bissau.", "2025-11-29"),
    # Central Africa: "Congolese" is written of both Congos, so it names neither office
    ("Congolese President Denis Sassou Nguesso met Congolese President Félix Tshisekedi.", "2025-06-01"),
    ("Equatorial Guinean President Teodoro Obiang greeted Gabon's junta leader Brice Oligui Nguema.", "2023-10-01"),
    ("Chad's transitional President Mahamat Idriss Deby flew to Paris.", "2021-06-15"),
    # East Africa: Ethiopian and Eritrean leaders go by their given names
    ("Prime Minister Abiy said the dam was finished; President Isaias did not comment.", "2025-06-01"),
    ("Former President Uhuru Kenyatta and President William Ruto attended.", "2025-06-01"),
    ("South Sudanese President Salva Kiir met Sudan's Sovereignty Council chief Abdel Fattah al-Burhan.", "2025-06-01"),
    # southern Africa
    ("King Mswati III and King Letsie III met Zimbabwean President Emmerson Mnangagwa.", "2025-06-01"),
    ("The late Namibian President Hage Geingob was buried in Windhoek.", "2024-03-01"),
])
def test_correct_copy_is_silent(text, date):
    assert found(text, date) == set()


# ------------------------------------------------------------------ handovers, coups, misspellings
@pytest.mark.parametrize("text,date,expected", [
    # North Africa
    ("Former President Abdel Fattah al-Sisi spoke.", "2025-06-01",
     ("former-incumbent", "Former President Abdel Fattah al-Sisi")),
    ("President Kais Saied met Prime Minister Youssef Chahed.", "2020-06-01",
     ("title-not-held", "Prime Minister Youssef Chahed")),
    ("Tunisian President Kais Saeed spoke.", "2025-06-01", ("name-misspelling", "Kais Saeed")),
    # West Africa
    ("Ghana's President John Mahama met the envoy.", "2024-06-01",
     ("title-not-held", "Ghana's President John Mahama")),
    ("Nigerian President Bola Tinibu spoke in Abuja.", "2025-06-01", ("name-misspelling", "Bola Tinibu")),
    ("Nigerien President Mohamed Bazoum met the envoy.", "2023-08-15",
     ("title-not-held", "Nigerien President Mohamed Bazoum")),
    ("Burkina Faso's junta leader Paul-Henri Damiba met the envoy.", "2022-11-01",
     ("title-not-held", "Burkina Faso's junta leader Paul-Henri Damiba")),
    ("Guinea-Bissau's President Umaro Sissoco Embalo met the envoy.", "2025-11-29",
     ("title-not-held", "Guinea-Bissau's President Umaro Sissoco Embalo")),
    ("Malian President Bah Ndaw met the envoy.", "2021-06-15",
     ("title-not-held", "Malian President Bah Ndaw")),
    # Central Africa
    ("Gabonese President Ali Bongo Ondimba met the envoy.", "2023-10-01",
     ("title-not-held", "Gabonese President Ali Bongo Ondimba")),
    # East Africa
    ("Prime Minister Abiy Ahmed met the envoy.", "2017-06-01", ("title-not-held", "Prime Minister Abiy Ahmed")),
    ("Kenyan President William Rutto spoke.", "2025-06-01", ("name-misspelling", "William Rutto")),
    ("Sudanese President Omar al-Bashir met the envoy.", "2025-06-01",
     ("title-not-held", "Sudanese President Omar al-Bashir")),
    ("Somali President Mohamed Abdullahi Farmaajo met the envoy.", "2025-06-01",
     ("title-not-held", "Somali President Mohamed Abdullahi Farmaajo")),
    ("President Andry Rajoelina met the envoy.", "2025-11-20", ("title-not-held", "President Andry Rajoelina")),
    # southern Africa
    ("Malawian President Lazarus Chakwera met the envoy.", "2025-11-01",
     ("title-not-held", "Malawian President Lazarus Chakwera")),
    ("Former Namibian President Hage Geingob spoke.", "2023-06-01",
     ("former-incumbent", "Former Namibian President Hage Geingob")),
    ("Zimbabwean President Emerson Mnangagwa spoke.", "2025-06-01", ("name-misspelling", "Emerson Mnangagwa")),
])
def test_wrong_copy_is_flagged(text, date, expected):
    assert expected in found(text, date)


@pytest.mark.parametrize("text,date", [
    # month precision: the handover month itself is not decided
    ("Malian President Bah Ndaw met the envoy.", "2021-05-20"),
    ("President Andry Rajoelina met the envoy.", "2025-10-10"),
])
def test_handover_month_is_not_decided(text, date):
    assert found(text, date) == set()


# ------------------------------------------------------------------ the second pass's corrections
# Mauritania's Ould Hademine stayed prime minister until 2018-10-29 (the first pass ended his
# term on 2018-06-29); Chad's Padacke was named on 2016-02-13.
@pytest.mark.parametrize("text,date", [
    ("Mauritanian Prime Minister Yahya Ould Hademine opened the session.", "2018-08-15"),
    ("Chadian Prime Minister Albert Pahimi Padacké named his cabinet.", "2016-02-14"),
])
def test_corrected_handovers_are_silent(text, date):
    assert found(text, date) == set()


@pytest.mark.parametrize("text,date,expected", [
    ("Mauritanian Prime Minister Yahya Ould Hademine opened the session.", "2018-11-15",
     ("title-not-held", "Mauritanian Prime Minister Yahya Ould Hademine")),
    ("Mauritanian Prime Minister Mohamed Salem Ould Béchir opened the session.", "2018-08-15",
     ("title-not-held", "Mauritanian Prime Minister Mohamed Salem Ould Béchir")),
])
def test_corrected_handovers_are_flagged(text, date, expected):
    assert expected in found(text, date)
