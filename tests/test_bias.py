"""The bias packs on drafts: writer's voice is flagged; quotes, names, idioms and other senses are not."""
import datetime as dt
import textwrap

import pytest

from lint.config import Config
from lint.document import parse
from lint.engine import Engine
from lint.findings import Severity
from lint.text import voice
from lint.packs import PackError, build_pack, read_pack
from lint.plugins import build

BIAS = ["loaded-language", "editorializing", "attribution"]


@pytest.fixture(scope="module")
def plugins():
    return build(entry_points=False)


def check(plugins, text, select=BIAS, path="draft.md", config=None):
    engine = Engine(plugins=plugins, date=dt.date(2025, 6, 1), select=select)
    result = engine.check_text(textwrap.dedent(text).lstrip("\n"), path, config=config or Config())
    assert result.error is None, result.error
    return result.findings


def rules_of(findings):
    return sorted({f.rule for f in findings})


def matches(findings):
    return [f.match for f in findings]


# ---------------------------------------------------------------- writer's voice is flagged
def test_loaded_words_in_the_writers_voice_are_found(plugins):
    text = """
    The strongman ordered the arrests on Monday.

    The Velorian regime closed two newspapers.

    Senator Ruiz blasted the ruling and claimed that the judges were biased.

    In a desperate bid to win back voters, the mayor cut the fare.

    Critics say the fare cut is a gimmick.
    """
    found = check(plugins, text)
    assert {"strongman", "regime", "blasted", "claimed", "In a desperate bid", "Critics say"} <= set(matches(found))
    assert "loaded-language.pejorative-title" in rules_of(found)
    assert "attribution.weasel-source" in rules_of(found)


# ---------------------------------------------------------------- quotes, block quotes, comments
def test_direct_quotes_block_quotes_and_comments_are_skipped(plugins):
    text = """
    "The regime is run by a dictator," the exiled journalist said.

    > Make no mistake: this outrageous law will pass.

    She said the plan was "absurd" and left.

    Comments

    What a shocking, disgraceful decision by these thugs.
    """
    found = [f for f in check(plugins, text) if f.category == "bias"]
    assert found == []


def test_a_multi_paragraph_quote_is_skipped_in_every_paragraph(plugins):
    text = """
    “The strongman has jailed every rival,

    “and the regime will not stop there,” the activist said.
    """
    assert check(plugins, text) == []


