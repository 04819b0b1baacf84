"""The one engine a server runs, built at start-up, and the limits on its use.

The engine lives in a child process (:mod:`lint.server.worker`) so that a check that overruns
its time can be stopped. Checks go to it one at a time from a single worker thread; the
event loop stays free to answer ``/health`` and to turn requests away (503) when too many
wait.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as _dt
import threading
from dataclasses import dataclass
from typing import Any, Iterable

from ..findings import CATEGORIES, Finding
from .worker import CheckTimeout, EngineProcess, WorkerError


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1_000_000      # request body; past it 413
    time_limit: float = 10.0        # seconds one check may take; past it 503, and the engine is restarted
    max_pending: int = 32           # checks running or waiting; past it 503 with Retry-After


class Busy(Exception):
    """Too many checks are running or waiting."""


class TooSlow(Exception):
    """A check did not finish within the time limit."""


class CheckFailed(Exception):
    """The engine failed on a text (reported as a 500 with the reason)."""


class Checker:
    """Lints texts for the server: one engine (in its process), one config, built once.

    The config is resolved once, from ``config`` or the folder the server starts in; no
    request can name another file.
    """

    def __init__(self, config: str | None = None, limits: Limits = Limits()) -> None:
        from ..config import ConfigError
        from ..engine import UNUSED_SUPPRESSION

        self.limits = limits
        try:
            self.process = EngineProcess(config)
        except WorkerError as exc:
            raise ConfigError(str(exc)) from None
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self._pending = 0
        self._lock = threading.Lock()
        self.rules: dict[str, dict] = {r["id"]: r for r in self.process.rules}
        self.rule_ids = frozenset(self.rules) | {UNUSED_SUPPRESSION}
        self.descriptions = {rid: r["summary"] for rid, r in self.rules.items()}

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

    async def check(self, text: str, fmt: str, date: _dt.date | None) -> tuple[Any, set[int]]:
        """The result of a check and the ids of its findings whose fix is safe to apply.

        Raises Busy past ``max_pending``, TooSlow past the time limit, CheckFailed if the
        engine fails on the text.
        """
        if not self.try_acquire():
            raise Busy()
        try:
            future = self._pool.submit(self._check, text, fmt, date, self.limits.time_limit)
            result, safe = await asyncio.wrap_future(future)
        except CheckTimeout:
            raise TooSlow() from None
        except WorkerError as exc:
            raise CheckFailed(str(exc)) from None
        finally:
            self.release()
        return result, {id(result.findings[i]) for i in safe}

    def _check(self, text: str, fmt: str, date: _dt.date | None, timeout: float):
        return self.process.check(text, fmt, date, timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.process.close()

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
