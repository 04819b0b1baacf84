"""``readability``: sentences and paragraphs that run too long, drafts above a target grade.

Thresholds come from the pack (``max``, and ``desks`` for per-desk values) and can be
overridden in the config::

    settings:
      readability:
        sentence-words: 40            # every desk
        desks:
          sports: {sentence-words: 30, grade: 9}

The desk is the draft's front matter ``desk:``. A value in the config beats the pack's;
within each, a desk's value beats the general one.
"""
from __future__ import annotations

from typing import Any, Iterable

from .. import readability
from ..document import Document
from ..findings import Finding
from ..rule import NUMBER, STRING, Param, ParamError, Rule

MEASURES = ("sentence-words", "paragraph-words", "grade")


def _desks(value: Any) -> dict[str, float]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise ParamError("expected a mapping of desk name to a number")
    return {k.lower(): v for k, v in value.items()}


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


class Readability(Rule):
    """Sentences or paragraphs over a number of words, or a draft above a Flesch-Kincaid
    grade, with a limit per desk if the front matter names one. The message may use
    ``{words}``, ``{max}``, ``{limit}`` (whose limit) and, for the grade, ``{grade}``."""

    kind = "readability"
    params = {
        "measure": Param(STRING, "what to measure: words per sentence or paragraph, or the draft's Flesch-Kincaid grade",
                         required=True, choices=MEASURES),
        "max": Param(NUMBER, "the highest acceptable value (words, or a Flesch-Kincaid grade)", required=True),
        "desks": Param(_desks, "per-desk maximums, by the front matter's 'desk:'", default={},
                       type="mapping of desk to number"),
        "min-words": Param(NUMBER, "grade only: drafts shorter than this are not graded", default=150),
    }

    def setup(self) -> None:
        section = self.settings.section("readability")
        self._config = section
        self._counter = readability.counter_for(section)

    def limit(self, desk: str | None) -> tuple[float, str]:
        """The threshold for a desk and where it came from (for the message)."""
        measure = self.options["measure"]
        desks = self._config.get("desks")
        if desk and isinstance(desks, dict):
            value = _number((desks.get(desk) or {}).get(measure)) if isinstance(desks.get(desk), dict) else None
            if value is not None:
                return value, f"the {desk} desk's limit"
        value = _number(self._config.get(measure))
        if value is not None:
            return value, "the configured limit"
        if desk and desk in self.options["desks"]:
            return self.options["desks"][desk], f"the {desk} desk's limit"
        return self.options["max"], "the limit"

    def check(self, doc: Document) -> Iterable[Finding]:
        measure = self.options["measure"]
        limit, source = self.limit(readability.desk_of(doc))
        sentences, paragraphs = readability.body_counts(doc)  # words only: no syllables yet
        if measure in ("sentence-words", "paragraph-words"):
            for start, end, words in sentences if measure == "sentence-words" else paragraphs:
                if words > limit:
                    yield self.finding(doc, start, end, words=words, max=_fmt(limit), limit=source)
            return
        words = sum(w for _s, _e, w in paragraphs)
        if words < self.options["min-words"] or not sentences:
            return
        grade = readability.flesch_kincaid_grade(words, len(sentences), readability.body_syllables(doc, self._counter))
        if grade <= limit:
            return
        # The syllables of each sentence only for a draft above the grade.
        units, _paragraphs = readability.body_units(doc, self._counter)
        hardest = max(units, key=lambda u: (readability.flesch_kincaid_grade(u.words, 1, u.syllables), -u.start))
        yield self.finding(doc, hardest.start, hardest.end, grade=_fmt(grade), max=_fmt(limit), limit=source,
                           words=words)
