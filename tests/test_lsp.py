"""The language server, driven by a real LSP client (pytest-lsp) over stdio."""
from __future__ import annotations

import asyncio
import os
import sys
import textwrap
from pathlib import Path
from typing import Union

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


def _prepare(client: LanguageClient) -> None:
    """Record every diagnostics notification in ``client.published`` (pytest-lsp's
    wait_for_notification can miss one that arrives together with another), and read code
    actions right: lsprotocol reads every code action that carries a ``command`` as a bare
    Command (lsprotocol 2025.0.0, _code_action_hook). Only the test client is patched; the
    server's output is plain LSP JSON."""
    client.published = []
    features = client.protocol.fm.features
    keep = features[T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: T.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        keep(params)

    features[T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    conv = client.protocol._converter

    def hook(obj, _):
        kind = T.Command if isinstance(obj.get("command"), str) else T.CodeAction
        return conv.structure(obj, kind)

    conv.register_structure_hook(Union[T.Command, T.CodeAction], hook)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("newsroom")


async def _open_session(lsp_client: LanguageClient, workspace: Path) -> None:
    """Initialize a session on ``workspace`` with the client's date setting, as an editor would."""
    _prepare(lsp_client)
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=_capabilities(), root_uri=from_fs_path(str(workspace)),
        initialization_options={"date": "2025-03-03"}))


