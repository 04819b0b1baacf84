"""The bias packs on drafts: writer's voice is flagged; quotes, names, idioms and other senses are not."""
import datetime as dt
import textwrap

import pytest

from lint.config import Config
from lint.document import parse
from lint.engine import Engine
from lint.findings import Severity
from lint.kinds import voice
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
    assert all(p._compiled is None for p in rule._exceptions)
    list(rule.check(parse("The Velorian regime fell.\n", "x.md")))
    assert any(p._compiled is not None for p in rule._exceptions)
