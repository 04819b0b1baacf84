"""The language server's speed and memory on a 1,000-word draft.

    python benchmarks/bench_lsp.py [--words 1000] [--edits 1000]

1. In process: the time to lint one change, the work the server does after each pause in
   typing (the engine's check of the whole text, positions, diagnostics), median and 95th
   percentile over 50 edits. Target (issue 15): under 100 ms.
2. Over stdio, as an editor drives it: ``newslint lsp`` in a subprocess, one word changed
   per edit (with the debounce set to 0 so every edit is linted), the time from sending
   ``didChange`` to receiving its diagnostics, and the server's resident memory after
   warm-up and after every 100 edits (flat is the target).
Nothing is asserted; numbers go to standard output.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_scale import draft  # noqa: E402

DATE = "2025-11-22"
SWAPS = ("council", "counsil")  # the second is a misspelling: each edit changes the findings


def _edit_at(text: str) -> tuple[int, int]:
    i = text.index(" the ", len(text) // 2) + 1
    return i, i + 3


def in_process(text: str, edits: int) -> list[float]:
    import datetime as dt

    from lint.lsp import protocol
    from lint.lsp.linting import Linter

    linter = Linter(lambda m, e: None, date=dt.date.fromisoformat(DATE))
    path = str(Path(tempfile.mkdtemp()) / "draft.md")
    linter.lint("file://" + path, text, 0, path)  # builds the rule sets once, as the first open does
    start, end = _edit_at(text)
    times = []
    for n in range(edits):
        new = text[:start] + SWAPS[n % 2] + text[end:]
        t = time.perf_counter()
        linted = linter.lint("file://" + path, new, n + 1, path)
        protocol.diagnostics(linted)
        times.append(time.perf_counter() - t)
    return times


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def over_stdio(text: str, edits: int) -> tuple[list[float], list[tuple[int, float]]]:
    from lsprotocol import types as T
    from pygls.lsp.client import LanguageClient

    folder = Path(tempfile.mkdtemp())
    path = folder / "draft.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = LanguageClient("newslint-bench", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: T.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    @client.feature(T.WINDOW_SHOW_MESSAGE)
    def _message(params: T.ShowMessageParams) -> None:
        print("server says:", params.message, file=sys.stderr)

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    await client.start_io(sys.executable, "-m", "lint", "lsp", env=env)
    await client.initialize_async(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=folder.as_uri(),
        initialization_options={"date": DATE, "debounce": 0}))
    client.initialized(T.InitializedParams())
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id="markdown", version=0, text=text)))

    async def until(version: int) -> None:
        while (await published.get()).version != version:
            pass

    await until(0)
    pid = client._server.pid
    start, end = _edit_at(text)
    lines = text[:start].split("\n")
    line, col = len(lines) - 1, len(lines[-1])
    current = text[start:end]
    times, memory = [], []
    for n in range(1, edits + 1):
        word = SWAPS[n % 2]
        rng = T.Range(start=T.Position(line=line, character=col), end=T.Position(line=line, character=col + len(current)))
        t = time.perf_counter()
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=n),
            content_changes=[T.TextDocumentContentChangePartial(range=rng, text=word)]))
        await until(n)
        times.append(time.perf_counter() - t)
        current = word
        if n == 10 or n % 100 == 0:
            memory.append((n, _rss_mb(pid)))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, memory


def _ms(values: list[float]) -> str:
    q = statistics.quantiles(values, n=20)
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {q[18] * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=1000)
    args = ap.parse_args()
    text = draft(args.words)
    print(f"draft: {len(text.split())} words, {len(text)} characters")
    print(f"lint one change, in process (50 edits): {_ms(in_process(text, 50))}")
    times, memory = asyncio.run(over_stdio(text, args.edits))
    print(f"didChange -> diagnostics over stdio ({args.edits} edits, debounce 0): {_ms(times)}")
    print("server resident memory: " + ", ".join(f"after {n} edits {mb:.1f} MB" for n, mb in memory))


if __name__ == "__main__":
    main()
