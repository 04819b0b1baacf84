"""Which rules a configuration selects, and at what severity: longest prefix wins."""
from __future__ import annotations

from typing import Iterable

from ..findings import Severity

UNUSED_SUPPRESSION = "newslint.unused-suppression"


#: Rule ids that moved to an opt-in pack: a config that still names them (most often to
#: ignore them) keeps working; they match nothing, and the rule is off unless its pack is on.
RETIRED_IDS = frozenset({"dates.ap-month"})


def matches(token: str, rule_id: str, category: str | None = None) -> int:
    """How specifically ``token`` names ``rule_id``: its length, or 0 when it does not."""
    if token == rule_id or rule_id.startswith(token.rstrip(".") + "."):
        return len(token) + 1
    if category is not None and token == category:
        return 1  # a category is the least specific name of a rule
    return 0


def is_selected(rule_id: str, category: str, select: Iterable[str], ignore: Iterable[str],
                enabled_by_default: bool = True) -> bool:
    """Longest match wins; a rule off by default runs only when selected by name or prefix."""
    best_sel = max((matches(t, rule_id, category) for t in select), default=0)
    best_ign = max((matches(t, rule_id, category) for t in ignore), default=0)
    select = list(select)
    if best_ign > best_sel:
        return False
    if best_sel:
        return enabled_by_default or best_sel > 1
    return enabled_by_default and not select


def severity_for(rule_id: str, category: str, overrides: Iterable[tuple[str, Severity]]) -> Severity | None:
    best, level = 0, None
    for token, sev in overrides:
        score = matches(token, rule_id, category)
        if score > best:
            best, level = score, sev
    return level
