"""The language server: pygls wiring between the protocol and :class:`~lint.lsp.linting.Linter`.

Linting runs on one worker thread, so the event loop keeps reading messages while a long
draft is checked; changes are linted after a pause in typing (``DEBOUNCE`` seconds), and a
result is published only if the document has not changed since.
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from . import protocol
from .linting import Linted, Linter
from .positions import UTF16

DEBOUNCE = 0.3
CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
_DRAFT_LANGUAGES = {"markdown", "plaintext", "text"}
_DRAFT_SUFFIXES = (".md", ".markdown", ".txt")

log = logging.getLogger("newslint.lsp")


class _Answered(Exception):
    """A malformed request that has already been answered with an error."""


class NewslintProtocol(LanguageServerProtocol):
    """pygls reads a request whose params do not fit the method's type as an error of the
    server and sends no response, which leaves the client waiting; this answers it with the
    JSON-RPC error (invalid params) instead."""

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
                raise _Answered() from exc
            raise


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
                         protocol_cls=NewslintProtocol)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.linter: Linter | None = None
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.client_date: _dt.date | None = None
        self.debounce = DEBOUNCE
        #: set once the client's settings have been asked for; lints wait for it (briefly)
        self.ready = asyncio.Event()

    def report_server_error(self, error: Exception, source: Any) -> None:
        if isinstance(error, _Answered):
            return
        super().report_server_error(error, source)

    # ------------------------------------------------------------------ helpers
    def say(self, message: str, error: bool = False) -> None:
        kind = T.MessageType.Error if error else T.MessageType.Warning
        self.window_show_message(T.ShowMessageParams(type=kind, message=message))

    def ensure_linter(self) -> Linter:
        if self.linter is None:
            negotiated = self.workspace.position_encoding if self._has_workspace() else None
            encoding = str(getattr(negotiated, "value", negotiated) or UTF16)
            root = self._root()
            self.linter = Linter(self._say_threadsafe, encoding=encoding, date=self.client_date, root=root)
        return self.linter

    def _has_workspace(self) -> bool:
        try:
            self.workspace
        except Exception:
            return False
        return True

    def _root(self) -> Path | None:
        if not self._has_workspace() or not self.workspace.root_path:
            return None
        return Path(self.workspace.root_path)

    def _say_threadsafe(self, message: str, error: bool) -> None:
        loop = self._loop
        if loop is not None:
            loop.call_soon_threadsafe(self.say, message, error)
        else:
            self.say(message, error)

    _loop: asyncio.AbstractEventLoop | None = None

    async def on_worker(self, fn, *args) -> Any:
        self._loop = asyncio.get_running_loop()
        return await self._loop.run_in_executor(self.worker, fn, *args)

    # ------------------------------------------------------------------ linting
    def is_draft(self, uri: str) -> bool:
        doc = self.workspace.get_text_document(uri)
        language = (doc.language_id or "").lower()
        return language in _DRAFT_LANGUAGES or uri.lower().endswith(_DRAFT_SUFFIXES)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.lint_now(uri)
        except asyncio.CancelledError:
            pass
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def lint_now(self, uri: str) -> None:
        if not self.ready.is_set():
            try:
                await asyncio.wait_for(self.ready.wait(), 5)
            except asyncio.TimeoutError:
                pass  # a client that never answers gets its findings all the same
        if uri not in self.workspace.text_documents or not self.is_draft(uri):
            return
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        path = to_fs_path(uri) if uri.startswith("file:") else None
        linter = self.ensure_linter()
        linted = await self.on_worker(linter.lint, uri, text, version, path or "<stdin>")
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # edited while linting: a newer lint is already scheduled
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=protocol.diagnostics(linted)))

    def current(self, uri: str) -> Linted | None:
        """The findings of the document as it is now (None while a newer version waits to be linted)."""
        linted = self.linted.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if linted is None or doc is None or doc.version != linted.version:
            return None
        return linted

    async def reload(self) -> None:
        if self.linter is not None:
            await self.on_worker(self.linter.reload)
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    def set_date(self, value: Any) -> None:
        date = None
        if isinstance(value, str) and value.strip():
            try:
                date = _dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                self.say(f"newslint: setting newslint.date: '{value}' is not a date as YYYY-MM-DD", error=True)
                return
        self.client_date = date
        if self.linter is not None:
            self.linter.date = date


server = NewslintServer()


def _settings(value: Any) -> dict:
    """``{"newslint": {...}}`` or the section itself."""
    if not isinstance(value, dict):
        return {}
    inner = value.get("newslint")
    return inner if isinstance(inner, dict) else value


@server.feature(T.INITIALIZE)
def initialize(ls: NewslintServer, params: T.InitializeParams) -> None:
    options = _settings(params.initialization_options)
    if "date" in options:
        ls.set_date(options["date"])
    debounce = options.get("debounce")
    if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 10:
        ls.debounce = float(debounce)


@server.feature(T.INITIALIZED)
async def initialized(ls: NewslintServer, params: T.InitializedParams) -> None:
    try:
        await _set_up(ls)
    finally:
        ls.ready.set()


async def _set_up(ls: NewslintServer) -> None:
    ls.ensure_linter()
    caps = ls.client_capabilities.workspace
    if caps is not None and caps.did_change_watched_files is not None and caps.did_change_watched_files.dynamic_registration:
        watchers = [T.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
        try:
            await ls.client_register_capability_async(T.RegistrationParams(registrations=[T.Registration(
                id="newslint-config-files", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=T.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
        except Exception as exc:  # the client said it could, then did not; saving a config still reloads
            log.warning("could not register file watchers: %s", exc)
    if caps is not None and caps.configuration:
        await _pull_configuration(ls)


async def _pull_configuration(ls: NewslintServer) -> None:
    try:
        values = await ls.workspace_configuration_async(T.ConfigurationParams(items=[T.ConfigurationItem(section="newslint")]))
    except Exception as exc:
        log.warning("workspace/configuration failed: %s", exc)
        return
    section = values[0] if values else None
    if isinstance(section, dict) and "date" in section:
        ls.set_date(section.get("date"))


@server.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: NewslintServer, params: T.DidChangeConfigurationParams) -> None:
    settings = _settings(params.settings)
    if "date" in settings:
        ls.set_date(settings["date"])
    else:
        caps = ls.client_capabilities.workspace
        if caps is not None and caps.configuration:
            await _pull_configuration(ls)
    await ls.reload()


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: NewslintServer, params: T.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: NewslintServer, params: T.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE, T.SaveOptions(include_text=False))
async def did_save(ls: NewslintServer, params: T.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.endswith(tuple("/" + n for n in CONFIG_NAMES)):
        await ls.reload()
        return
    ls.schedule(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: T.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(ls: NewslintServer, params: T.DidChangeWatchedFilesParams) -> None:
    if any(c.uri.endswith(tuple("/" + n for n in CONFIG_NAMES)) for c in params.changes):
        await ls.reload()


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix, protocol.FIX_ALL_KIND]))
def code_action(ls: NewslintServer, params: T.CodeActionParams) -> list[T.CodeAction] | None:
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    r = params.range
    start = linted.index.offset(r.start.line, r.start.character)
    end = linted.index.offset(r.end.line, r.end.character)
    can_add = ls.linter is not None and ls.linter.vocabulary_file(linted.path) is not None
    return protocol.code_actions(linted, start, end, params.context.only, can_add) or None


@server.feature(T.TEXT_DOCUMENT_HOVER)
async def hover(ls: NewslintServer, params: T.HoverParams) -> T.Hover | None:
    linted = ls.current(params.text_document.uri)
    if linted is None or ls.linter is None or linted.config is None:
        return None
    offset = linted.index.offset(params.position.line, params.position.character)
    rules = await ls.on_worker(ls.linter.rules, linted.config)
    return protocol.hover(linted, offset, rules)


@server.command(protocol.ADD_WORD)
async def add_to_vocabulary(ls: NewslintServer, uri: str, word: str) -> None:
    from .vocabulary import VocabularyError, add_word

    linted = ls.linted.get(uri)
    if linted is None or ls.linter is None:
        ls.say(f"newslint: {uri} is not open", error=True)
        return None
    target = ls.linter.vocabulary_file(linted.path)
    if target is None:
        ls.say("newslint: the vocabulary lives in pyproject.toml here; add the word to [tool.newslint] by hand", error=True)
        return None
    try:
        await ls.on_worker(add_word, target, str(word))
    except (VocabularyError, OSError) as exc:
        ls.say(f"newslint: {exc}", error=True)
        return None
    await ls.reload()
    return None


def serve() -> None:
    """Serve one client over standard input and output until it says exit."""
    server.start_io()