@pytest_lsp.fixture(config=_config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await _open_session(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


def _folder(workspace: Path, name: str, config: str | None = None) -> Path:
    folder = workspace / name
    folder.mkdir()
    if config is not None:
        (folder / ".newslint.yaml").write_text(config, encoding="utf-8")
    return folder


def _mark(client: LanguageClient) -> int:
    return len(client.published)


async def _diagnostics(client: LanguageClient, uri: str, version: int | None = None,
                       since: int = 0) -> list[T.Diagnostic]:
    """The first diagnostics published for ``uri`` (for ``version`` when given) after the
    ``since``-th notification."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while loop.time() < deadline:
        for params in client.published[since:]:
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri}")


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> list[T.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    uri = from_fs_path(str(path))
    mark = _mark(client)
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return await _diagnostics(client, uri, 1, mark)


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
    mark = _mark(client)
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(range=_r(0, 46, 0, 56), text="definitely")]))
    diags = await _diagnostics(client, uri, 2, since=mark)
    assert [d.code for d in diags] == ["grammar.repeated-word"]
    mark = _mark(client)
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))
    assert [_where(d) for d in await _diagnostics(client, uri, 2, since=mark)] == [("grammar.repeated-word", 2, 21, 2, 25)]


async def test_plain_text_documents_are_linted(client, workspace):
    diags = await _open(client, _folder(workspace, "plain") / "draft.txt", "It was definately late.\n", "plaintext")
    assert [_where(d) for d in diags] == [("spelling.misspelling", 0, 7, 0, 17)]


def _changes(edit: T.WorkspaceEdit) -> dict[str, list[T.TextEdit]]:
    return {uri: list(edits) for uri, edits in (edit.changes or {}).items()}


async def _actions(client: LanguageClient, uri: str, diag: T.Diagnostic | None, rng: T.Range,
                   only: list[str] | None = None) -> list[T.CodeAction]:
    result = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=uri), range=rng,
        context=T.CodeActionContext(diagnostics=[diag] if diag else [], only=only)))
    return list(result or [])


async def test_quick_fix_replaces_the_misspelling(client, workspace):
    path = _folder(workspace, "fix") / "draft.md"
    diags = await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    actions = await _actions(client, uri, diags[0], diags[0].range)
    fix = [a for a in actions if a.title.startswith("Replace")]
    assert [a.title for a in fix] == ["Replace 'definately' with 'definitely' (spelling.misspelling)"]
    assert fix[0].kind == T.CodeActionKind.QuickFix
    assert _changes(fix[0].edit) == {uri: [T.TextEdit(range=_r(0, 46, 0, 56), new_text="definitely")]}


async def test_fix_all_applies_every_safe_fix(client, workspace):
    path = _folder(workspace, "fixall") / "draft.md"
    await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    actions = await _actions(client, uri, None, _r(0, 0, 0, 0), only=[T.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == [T.CodeActionKind.SourceFixAll]
    assert _changes(actions[0].edit) == {uri: [
        T.TextEdit(range=_r(0, 46, 0, 56), new_text="definitely"),
        T.TextEdit(range=_r(2, 21, 2, 25), new_text=""),  # the second ' the', after the emoji
    ]}


async def test_suppression_action_inserts_a_comment_that_silences_the_rule(client, workspace):
    path = _folder(workspace, "suppress") / "draft.md"
    diags = await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    actions = await _actions(client, uri, diags[1], diags[1].range)
    [action] = [a for a in actions if a.title == "Disable grammar.repeated-word for this line"]
    [edit] = _changes(action.edit)[uri]
    assert edit.range == _r(2, 0, 2, 0)
    assert edit.new_text == "<!-- newslint-disable-next-line grammar.repeated-word -->\n"
    mark = _mark(client)
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))
    assert [d.code for d in await _diagnostics(client, uri, 2, since=mark)] == ["spelling.misspelling"]


async def test_add_to_vocabulary_writes_the_workspace_config_and_relints(client, workspace):
    folder = _folder(workspace, "vocab", "# house settings\nvocabulary:\n  - Zelenskyy  # the spelling we use\nfail-level: error\n")
    path = folder / "draft.md"
    diags = await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    actions = await _actions(client, uri, diags[0], diags[0].range)
    [action] = [a for a in actions if a.command is not None]
    assert action.title == "Add 'definately' to the workspace vocabulary"
    mark = _mark(client)
    await client.workspace_execute_command_async(T.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    assert [d.code for d in await _diagnostics(client, uri, 1, since=mark)] == ["grammar.repeated-word"]
    assert (folder / ".newslint.yaml").read_text(encoding="utf-8") == (
        "# house settings\nvocabulary:\n  - Zelenskyy  # the spelling we use\n  - definately\nfail-level: error\n")


async def test_hover_explains_the_rule_with_examples(client, workspace):
    path = _folder(workspace, "hover") / "draft.md"
    await _open(client, path, DRAFT)
    uri = from_fs_path(str(path))
    result = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=2, character=23)))
    assert result is not None and result.range == _r(2, 21, 2, 25)
    text = result.contents.value
    assert text.startswith("**error** `grammar.repeated-word`")
    assert "Why" in text and "Flagged" in text and "Left alone" in text
    nothing = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=0, character=2)))
    assert nothing is None


def _watched(client: LanguageClient, path: Path) -> None:
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        changes=[T.FileEvent(uri=from_fs_path(str(path)), type=T.FileChangeType.Changed)]))


async def test_config_change_is_picked_up_and_a_broken_one_keeps_the_last_good(client, workspace):
    folder = _folder(workspace, "config", "ignore: [grammar]\n")
    path = folder / "draft.md"
    assert [d.code for d in await _open(client, path, DRAFT)] == ["spelling.misspelling"]
    uri = from_fs_path(str(path))
    (folder / ".newslint.yaml").write_text("ignore: [spelling]\n", encoding="utf-8")
    mark = _mark(client)
    _watched(client, folder / ".newslint.yaml")
    assert [d.code for d in await _diagnostics(client, uri, since=mark)] == ["grammar.repeated-word"]

    before = len(client.messages)
    (folder / ".newslint.yaml").write_text("ignore: [spelling]\nfail-level: loud\n", encoding="utf-8")
    mark = _mark(client)
    # saved in the editor this time: a client without file watchers still reloads
    client.text_document_did_save(T.DidSaveTextDocumentParams(
        text_document=T.TextDocumentIdentifier(uri=from_fs_path(str(folder / ".newslint.yaml")))))
    assert [d.code for d in await _diagnostics(client, uri, since=mark)] == ["grammar.repeated-word"]
    errors = [m for m in client.messages[before:] if ".newslint.yaml" in m.message]
    assert len(errors) == 1 and errors[0].type == T.MessageType.Error
    assert "fail-level" in errors[0].message and "last good configuration" in errors[0].message


async def test_a_front_matter_that_does_not_parse_gives_one_diagnostic(client, workspace):
    path = _folder(workspace, "broken") / "draft.md"
    diags = await _open(client, path, "---\ntitle: [unclosed\n---\nIt was definately late.\n")
    assert [d.code for d in diags] == ["newslint.document-error"]
    assert diags[0].severity == T.DiagnosticSeverity.Error and "front matter" in diags[0].message


async def test_malformed_requests_get_errors_and_the_server_carries_on(client, workspace):
    from pygls.exceptions import JsonRpcException

    # Sent as raw JSON: the client's own types would not let a wrong request out.
    for n, params in enumerate(({"textDocument": {"uri": 5}}, {"position": "here"}, None)):
        future = asyncio.get_running_loop().create_future()
        client.protocol._request_futures[f"bad-{n}"] = future
        client.protocol._send_data({"jsonrpc": "2.0", "id": f"bad-{n}", "method": T.TEXT_DOCUMENT_HOVER, "params": params})
        with pytest.raises(JsonRpcException):
            await asyncio.wait_for(future, 30)
    with pytest.raises(JsonRpcException):
        await client.workspace_execute_command_async(T.ExecuteCommandParams(command="newslint.nothing", arguments=[]))
    diags = await _open(client, _folder(workspace, "after") / "draft.md", "It was definately late.\n")
    assert [d.code for d in diags] == ["spelling.misspelling"]


@pytest_lsp.fixture(config=_config(), scope="module")
async def utf8_client(lsp_client: LanguageClient, workspace: Path):
    _prepare(lsp_client)
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=_capabilities(["utf-8", "utf-16"]), root_uri=from_fs_path(str(workspace))))
    yield
    await lsp_client.shutdown_session()


async def test_utf8_positions_when_the_client_prefers_them(utf8_client, workspace):
    diags = await _open(utf8_client, _folder(workspace, "utf8") / "draft.md", DRAFT)
    # each emoji is four UTF-8 bytes: three more than its one code point
    assert [_where(d) for d in diags] == [
        ("spelling.misspelling", 0, 48, 0, 58),
        ("grammar.repeated-word", 2, 23, 2, 27),
    ]


_EXPLODER = textwrap.dedent('''
    from lint import hookimpl
    from lint.findings import Severity
    from lint.rule import Examples, Rule


    class Exploding(Rule):
        kind = "exploding"

        def check(self, doc):
            raise RuntimeError("boom")


    @hookimpl
    def register_kinds():
        return [Exploding]


    @hookimpl
    def register_rules(settings):
        return [Exploding(id="boom.always", category="style", severity=Severity.WARNING, message="m", why="w",
                          examples=Examples(("a",), ("b",)), skip=frozenset(), options={}, settings=settings)]
''')


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    (site / "exploder_plugin.py").write_text(_EXPLODER, encoding="utf-8")
    dist = site / "exploder_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: exploder-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newslint]\nexploder = exploder_plugin\n")
    return site


_PLUGIN_SERVER = _config()


@pytest.fixture(scope="module")
def plugin_server(plugin_site) -> None:
    """Points the plugin server's PYTHONPATH at the plugin; a test asks for it before
    ``plugin_client``, which starts the server with that environment."""
    _PLUGIN_SERVER.server_env = _env(str(plugin_site))


@pytest_lsp.fixture(config=_PLUGIN_SERVER, scope="module")
async def plugin_client(lsp_client: LanguageClient, workspace: Path):
    await _open_session(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


async def test_a_raising_plugin_gives_one_message_and_the_other_rules_still_run(plugin_server, plugin_client, workspace):
    folder = _folder(workspace, "plugin")
    first = await _open(plugin_client, folder / "one.md", DRAFT)
    second = await _open(plugin_client, folder / "two.md", "It was definately late.\n")
    assert [d.code for d in first] == ["spelling.misspelling", "grammar.repeated-word"]
    assert [d.code for d in second] == ["spelling.misspelling"]
    boom = [m for m in plugin_client.messages if "boom.always" in m.message]
    assert len(boom) == 1
    assert "plugin 'exploder': rule 'boom.always' raised RuntimeError: boom" in boom[0].message


ELECT = "President-elect Donald Trump met the council.\n"


async def test_the_client_date_setting_judges_every_draft(client, workspace):
    folder = _folder(workspace, "dated")
    # initializationOptions date 2025-03-03 wins over front matter, as --date does on the command line
    diags = await _open(client, folder / "draft.md", "---\ndate: 2024-12-01\n---\n" + ELECT)
    assert [_where(d) for d in diags] == [("facts.out-of-window", 3, 0, 3, 28)]


async def test_front_matter_dates_the_draft_and_a_setting_change_redates_it(utf8_client, workspace):
    folder = _folder(workspace, "frontmatter")
    assert await _open(utf8_client, folder / "before.md", "---\ndate: 2024-12-01\n---\n" + ELECT) == []
    path = folder / "after.md"
    diags = await _open(utf8_client, path, "---\ndate: 2025-03-03\n---\n" + ELECT)
    assert [d.code for d in diags] == ["facts.out-of-window"]
    mark = _mark(utf8_client)
    utf8_client.workspace_did_change_configuration(T.DidChangeConfigurationParams(
        settings={"newslint": {"date": "2024-12-01"}}))
    uri = from_fs_path(str(path))
    assert await _diagnostics(utf8_client, uri, since=mark) == []


async def test_a_config_broken_from_the_start_gives_one_message_and_the_defaults(client, workspace):
    folder = _folder(workspace, "brokenfirst", "select: [no-such-pack]\n")
    before = len(client.messages)
    first = await _open(client, folder / "one.md", DRAFT)
    second = await _open(client, folder / "two.md", DRAFT)
    assert [d.code for d in first] == [d.code for d in second] == ["spelling.misspelling", "grammar.repeated-word"]
    errors = [m for m in client.messages[before:] if "no-such-pack" in m.message]
    assert len(errors) == 1 and errors[0].type == T.MessageType.Error


@pytest_lsp.fixture(config=_config(), scope="module")
async def settings_client(lsp_client: LanguageClient, workspace: Path):
    _prepare(lsp_client)
    lsp_client.set_configuration({"date": "2025-03-03"}, section="newslint")
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=T.ClientCapabilities(workspace=T.WorkspaceClientCapabilities(configuration=True)),
        root_uri=from_fs_path(str(workspace))))
    yield
    await lsp_client.shutdown_session()


async def test_the_date_from_workspace_configuration(settings_client, workspace):
    # asked for with workspace/configuration (section 'newslint') once the client is initialized
    diags = await _open(settings_client, _folder(workspace, "pulled") / "draft.md",
                        "---\ndate: 2024-12-01\n---\n" + ELECT)
    assert [d.code for d in diags] == ["facts.out-of-window"]
