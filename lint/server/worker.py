"""The engine of a server, in a child process that can be stopped.

A check cannot be interrupted inside a thread, and some inputs take minutes (a pasted word
hundreds of thousands of letters long). So the engine lives in one child process, built
once at start-up; the server sends it texts over a pipe and, when a check overruns the time
limit, kills the process and starts a fresh one (about a second with the disk cache), so
the next request is not stuck behind the runaway one.
"""
from __future__ import annotations

import datetime as _dt
import multiprocessing
from typing import Any

START_SECONDS = 300.0  # building the engine cold (no disk cache) on a slow, busy machine


class WorkerError(Exception):
    """The engine process could not be started or failed on a request."""


class CheckTimeout(Exception):
    """A check overran its time; the engine process was replaced."""


def _rule_doc(rule) -> dict:
    return {"id": rule.id, "kind": rule.kind, "category": rule.category, "severity": rule.severity.label,
            "summary": rule.summary, "why": rule.why,
            "examples": {"bad": list(rule.examples.bad), "good": list(rule.examples.good)}}


def _serve(conn, config: str | None) -> None:
    """The child: build the engine, report its rules, then answer checks until told to stop."""
    from pathlib import Path

    from ..config import config_for
    from ..engine import Engine
    from ..fixes import choose

    try:
        engine = Engine(config=config)
        cfg = config_for(Path.cwd(), config)
        rules = engine.all_rules(cfg)
        # Load what rules load lazily (word lists, fact packs) before the first request.
        engine.check_text("Warm-up text, checked at start-up on 1 January 2025.", "draft.md", config=cfg)
        conn.send(("ready", [_rule_doc(r) for r in rules]))
    except Exception as exc:  # a bad config or pack: the parent reports it and exits 2
        conn.send(("error", str(exc)))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, fmt, date = request
        try:
            path = "draft.txt" if fmt == "text" else "draft.md"
            result, doc = engine.check_document(text, path, config=cfg, fmt=fmt, date=date)
            safe_ids = {id(f) for f in choose(doc, result.findings)} if doc is not None and not result.error else set()
            safe = [i for i, f in enumerate(result.findings) if id(f) in safe_ids]
            conn.send(("ok", (result, safe)))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class EngineProcess:
    """One child process holding the engine. Not thread-safe: the server calls it from one thread."""

    def __init__(self, config: str | None = None) -> None:
        self.config = config
        self._ctx = multiprocessing.get_context("spawn")  # no inherited threads or locks
        self.rules: list[dict] = []
        self.restarts = 0
        self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child, self.config), daemon=True,
                                       name="newslint-engine")
        self._proc.start()
        child.close()
        self._conn = parent
        if not parent.poll(START_SECONDS):
            self._stop()
            raise WorkerError(f"the engine did not start within {START_SECONDS:g} s")
        try:
            kind, payload = parent.recv()
        except EOFError:
            self._stop()
            raise WorkerError(f"the engine process exited while starting (code {self._proc.exitcode})") from None
        if kind != "ready":
            self._stop()
            raise WorkerError(payload)
        self.rules = payload

    def check(self, text: str, fmt: str, date: _dt.date | None, timeout: float) -> tuple[Any, list[int]]:
        """``(FileResult, indexes of the findings whose fix is safe)``."""
        try:
            self._conn.send((text, fmt, date))
            ready = self._conn.poll(timeout)
            if ready:
                kind, payload = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.restart()
            raise WorkerError("the engine process stopped during the check; it was restarted") from None
        if not ready:
            self.restart()
            raise CheckTimeout()
        if kind != "ok":
            raise WorkerError(payload)
        return payload

    def restart(self) -> None:
        self._stop()
        self.restarts += 1
        self._start()

    @property
    def pid(self) -> int | None:
        return self._proc.pid

    def _stop(self) -> None:
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join(timeout=10)
        self._conn.close()

    def close(self) -> None:
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._proc.join(timeout=5)
        self._stop()
