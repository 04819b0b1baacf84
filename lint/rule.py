"""The base class of every rule kind, and the declared parameters a kind accepts.

A rule pack entry names a kind; the kind's class declares its parameters in ``params``
(a mapping of YAML key to :class:`Param`) and says in ``uses_message`` whether it fills
in the pack's ``message:``. The declaration is the whole contract: packs are validated
against it when they are loaded (an undeclared key, a wrong type, or a ``message:`` the
kind would ignore stops the load), a rule's ``options`` holds exactly the declared keys,
and ``newslint explain`` and the kinds section of ``docs/packs.md`` are generated from it.
"""
from __future__ import annotations

import contextvars
import re
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Mapping, NamedTuple

from .findings import Finding, Severity
from .text.lazyre import LazyAlternation, LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .document import Document
    from .notices import Notice

#: Contexts a rule may skip. The engine drops findings whose span lies in one of them.
CONTEXTS: frozenset[str] = frozenset({"quotes", "headings", "blockquotes", "comments"})


class ParamError(ValueError):
    """A rule parameter has the wrong type or value."""


@dataclass(frozen=True)
class Param:
    """One parameter of a rule kind: how to check and convert the YAML value, and its docs.

    ``convert`` checks the YAML value and returns what the kind reads from ``options``
    (raising :class:`ParamError` on a wrong type); ``type`` names the YAML shape for
    readers, taken from the converter when it declares one (the converters below do);
    ``help`` is one line. An optional parameter the pack leaves out gets ``default``.
    ``choices``, when given, are the only values the pack may set (checked at load).
    """

    convert: Callable[[Any], Any]
    help: str
    required: bool = False
    default: Any = None
    type: str = ""
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.type:
            named = getattr(self.convert, "type_name", "")
            if not named:
                raise TypeError(f"Param({self.convert!r}, {self.help!r}) needs type='...': its converter names none")
            object.__setattr__(self, "type", named)
        if not self.help.strip():
            raise TypeError(f"Param({self.convert!r}) needs a line of help")