def test_skip_is_configurable_per_rule(tmp_path, plugins):
    pack = tmp_path / "quoted.yaml"
    pack.write_text(textwrap.dedent("""
        pack: quoted
        description: Flags a label even inside quotes.
        defaults: {category: bias, severity: warning, skip: []}
        rules:
          - id: label-anywhere
            kind: loaded-term
            skip-attributed: false
            terms: {dictator: leader}
            message: "'{match}' is loaded"
            why: An example rule that looks inside quotes on purpose, to test skip.
            examples: {bad: ["\\"He is a dictator,\\" she said."], good: ["He is a leader."]}
    """), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [quoted.yaml]\n", encoding="utf-8")
    engine = Engine(plugins=plugins, date=dt.date(2025, 6, 1))
    result = engine.check_file(_write(tmp_path / "d.md", '"He is a dictator," she said.\n'))
    assert [f.match for f in result.findings] == ["dictator"]


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- headlines
def test_headline_severity_applies_in_headings(plugins):
    text = """
    # Mayor Slams Council Over Budget

    The mayor slammed the council over the budget.
    """
    found = [f for f in check(plugins, text) if f.rule == "loaded-language.sneering-speech-verb"]
    assert [(f.match, f.severity) for f in found] == [("Slams", Severity.SUGGESTION), ("slammed", Severity.WARNING)]


# ---------------------------------------------------------------- names and other senses
@pytest.mark.parametrize("sentence", [
    "The Regime Change Act passed the House in 1998.",
    "Her training regime starts at 5 a.m.",
    "The sanctions regime was tightened in March.",
    "The new tax regime takes effect in April.",
    "Thousands fled the Nazi regime.",
    "The storm ripped the roof off the gym.",
    "A van slammed into a lamppost on Main Street.",
    "Engineers blasted a tunnel through the hill.",
    "The group claimed responsibility for the attack.",
    "She was admitted to hospital on Friday.",
    "He conceded the race shortly after midnight.",
    "The late dictator's palace is now a museum.",
    "She won the strongman contest at the county fair.",
    "Doctors advised a radical mastectomy.",
    "He was convicted of reckless driving.",
    "The village lies on the border.",
    "The course of the river shifted.",
    "Officials expanded the so-called buffer zone.",
    "He woke up at dawn.",
    "Police arrested a man over a bomb hoax.",
    "The anti-racist march drew 2,000 people.",
    "The word \"regime\" appears 40 times in the report.",
    "He called the plan \"reckless\" and voted against it.",
])
def test_names_idioms_and_other_senses_are_left_alone(plugins, sentence):
    found = [f for f in check(plugins, sentence + "\n") if f.category == "bias"]
    assert found == [], [(f.rule, f.match) for f in found]


@pytest.mark.parametrize("sentence", [
    "Opposition leaders called him a dictator.",
    "The president, his critics say, is a strongman.",
    "Human rights groups described the government as a regime that tortures prisoners.",
    "The brutal crackdown must end, the UN envoy said on Tuesday.",
    "According to the union, the cuts are draconian.",
    "Protesters denounced the law as racist.",
])
def test_attributed_views_are_left_alone(plugins, sentence):
    found = [f for f in check(plugins, sentence + "\n", select=["loaded-language"])
             if f.rule not in ("loaded-language.sneering-speech-verb",)]
    assert found == [], [(f.rule, f.match) for f in found]


# ---------------------------------------------------------------- speakers
@pytest.mark.parametrize("sentence,verb", [
    ("Garcia, a Democrat from Ohio, blasted the ruling.", "blasted"),
    ("The senator also sharply criticized the bill and blasted its sponsors.", "blasted"),
    ("The governor tweeted on Sunday, claiming that the count was rigged.", "claiming"),
    ("Critics of the bill slammed it as a giveaway.", "slammed"),
    ("The plan was slammed by critics.", "slammed"),
    ("\"We will win,\" insisted the candidate.", "insisted"),
    ("Rep. Lee (D-Ore.) lashed out at the committee.", "lashed out at"),
    ("She repeatedly claimed that the vote was rigged.", "claimed"),
])
def test_speech_verbs_with_a_speaker_subject_are_found(plugins, sentence, verb):
    assert verb in matches(check(plugins, sentence + "\n", select=["loaded-language"]))


@pytest.mark.parametrize("sentence", [
    "Hurricane Ida slammed the coast on Sunday.",
    "The Tigers blasted the Hawks 9-2.",
    "Fire ripped through the warehouse.",
    "The rocket blasted off at dawn.",
    "Voters rejected the Jones claim that taxes would fall.",
    "The crash claimed four lives.",
    "He insisted on a recount.",
])
def test_speech_verbs_without_a_speaker_are_left_alone(plugins, sentence):
    assert check(plugins, sentence + "\n", select=["loaded-language"]) == []


def test_british_settings_suggest_british_spelling(plugins):
    found = check(plugins, "The minister slammed the report.\n", select=["loaded-language.sneering-speech-verb"],
                  config=Config(language="en-GB"))
    assert found[0].suggestions == ("criticised",)


# ---------------------------------------------------------------- scare quotes and so-called
def test_scare_quotes_and_so_called(plugins):
    text = """
    The "experts" on the panel disagreed.

    Members of the so-called Freedom Council met on Sunday.

    The bill targets so-called dark money.
    """
    found = check(plugins, text, select=["loaded-language.scare-quotes", "loaded-language.so-called-name"])
    assert matches(found) == ['"experts"', "so-called"]
    assert found[1].start > found[0].start


def test_a_repeated_quote_is_not_a_scare_quote(plugins):
    text = """
    The minister called the deal "historic" on Monday.

    Not everyone agreed that the "historic" deal would last.
    """
    assert check(plugins, text, select=["loaded-language.scare-quotes"]) == []


# ---------------------------------------------------------------- escalation and fixes
def test_judgement_on_a_policy_escalates_an_intensifier(plugins):
    found = check(plugins, "The shocking decision surprised nobody.\n\nThe figures were shocking.\n",
                  select=["loaded-language.intensifier"])
    assert [(f.match, f.severity) for f in found] == [("shocking", Severity.WARNING), ("shocking", Severity.SUGGESTION)]


def test_bias_findings_are_never_auto_fixed(plugins):
    text = "The dictator blasted the outrageous ruling. Make no mistake, the regime will fall.\n"
    assert all(f.fix is None for f in check(plugins, text))


def test_possessive_and_plural_forms(plugins):
    found = check(plugins, "The dictator's sons and the regime's generals fled.\n", select=["loaded-language"])
    assert matches(found) == ["dictator", "regime"]


# ---------------------------------------------------------------- helpers
def test_voice_helpers():
    doc = parse("Smith, a former judge, slammed the plan. The storm ripped the roof off.\n", "x.md")
    s1, s2 = doc.sentences
    assert voice.speaker_before(doc, s1.start, doc.text.index("slammed"))
    assert not voice.speaker_before(doc, s2.start, doc.text.index("ripped"))
    doc = parse("The Regime Change Act passed. Regime leaders met.\n", "x.md")
    assert voice.in_name(doc, doc.text.index("Regime"), doc.text.index("Regime") + 6)
    doc = parse("Critics said the regime was brutal.\n", "x.md")
    i = doc.text.index("regime")
    assert voice.attributed(doc, i, i + 6)


def test_a_bad_pattern_is_reported_when_the_pack_loads(tmp_path, plugins):
    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent("""
        pack: bad
        description: A pack with a broken exception.
        defaults: {category: bias}
        rules:
          - id: broken
            kind: loaded-term
            terms: {thug: []}
            exceptions: ['(unclosed']
            message: "'{match}'"
            why: A rule whose exception pattern does not compile at all.
            examples: {bad: ["A thug."], good: ["A man."]}
    """), encoding="utf-8")
    engine = Engine(plugins=plugins)
    with pytest.raises(PackError) as err:
        build_pack(read_pack(path), engine.kinds(), Config().settings())
    assert "bad.yaml:9" in str(err.value) and "exceptions" in str(err.value)


