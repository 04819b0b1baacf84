"""The language server, driven by a real LSP client (pytest-lsp) over stdio."""
from __future__ import annotations

import asyncio
import os
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types as T  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.asyncio(loop_scope="module")

# Two non-BMP emoji before the findings: 2 UTF-16 code units and 4 UTF-8 bytes each.
DRAFT = ("The council met 😀 on Tuesday and said it was definately time.\n"
         "\n"
         "The mayor said 🎉 the the plan was ready.\n")


def _env(extra_path: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    parts = [p for p in (extra_path, str(ROOT), env.get("PYTHONPATH")) if p]
    env["PYTHONPATH"] = os.pathsep.join(parts)
    return env


def _config(env: dict | None = None) -> ClientServerConfig:
    return ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"], server_env=env or _env())


def _capabilities(encodings: list[str] | None = None) -> T.ClientCapabilities:
    return T.ClientCapabilities(
        general=T.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=T.WorkspaceClientCapabilities(configuration=False),
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("newsroom")


@pytest_lsp.fixture(config=_config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=_capabilities(), root_uri=from_fs_path(str(workspace)),
        initialization_options={"date": "2025-03-03"}))
    yield
    await lsp_client.shutdown_session()


def _folder(workspace: Path, name: str, config: str | None = None) -> Path:
    folder = workspace / name
    folder.mkdir()
    if config is not None:
        (folder / ".newslint.yaml").write_text(config, encoding="utf-8")
    return folder


async def _diagnostics(client: LanguageClient, uri: str, version: int | None = None) -> list[T.Diagnostic]:
    """The next diagnostics published for ``uri`` (for ``version`` when given)."""
    for _ in range(50):
        params = await asyncio.wait_for(client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
        if params.uri == uri and (version is None or params.version == version):
            return list(params.diagnostics)
    raise AssertionError(f"no diagnostics for {uri}")


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> list[T.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    uri = from_fs_path(str(path))
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return await _diagnostics(client, uri, 1)


def _where(d: T.Diagnostic) -> tuple:
    return (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)


def _r(l1: int, c1: int, l2: int, c2: int) -> T.Range:
    return T.Range(start=T.Position(line=l1, character=c1), end=T.Position(line=l2, character=c2))


async def test_open_gives_diagnostics_with_utf16_ranges_after_emoji(client, workspace):
    diags = await _open(client, _folder(workspace, "open") / "draft.md", DRAFT)
    # code points: 'definately' at 45 on line 0, ' the' at 20 on line 2; each emoji adds one UTF-16 unit
    assert [_where(d) for d in diags] == [
        ("spelling.misspelling", 0, 46, 0, 56),
        ("grammar.repeated-word", 2, 21, 2, 25),
    ]
    first = diags[0]
    assert first.source == "newslint"
    assert first.severity == T.DiagnosticSeverity.Error
    assert "definately" in first.message and "definitely" in first.message


async def test_change_is_linted_again_and_save_too(client, workspace):
    path = _folder(workspace, "change") / "draft.md"
    await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    # Replace 'definately' (UTF-16 46-56 on line 0) with the right spelling.
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(range=_r(0, 46, 0, 56), text="definitely")]))
    diags = await _diagnostics(client, uri, 2)
    assert [d.code for d in diags] == ["grammar.repeated-word"]
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))
    assert [_where(d) for d in await _diagnostics(client, uri, 2)] == [("grammar.repeated-word", 2, 21, 2, 25)]


async def test_plain_text_documents_are_linted(client, workspace):
    diags = await _open(client, _folder(workspace, "plain") / "draft.txt", "It was definately late.\n", "plaintext")
    assert [_where(d) for d in diags] == [("spelling.misspelling", 0, 7, 0, 17)]
