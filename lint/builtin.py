"""newslint's own plugin: built-in kinds, packs and reporters register like anyone else's."""
from __future__ import annotations

from .hookspecs import hookimpl


@hookimpl
def register_kinds() -> list:
    from .kinds.existence import Existence
    from .kinds.substitution import Substitution
    from .kinds.readability import Readability
    from .kinds.consistency_counts import ConsistencyCounts
    from .kinds.consistency_event_dates import ConsistencyEventDates
    from .kinds.consistency_names import ConsistencyNames
    from .kinds.consistency_spelling_variants import ConsistencySpellingVariants
    from .kinds.loaded import LoadedTerm
    from .kinds.scare_quote import ScareQuote
    from .kinds.speech_verb import SpeechVerb
    from .kinds.facts_former import FormerIncumbent
    from .kinds.facts_title import TitleNotHeld
    from .kinds.facts_window import WindowPhrase
    from .kinds.facts_deceased import DeceasedActing
    from .kinds.facts_names import NameSpelling
    from .kinds.facts_consistency import NameConsistency
    from .kinds.facts_stale import StaleFacts
    from .kinds.facts_apposition import TitleAfterName
    from .kinds.facts_term_stage import TermStage
    from .kinds.date_ap_month import DateMonthStyle
    from .kinds.date_impossible import DateImpossible
    from .kinds.date_weekday import DateWeekday
    from .kinds.spelling import Spelling
    from .kinds.a_an import AAn
    from .kinds.doubled_punctuation import DoubledPunctuation
    from .kinds.doubled_space import DoubledSpace
    from .kinds.repeated_word import RepeatedWord
    from .kinds.unbalanced_brackets import UnbalancedBrackets
    from .kinds.unbalanced_quotes import UnbalancedQuotes
    from .kinds.furniture import Furniture
    from .kinds.invisible import InvisibleCharacters

    return [
        Existence,
        Substitution,
        Readability,
        ConsistencyCounts, ConsistencyEventDates, ConsistencySpellingVariants, ConsistencyNames,
        LoadedTerm,
        SpeechVerb,
        ScareQuote,
        FormerIncumbent, TitleNotHeld, WindowPhrase, DeceasedActing, NameSpelling, NameConsistency, StaleFacts,
        TitleAfterName, TermStage,
        DateWeekday, DateImpossible, DateMonthStyle,
        Spelling,
        RepeatedWord, AAn, DoubledPunctuation, DoubledSpace, UnbalancedQuotes, UnbalancedBrackets,
        Furniture,
        InvisibleCharacters,
    ]


@hookimpl
def register_rules(settings) -> list:
    # LanguageTool's rule exists only when a server or installation is configured.
    from .languagetool import rules_for

    return rules_for(settings)


@hookimpl
def register_packs() -> list[str]:
    from .packs import rules_dir

    return [str(p) for p in sorted(rules_dir().glob("*.yaml"))]


@hookimpl
def register_fact_packs() -> list[str]:
    from .packs import rules_dir

    return [str(p) for p in sorted((rules_dir() / "facts").glob("*.yaml"))]


@hookimpl
def register_reporters() -> list:
    from .reporters.github import GithubReporter
    from .reporters.json import JsonReporter
    from .reporters.sarif import SarifReporter
    from .reporters.text import TextReporter

    return [TextReporter, JsonReporter, GithubReporter, SarifReporter]


@hookimpl
def parse_document(path: str, text: str):
    from .document import fmt_for, parse

    return parse(text, path, fmt_for(path))