def test_context_patterns_compile_only_when_needed(plugins):
    engine = Engine(plugins=plugins)
    rule = next(r for r in engine.all_rules(Config()) if r.id == "loaded-language.regime-label")
    assert all(not p.is_compiled for p in rule._exceptions)
    # No exception's words stand in the sentence (each needs "regime" beside a word it
    # names): none is compiled, and the label is reported.
    assert len(list(rule.check(parse("The Velorian regime fell.\n", "x.md")))) == 1
    assert all(not p.is_compiled for p in rule._exceptions)
    # "tax regime" is one exception's: that one is compiled, and it excuses the word.
    assert list(rule.check(parse("The Velorian tax regime fell.\n", "x.md"))) == []
    assert any(p.is_compiled for p in rule._exceptions)


# ---------------------------------------------------------------- who is speaking (labels)
LABEL_RULES = ["loaded-language.pejorative-title", "loaded-language.regime-label", "loaded-language.pejorative-epithet"]


@pytest.mark.parametrize("sentence,label", [
    # A speech verb elsewhere in the sentence does not make the writer's reference the speaker's.
    ("The strongman signed the decree on Monday, his office said.", "strongman"),
    ("The strongman's spokesman said the border would reopen.", "strongman"),
    ("Aides said the despot had not slept in the palace since March.", "despot"),
    ("Farmers told reporters the regime had seized their land.", "regime"),
    ("The regime will release 40 prisoners, state television reported.", "regime"),
    ("According to the ministry, the tyrant's health is improving.", "tyrant"),
    ("He called the police after the strongman's guards blocked the road.", "strongman"),
    ("The senator called for the strongman to step down.", "strongman"),
    # A label right before a name is a title the writer chose, even in indirect speech.
    ("Officials said Marlovian strongman Piotr Vasko had left the capital.", "strongman"),
    ("Analysts say dictator Omar Tesfaye will not stand down.", "dictator"),
    # The label is the object, not what it was called.
    ("Critics called the regime a threat to the region.", "regime"),
    ("Witnesses said the minister's thugs beat the marchers.", "thugs"),
])
def test_a_label_the_writer_chose_is_flagged_in_reported_speech(plugins, sentence, label):
    assert label in matches(check(plugins, sentence + "\n", select=LABEL_RULES))


