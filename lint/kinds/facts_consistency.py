"""``facts-consistency``: one person's name spelled two ways in one draft.

"Alexander Lukashenko" in one paragraph and "Lukashenka" in the next; "Sviatlana
Tsikhanouskaya" and "Svetlana Tikhanovskaya". Both may be accepted transliterations;
the draft should still use one. Longer and shorter forms of the same spelling
("Donald J. Trump", "Trump") are not variants, and neither are different names
("Lula" and "Luiz Inácio Lula da Silva").
"""
from __future__ import annotations

from typing import Iterable

from typing import TYPE_CHECKING

from ..document import Document
from ..facts.rulebase import FactRule
from ..facts.text import strip_accents, tokens_of
from ..text.distance import osa
from ..findings import Finding


if TYPE_CHECKING:  # pragma: no cover
    from ..facts.analysis import Mention


def _words(m: "Mention") -> list[str]:
    return [t.text for t in tokens_of(m.text)]


def _fold(w: str) -> str:
    return w.replace("’", "'").replace(".", "").casefold()


def _similar(a: str, b: str) -> bool:
    a2, b2 = strip_accents(_fold(a)), strip_accents(_fold(b))
    if a2 == b2:
        return True
    lim = max(2, min(len(a2), len(b2)) // 3)
    if a2[:1] != b2[:1]:
        return min(len(a2), len(b2)) >= 4 and osa(a2, b2, 1) <= 1  # "Carl" and "Karl"
    return osa(a2, b2, lim) <= lim


def variant(first: list[str], later: list[str]) -> list[tuple[str, str]] | None:
    """The differing word pairs when ``later`` spells ``first`` differently, aligned at the end."""
    n = min(len(first), len(later))
    if n == 0:
        return None
    pairs = list(zip(first[-n:], later[-n:]))
    diffs = [(x, y) for x, y in pairs if _fold(x) != _fold(y)]
    if not diffs:
        return None
    if all(_similar(x, y) for x, y in diffs):
        return diffs
    return None


class NameConsistency(FactRule):
    """A known person's name spelled two ways in one draft; the message names the
    spelling used first."""

    kind = "facts-consistency"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        a = self.analysis(doc)
        for pid, mentions in a.by_person.items():
            seen: list = []
            for m in mentions:
                if m.kind == "misspelling":
                    continue
                words = _words(m)
                reported = False
                for earlier_words, earlier in seen:
                    diffs = variant(earlier_words, words)
                    if diffs:
                        line, _ = doc.line_col(earlier.start)
                        wrong = ", ".join(f"'{y}'" for _, y in diffs)
                        right = ", ".join(f"'{x}'" for x, _ in diffs)
                        suggestion = " ".join(words)
                        for x, y in diffs:
                            suggestion = suggestion.replace(y, x)
                        yield self.finding(
                            doc, m.start, m.end,
                            message=(f"'{{match}}': {m.person.name} is spelled {right} earlier in this draft "
                                     f"(line {line}), {wrong} here; use one spelling"),
                            suggestions=(suggestion,),
                        )
                        reported = True
                        break
                if not reported and not any(w == words for w, _ in seen):
                    seen.append((words, m))
