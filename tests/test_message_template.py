"""A finding's message: the fast path for templates of bare field names words it exactly as
string.Formatter (the plain path, still used for any other template) does."""
import pytest

from lint.rule import _FORMAT, format_template

VALUES = {"match": "Kiev", "suggestion": "Kyiv", "lines": 3, "size": "3 lines", "first": "Share {this}",
          "grade": 12.5, "none": None}
TEMPLATES = [
    "'{match}' is the old spelling; use '{suggestion}'",
    "{size} of page furniture: {first}",
    "{lines} lines, grade {grade}, {none}, {missing} and {{braces}} kept",
    "no fields at all",
    "",
    "{match}{suggestion}",
    "{grade:.1f} and {lines!r}",  # a spec and a conversion: the plain path
    "{0} and {match.upper} and {match[0]}",  # numbered, attribute, index: the plain path
    "{} alone",
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_fast_template_formatting_equals_the_formatter(template):
    assert format_template(template, VALUES) == _FORMAT.format(template, **VALUES)


@pytest.mark.parametrize("template", ["a } b", "a { b", "{match"])
def test_a_bad_template_raises_as_the_formatter_does(template):
    with pytest.raises(ValueError):
        _FORMAT.format(template, **VALUES)
    with pytest.raises(ValueError):
        format_template(template, VALUES)