@pytest.mark.parametrize("sentence", [
    # The label is itself what is reported.
    "Critics called him a dictator.",
    "The opposition branded the president a despot.",
    "Protesters dubbed him the last tyrant of Europe.",
    "What the opposition calls a regime has governed since 2004.",
    "The president, whom protesters describe as a tyrant, left on Friday.",
    "Exiles denounced him as a dictator in an open letter.",
    "He is widely seen as a strongman.",
    "The opposition, which calls the government a regime, boycotted the vote.",
    # A predicate or an indefinite characterisation in reported content.
    "He is a dictator, the opposition leader said.",
    "Union leaders say the prime minister has become a strongman.",
    "Rebels said a dictator had seized power in the north.",
    "Witnesses said the men who beat the marchers were thugs hired by the party.",
    # Direct quotes, including one over two paragraphs without a closing mark.
    "\"The strongman has jailed every rival,\" the activist said.",
    "“The strongman has jailed every rival.\n\n“The regime will not stop there,” the activist said.",
    "“He is a despot,\n\n“and his henchmen run the courts,” she said.",
])
def test_a_reported_or_quoted_label_is_left_alone(plugins, sentence):
    assert check(plugins, sentence + "\n", select=LABEL_RULES) == []


def test_a_closing_mark_ends_a_quote_over_paragraphs(plugins):
    text = """
    “The strongman has jailed every rival.

    “He will not stop there,” the activist said.

    The strongman denied the charge on Tuesday, his office said.
    """
    assert matches(check(plugins, text, select=LABEL_RULES)) == ["strongman"]


# ---------------------------------------------------------------- editorializing in the writer's voice
@pytest.mark.parametrize("sentence,rule,match", [
    ("Alarmingly, the reservoir is at 12 percent.", "verdict-adverb", "Alarmingly"),
    ("Fittingly, the ceremony was held in the old mill.", "verdict-adverb", "Fittingly"),
    ("Inexcusably, the repairs were never made.", "verdict-adverb", "Inexcusably"),
    ("The ruling, shamefully, came too late for the family.", "verdict-adverb", "shamefully"),
    ("Mercifully, nobody was inside the hall.", "verdict-adverb", "Mercifully"),
    ("Even worse, the money is gone.", "verdict-adverb", "Even worse"),
    ("More troubling, the files were deleted.", "verdict-adverb", "More troubling"),
    ("Bizarrely, the contract was signed twice.", "verdict-adverb", "Bizarrely"),
    ("You might think the plan is dead. It is not.", "reader-address", "You might think"),
    ("Voters, you would think, would notice the rise.", "reader-address", "you would think"),
    ("As you might expect, the bid went to the mayor's cousin.", "reader-address", "As you might expect"),
    ("Here's the thing: nobody asked the residents.", "rhetorical-setup", "Here's the thing"),
    ("Let's be honest, the scheme never worked.", "rhetorical-setup", "Let's be honest"),
    ("Ask yourself: who gains from the delay?", "rhetorical-setup", "Ask yourself"),
    ("The irony? The minister wrote the rule herself.", "rhetorical-setup", "The irony?"),
    ("So much for transparency at city hall.", "rhetorical-setup", "So much for"),
    ("Get this: the contract was never signed.", "rhetorical-setup", "Get this"),
    ("It's no secret that the mayor wants a second term.", "commentary-aside", "It's no secret"),
    ("The collapse is a textbook case of weak oversight.", "commentary-aside", "textbook case of"),
    ("The real story here is the contract.", "commentary-aside", "real story here"),
    ("The gap between the two figures beggars belief.", "commentary-aside", "beggars belief"),
])
def test_editorializing_shapes_are_found(plugins, sentence, rule, match):
    found = check(plugins, sentence + "\n", select=["editorializing"])
    assert ("editorializing." + rule, match) in [(f.rule, f.match) for f in found]


