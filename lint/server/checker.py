"""The one engine a server runs, with its rules built at start-up, and the limits on its use.

Checks run one at a time on a single worker thread: the engine is shared and caches compiled
rules, and on CPython a second thread would only contend for the same core. The event loop
stays free to answer ``/health`` and to turn requests away (503) when too many wait.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as _dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..findings import CATEGORIES, Finding


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1_000_000      # request body; past it 413
    time_limit: float = 10.0        # seconds one check may take before the client gets 503
    max_pending: int = 32           # checks running or waiting; past it 503 with Retry-After


class Busy(Exception):
    """Too many checks are running or waiting."""


class TooSlow(Exception):
    """A check did not finish within the time limit."""


class Checker:
    """Lints texts for the server: one :class:`lint.engine.Engine`, one config, built once."""

    def __init__(self, config: str | None = None, limits: Limits = Limits()) -> None:
        from ..config import config_for
        from ..engine import UNUSED_SUPPRESSION, Engine

        self.limits = limits
        self.engine = Engine(config=config)
        # Resolved once, from the --config file or the folder the server starts in; no
        # request can name another file.
        self.config = config_for(Path.cwd(), config)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self._pending = 0
        self._lock = threading.Lock()
        rules = self._pool.submit(self._warm_up).result()
        self.rules: dict[str, Any] = {r.id: r for r in rules}
        self.rule_ids = frozenset(self.rules) | {UNUSED_SUPPRESSION}
        self.descriptions = {r.id: r.summary for r in rules}

    def _warm_up(self) -> list:
        # Build both rule sets (markdown and plain text share one) and load what the rules
        # load lazily (word lists, fact packs) before the first request.
        rules = self.engine.all_rules(self.config)
        self.engine.check_text("Warm-up text, checked at start-up on 1 January 2025.", "draft.md",
                               config=self.config)
        return rules

    # ------------------------------------------------------------------ limits
    def try_acquire(self) -> bool:
        """Take a place for one check; False when ``max_pending`` are running or waiting."""
        with self._lock:
            if self._pending >= self.limits.max_pending:
                return False
            self._pending += 1
            return True

    def release(self) -> None:
        with self._lock:
            self._pending -= 1

    @property
    def pending(self) -> int:
        return self._pending

    async def run(self, fn, *args) -> Any:
        """``fn(*args)`` on the worker thread, within the limits (raises Busy or TooSlow)."""
        if not self.try_acquire():
            raise Busy()
        try:
            future = self._pool.submit(fn, *args)
        except BaseException:
            self.release()
            raise
        # The place is given back when the work ends, not when the client stops waiting:
        # a check past its time still holds the worker, and must count.
        future.add_done_callback(lambda _f: self.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.time_limit)
        except asyncio.TimeoutError:
            raise TooSlow() from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------------ checks (worker thread)
    def check(self, text: str, fmt: str, date: _dt.date | None):
        """The result and the findings that are safe to fix (as a set of ids)."""
        from ..fixes import choose

        path = "draft.txt" if fmt == "text" else "draft.md"
        result, doc = self.engine.check_document(text, path, config=self.config, fmt=fmt, date=date)
        safe = {id(f) for f in choose(doc, result.findings)} if doc is not None and not result.error else set()
        return result, safe

    def unknown(self, tokens: Iterable[str]) -> list[str]:
        """Tokens that name no rule, rule prefix or category."""
        out = []
        for t in tokens:
            if t in CATEGORIES or t in self.rule_ids:
                continue
            if not any(rid.startswith(t.rstrip(".") + ".") for rid in self.rule_ids):
                out.append(t)
        return out


def selected(f: Finding, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    from ..engine import is_selected

    return is_selected(f.rule, f.category, select, ignore, True)
