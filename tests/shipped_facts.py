"""Running the fact rules on the shipped fact packs, for the tests of each pack."""
import datetime as dt

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

_PLUGINS = build(entry_points=False)


def found(text: str, date: str) -> set[tuple[str, str]]:
    """``(rule name, matched text)`` of the fact rules on ``text`` dated ``date`` (YYYY-MM-DD),
    with every shipped fact pack loaded, as a run of ``newslint check`` loads them."""
    engine = Engine(plugins=_PLUGINS, date=dt.date.fromisoformat(date), select=["facts"])
    result = engine.check_text(text + "\n", "draft.md", config=Config())
    assert result.error is None and not engine.errors, engine.errors
    return {(f.rule.split(".")[1], f.match) for f in result.findings}