@pytest.mark.parametrize("sentence", [
    # Connectives, hedges, manner adverbs, adverbs inside their clause.
    "Accordingly, the hearing was moved to Thursday.",
    "Increasingly, farmers sell their grain online.",
    "Arguably, the law is the strictest in Europe.",
    "Additionally, the city will hire 40 officers.",
    "A surprisingly large crowd waited outside.",
    "She spoke clearly, and the jury listened.",
    "More importantly for commuters, the line reopens on Tuesday.",
    "Naturally, I asked the driver where he was going.",
    # Service journalism and explainers: "you" in instructions and conditions.
    "If you think you may have the virus, stay at home.",
    "You may be eligible for help with heating bills.",
    "You should call 999 if someone is in danger.",
    "Here's how to apply for the grant.",
    "Here's what you need to know about the strike.",
    "Ask your pharmacist before changing the dose.",
    "Ask yourself whether you can afford the repayments before you borrow.",
    "Think about your budget before you sign.",
    "The answer? More buses, the report says.",
    "Let's look at the numbers.",
    "You could think of it as a small estate car.",
    # Other senses and quotes.
    "She made no secret of her plans.",
    "The council spent so much for so little.",
    "There was no wonder drug for the disease.",
    "\"Make no mistake, we will win,\" the candidate said.",
    "\"Tellingly, nobody came,\" the organiser said.",
    "Worse, he said, the money had already gone.",
])
def test_editorializing_leaves_these_alone(plugins, sentence):
    found = check(plugins, sentence + "\n", select=["editorializing"])
    assert found == [], [(f.rule, f.match) for f in found]


def test_a_piece_in_the_writers_own_person_is_not_news_copy(plugins):
    column = """
    I have covered this council for a decade, and I have never seen a budget like it.

    We asked the treasurer for the figures three times.

    Here's the thing: nobody on the council has read the report.

    My advice is simple: if you live in the ward, go to the meeting on Tuesday.
    """
    assert check(plugins, column, select=["editorializing.rhetorical-setup"]) == []
    news = """
    The council approved the budget on Tuesday by six votes to three.

    The treasurer said the figures would be published next week.

    Here's the thing: nobody on the council has read the report.

    The next meeting is on March 4.
    """
    assert matches(check(plugins, news, select=["editorializing.rhetorical-setup"])) == ["Here's the thing"]


def test_personal_voice_ignores_quotes_roman_numerals_and_the_us():
    doc = parse(textwrap.dedent("""
        "I will not resign," the mayor said on Monday.

        The US and Britain signed the accord after World War I ended.

        Charles I was executed in 1649.

        "We are tired," one resident said.
    """).lstrip("\n"), "x.md")
    assert not voice.personal_voice(doc, 0)


def test_loaded_term_rejects_an_unknown_position_or_attribution(tmp_path, plugins):
    for key, value in (("position", "middle"), ("attribution", "paragraph")):
        path = tmp_path / f"{key}.yaml"
        path.write_text(textwrap.dedent(f"""
            pack: odd
            description: A pack with an unknown setting.
            defaults: {{category: bias}}
            rules:
              - id: odd
                kind: loaded-term
                {key}: {value}
                terms: {{thug: []}}
                message: "'{{match}}'"
                why: A rule whose setting is not one of the allowed values.
                examples: {{bad: ["A thug."], good: ["A man."]}}
        """), encoding="utf-8")
        engine = Engine(plugins=plugins)
        with pytest.raises(PackError) as err:
            build_pack(read_pack(path), engine.kinds(), Config().settings())
        assert key in str(err.value)
