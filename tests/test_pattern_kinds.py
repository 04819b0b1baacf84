"""The pattern kinds on their own: word boundaries, phrases, apostrophes, case, scopes."""
import datetime as dt
import textwrap

from lint.config import load_config
from lint.engine import Engine
from lint.plugins import build


def run(tmp_path, rule_yaml, text):
    (tmp_path / "p.yaml").write_text(textwrap.dedent("""\
        pack: t
        description: test pack
        defaults: {category: style}
        rules:
        """) + textwrap.indent(textwrap.dedent(rule_yaml), "  "))
    (tmp_path / ".newslint.yaml").write_text("packs: [p.yaml]\n")
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 1, 1))
    res = engine.check_text(text, str(tmp_path / "d.md"), config=load_config(str(tmp_path / ".newslint.yaml")))
    return [(f.match, f.suggestions, f.fix) for f in res.findings]


RULE = """\
- id: r
  kind: substitution
  swap: {Kiev: Kyiv, "the Ukraine": Ukraine, "Byelorussia": [Belarus], "Côte d'Ivoire": Ivory Coast}
  safe: true
  message: m
  why: w
  examples: {bad: [x], good: [y]}
"""


def test_substitution_words_phrases_case_and_apostrophes(tmp_path):
    found = run(tmp_path, RULE, "Kiev and KIEV, not Kievan; in the\nUkraine; Côte d’Ivoire; Byelorussian.\n")
    assert found == [("Kiev", ("Kyiv",), "Kyiv"), ("KIEV", ("KYIV",), "KYIV"),
                     ("the\nUkraine", ("Ukraine",), "Ukraine"), ("Côte d’Ivoire", ("Ivory Coast",), "Ivory Coast")]


def test_longest_term_wins(tmp_path):
    rule = RULE.replace("swap: {Kiev: Kyiv,", "swap: {Kiev: Kyiv, \"Kiev Oblast\": Kyiv Oblast,")
    assert run(tmp_path, rule, "Kiev Oblast\n") == [("Kiev Oblast", ("Kyiv Oblast",), "Kyiv Oblast")]


def test_existence_line_scope(tmp_path):
    rule = """\
    - id: r
      kind: existence
      tokens: [read more]
      scope: line
      message: m
      why: w
      examples: {bad: [x], good: [y]}
    """
    assert run(tmp_path, rule, "  Read more  \nShe will read more.\n") == [("Read more", (), None)]
