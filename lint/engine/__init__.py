"""The engine: what runs rules over drafts, one file or a whole archive.

``core`` selects rules and runs them over one document; ``pieces`` cuts a very long draft
into documents of bounded size; ``timebudget`` stops a runaway rule; ``parallel`` spreads
files over worker processes. Everything below this package (documents, packs, kinds, the
fact base, the speller) knows nothing of it; the front ends (commands, the API, the servers)
use it.
"""
from .core import (
    RETIRED_IDS,
    UNUSED_SUPPRESSION,
    Engine,
    FileResult,
    InputError,
    RuleSet,
    RunError,
    Skipped,
    expand_paths,
    find_drafts,
    is_selected,
    matches,
    severity_for,
)

__all__ = [
    "RETIRED_IDS", "UNUSED_SUPPRESSION", "Engine", "FileResult", "InputError", "RuleSet", "RunError", "Skipped",
    "expand_paths", "find_drafts", "is_selected", "matches", "severity_for",
]
