"""docs/editors.md: every editor configuration in it parses (JSON, TOML) or is well formed
(Lua, Emacs Lisp: no luac or Emacs here, so a tokenizer checks strings, brackets and blocks)."""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "editors.md"
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[str]:
    return [body for lang, body in _FENCE.findall(DOC.read_text(encoding="utf-8")) if lang == language]


def test_json_snippets_parse_and_start_the_server():
    blocks = _blocks("json")
    assert len(blocks) == 2  # VS Code, Zed
    vscode, zed = (json.loads(b) for b in blocks)
    assert vscode["glspc.server.command"] == "newslint" and vscode["glspc.server.commandArguments"] == ["lsp"]
    assert {"markdown", "plaintext"} <= set(vscode["glspc.server.languageId"])
    assert zed["lsp"]["newslint"]["binary"] == {"path": "newslint", "arguments": ["lsp"]}
    assert "newslint" in zed["languages"]["Markdown"]["language_servers"]


def test_helix_languages_toml_parses():
    [block] = _blocks("toml")
    data = tomllib.loads(block)
    assert data["language-server"]["newslint"] == {"command": "newslint", "args": ["lsp"]}
    languages = {lang["name"]: lang for lang in data["language"]}
    assert "newslint" in languages["markdown"]["language-servers"]
    assert "newslint" in languages["text"]["language-servers"]


def _lua_tokens(code: str) -> list[str]:
    """Lua's tokens that matter for structure: brackets and block keywords (strings and
    comments removed); raises on an unterminated string."""
    out: list[str] = []
    i = 0
    while i < len(code):
        c = code[i]
        if code.startswith("--", i):
            j = code.find("\n", i)
            i = len(code) if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < len(code) and code[j] != c:
                if code[j] == "\n":
                    raise AssertionError(f"unterminated string at {code[i:i + 20]!r}")
                j += 2 if code[j] == "\\" else 1
            if j >= len(code):
                raise AssertionError("unterminated string")
            i = j + 1
        elif c.isalpha() or c == "_":
            m = re.match(r"[A-Za-z_]\w*", code[i:])
            out.append(m.group())
            i += m.end()
        else:
            if c in "()[]{}":
                out.append(c)
            i += 1
    return out


def _balanced(tokens: list[str], pairs: dict[str, str]) -> bool:
    stack: list[str] = []
    for t in tokens:
        if t in pairs:
            stack.append(pairs[t])
        elif t in pairs.values() or t == "end":
            if not stack or stack.pop() != t:
                return False
    return not stack


def _lua_ok(code: str) -> bool:
    # 'if' opens a block that 'then' continues and 'end' closes; 'function' and 'do' open one too
    tokens = [t for t in _lua_tokens(code) if t in "()[]{}" or t in ("if", "function", "do", "end")]
    return _balanced(tokens, {"(": ")", "[": "]", "{": "}", "if": "end", "function": "end", "do": "end"})


def test_neovim_lua_is_well_formed():
    blocks = _blocks("lua")
    assert len(blocks) == 2
    for block in blocks:
        assert _lua_ok(block), block
        assert '"newslint", "lsp"' in block
    assert not _lua_ok('vim.lsp.config("newslint", { cmd = { "newslint", "lsp" }')  # the checker catches a lost brace
    assert not _lua_ok("if configs then\n  x = 1\n")


def _sexp_ok(code: str) -> bool:
    depth = 0
    i = 0
    while i < len(code):
        c = code[i]
        if c == ";":
            j = code.find("\n", i)
            i = len(code) if j < 0 else j
            continue
        if c == '"':
            j = i + 1
            while j < len(code) and code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            if j >= len(code):
                return False
            i = j + 1
            continue
        if c == "?":  # a character literal such as ?( is not a bracket
            i += 3 if code[i + 1:i + 2] == "\\" else 2
            continue
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
        i += 1
    return depth == 0


def test_emacs_eglot_lisp_is_balanced():
    [block] = _blocks("elisp")
    assert _sexp_ok(block)
    assert '("newslint" "lsp")' in block
    assert not _sexp_ok("(add-hook 'markdown-mode-hook #'eglot-ensure")
