"""The engine: what runs rules over drafts, one text or a whole archive.

``core`` builds rule sets and runs them over one document; ``selection`` says which rules
a config selects; ``paths`` finds the drafts; ``runner`` reads each draft once and yields
its outcome in order; ``parallel`` spreads files over worker processes; ``pieces`` cuts a
very long draft into documents of bounded size; ``timebudget`` stops a runaway rule;
``results`` holds what comes out. Everything below this package (documents, packs, kinds,
the fact base, the speller) knows nothing of it; the front ends (commands, the API, the
servers) use it.
"""
from .core import Engine, EngineSpec, RuleSet
from .paths import Skipped, expand_paths, find_drafts
from .results import FileResult, InputError, Outcome, RunError
from .selection import RETIRED_IDS, UNUSED_SUPPRESSION, is_selected, matches, severity_for

__all__ = [
    "RETIRED_IDS", "UNUSED_SUPPRESSION", "Engine", "EngineSpec", "FileResult", "InputError", "Outcome", "RuleSet",
    "RunError", "Skipped", "expand_paths", "find_drafts", "is_selected", "matches", "severity_for",
]