def converter(type_name: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """Name the YAML shape a converter accepts (``@converter("mapping")``), for the docs."""

    def mark(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        fn.type_name = type_name  # type: ignore[attr-defined]
        return fn

    return mark


@converter("string or list of strings")
def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ParamError("expected a string or a list of strings")


@converter("string")
def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ParamError("expected a string")
    return value


@converter("boolean")
def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ParamError("expected true or false")
    return value


@converter("number")
def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParamError("expected a number")
    return value


@converter("mapping of string to string or list of strings")
def _mapping(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, (str, list)) for k, v in value.items()
    ):
        raise ParamError("expected a mapping of strings to strings")
    return dict(value)


#: Set while building packs that ship with newslint: their patterns are checked for
#: catastrophic backtracking by the test suite, so a cold run need not parse them twice,
#: and their main patterns are compiled on first use (:func:`rule_pattern`).
TRUSTED_PATTERNS: contextvars.ContextVar[bool] = contextvars.ContextVar("trusted_patterns", default=False)


def validate_regex(pattern: str, flags: int = 0) -> None:
    """Refuse syntax errors and catastrophic backtracking in a pack's pattern.

    Patterns of packs shipped with newslint are trusted (see :data:`TRUSTED_PATTERNS`).
    """
    if TRUSTED_PATTERNS.get():
        return
    from .regexcheck import backtracking_risk

    try:
        risk = backtracking_risk(pattern, flags)
    except re.error as exc:
        raise ParamError(f"bad regular expression {pattern!r}: {exc}") from None
    if risk:
        raise ParamError(f"unsafe regular expression {pattern!r}: {risk}")


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern | LazyPattern:
    """Compile a pack's pattern, refusing syntax errors and catastrophic backtracking.

    A trusted (shipped) pattern is compiled on first use instead: most of them are never
    needed by a run on one draft, and a fact base pickles them as their source.
    """
    validate_regex(pattern, flags)
    return _compiled_for_pack(pattern, flags, f"bad regular expression {pattern!r}")


@converter("regex or list of regexes")
def _regexes(value: Any) -> tuple[re.Pattern, ...]:
    return tuple(compile_regex(p) for p in _strings(value))


def checked(pattern: str, flags: int = 0) -> LazyPattern:
    """Validate a pack's pattern now (syntax, backtracking risk); compile it on first use."""
    validate_regex(pattern, flags)
    return LazyPattern(pattern, flags)


def rule_pattern(source: str, flags: int = 0) -> re.Pattern | LazyPattern:
    """A rule's main regex, joined from parts that were validated one by one.

    For the packs newslint ships it is compiled on first use: a draft that holds none of
    the words a pattern starts with never needs it (see :mod:`lint.wordstarts`). For any
    other pack it is compiled now, so a pattern that only fails once joined (two parts
    naming a group alike) is reported when the pack loads.
    """
    return _compiled_for_pack(source, flags, "bad regular expression")


def _compiled_for_pack(source: str, flags: int, error: str) -> re.Pattern | LazyPattern:
    """Lazy for a trusted (shipped) pack; compiled now for any other, ``error`` prefixing
    what ``re`` says is wrong."""
    if TRUSTED_PATTERNS.get():
        return LazyPattern(source, flags)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise ParamError(f"{error}: {exc}") from None


def rule_alternation(pattern: str, parts: list[str], flags: int = 0) -> re.Pattern | LazyPattern:
    """A rule's main regex that is an alternation of terms, as :func:`rule_pattern` makes
    it; for a trusted pack it can also be compiled one term at a time (``parts``: see
    :class:`~lint.text.lazyre.LazyAlternation` for what they must satisfy)."""
    if TRUSTED_PATTERNS.get():
        return LazyAlternation(pattern, parts, flags)
    return rule_pattern(pattern, flags)


def _lazy_regexes(value: Any) -> tuple[LazyPattern, ...]:
    return tuple(checked(p) for p in _strings(value))


# Converters kinds use in their ``params`` declarations. LAZY_REGEXES: a string or list of
# strings, validated now and compiled on first use (context patterns a run rarely needs).
STRING, STRINGS, BOOLEAN, NUMBER, MAPPING, REGEXES = _string, _strings, _boolean, _number, _mapping, _regexes
LAZY_REGEXES = _lazy_regexes


class _SafeFormat(string.Formatter):
    def get_value(self, key: Any, args: Any, kwargs: Mapping[str, Any]) -> Any:
        return kwargs.get(key, "{" + str(key) + "}")


_FORMAT = _SafeFormat()
# Templates whose fields are all bare names ("{match}", "{size}"), read once into
# (literal, name) pairs: a finding's message is then a join, not a pass of the Python-level
# string.Formatter over the template (it was most of the cost of making a finding).
_PLAIN_TEMPLATES: dict[str, tuple | None] = {}


def _plain_template(template: str) -> tuple | None:
    """``template`` as (literal, field name or None) pairs when every field is a bare name
    without a conversion or format spec; None for any other template (or a bad one)."""
    try:
        parts = list(_FORMAT.parse(template))
    except ValueError:
        return None
    for _literal, name, spec, conversion in parts:
        if name is not None and (not name.isidentifier() or spec or conversion is not None):
            return None
    return tuple((literal, name) for literal, name, _s, _c in parts)


def format_template(template: str, values: Mapping[str, Any]) -> str:
    """``_FORMAT.format(template, **values)``: a field without a value stays as written."""
    plain = _PLAIN_TEMPLATES.get(template, False)
    if plain is False:
        plain = _PLAIN_TEMPLATES[template] = _plain_template(template)
    if plain is None:
        return _FORMAT.format(template, **values)
    out = []
    for literal, name in plain:
        out.append(literal)
        if name is not None:
            out.append(format(values[name], "") if name in values else "{" + name + "}")
    return "".join(out)


class Examples(NamedTuple):
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


@dataclass
class Rule:
    """A configured rule. Subclasses implement :meth:`check` and declare ``params``.

    ``options`` holds the converted kind parameters; ``settings`` the run's settings
    (vocabulary, language variant, thresholds) for rules that need them.
    """

    kind: ClassVar[str] = ""
    params: ClassVar[dict[str, Param]] = {}
    #: Whether findings are worded by the pack's ``message:`` template. A kind that writes
    #: its own messages (they name dates, people, offices) says False, and a pack that
    #: gives it a ``message:`` is refused rather than silently ignored.
    uses_message: ClassVar[bool] = True
    #: Contexts skipped when the pack does not say (bias rules skip quotes via their pack).
    default_skip: ClassVar[frozenset[str]] = frozenset()

    id: str
    category: str
    severity: Severity
    message: str
    why: str
    examples: Examples
    skip: frozenset[str]
    options: dict[str, Any]
    settings: "Settings"
    pack: str = ""
    summary: str = ""
    headline_severity: Severity | None = None
    source: str = ""  # "file:line" the rule was defined at
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.setup()

    def setup(self) -> None:
        """Prepare compiled state from ``options``; raise :class:`ParamError` on bad values."""

    def check(self, doc: "Document") -> Iterable[Finding]:
        raise NotImplementedError

    def notices(self, doc: "Document") -> Iterable["Notice"]:
        """Run-level notices about ``doc`` (called after :meth:`check`); most rules have none."""
        return ()

    # Helpers for subclasses -------------------------------------------------
    def format_message(self, template: str | None = None, **values: Any) -> str:
        return format_template(template or self.message, values)

    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        *,
        message: str | None = None,
        suggestions: Iterable[str] = (),
        fix: str | None = None,
        severity: Severity | None = None,
        category: str | None = None,
        **values: Any,
    ) -> Finding:
        match = doc.text[start:end]
        sugg = tuple(suggestions)
        values.setdefault("match", match)
        values.setdefault("suggestion", sugg[0] if sugg else "")
        return Finding(
            rule=self.id,
            category=category or self.category,
            severity=self.severity if severity is None else severity,
            message=self.format_message(message, **values),
            start=start,
            end=end,
            match=match,
            suggestions=sugg,
            fix=fix,
        )
