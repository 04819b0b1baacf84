"""The routes of ``newslint serve`` (a Starlette application).

    GET  /                  the paste-and-check page (page.html)
    POST /v2/check          LanguageTool's check API (form-encoded; GET with a query works too)
    GET  /v2/languages      the languages that API accepts
    POST /api/check         newslint's version-1 JSON report for one text
    GET  /api/rules         every rule: id, kind, category, severity, summary
    GET  /api/rules/{id}    one rule's documentation with its examples
    GET  /health            liveness and load
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import urllib.parse
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import languagetool_api as lt
from .checker import Busy, CheckFailed, Checker, Limits, TooSlow, selected


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, or 413 as soon as it is known to be larger than ``limit``."""
    too_big = HttpError(413, f"request too large: the limit is {limit:,} bytes (split the text, "
                             "or start the server with a larger --max-bytes)")
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise too_big
        except ValueError:
            raise HttpError(400, "bad Content-Length header") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _text(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"{what} is not UTF-8 text (byte {exc.start})") from None


async def form_params(request: Request, limit: int) -> dict[str, str]:
    """LanguageTool's parameters, from the query string and a form-encoded body."""
    params = dict(request.query_params)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "application/x-www-form-urlencoded").split(";")[0].strip()
        body = await read_body(request, limit)
        if body:
            if ctype != "application/x-www-form-urlencoded":
                raise HttpError(415, f"send the parameters form-encoded (application/x-www-form-urlencoded), not {ctype}")
            try:
                pairs = urllib.parse.parse_qsl(body.decode("ascii"), keep_blank_values=True, errors="strict")
            except (UnicodeDecodeError, ValueError):
                raise HttpError(400, "the form body is not valid UTF-8 form-encoded text") from None
            params.update(pairs)
    return params


def parse_date(value: Any) -> _dt.date | None:
    if value in (None, ""):
        return None
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise HttpError(400, f"'date' must be YYYY-MM-DD, not {str(value)[:40]!r}") from None


def _no_nul(text: str) -> str:
    # A NUL is never part of copy; it comes from pasting binary. Lint the rest.
    return text.replace("\x00", " ") if "\x00" in text else text


def create_app(config: str | None = None, limits: Limits = Limits(), checker: Checker | None = None,
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The application. ``allowed_hosts`` limits the Host header a request may carry (a web
    page on another site cannot then reach a server on localhost through DNS rebinding)."""
    from .. import __version__

    owned = checker is None  # a checker passed in is its owner's to close
    checker = checker or Checker(config, limits)
    limits = checker.limits

    async def run_check(text: str, fmt: str, date: _dt.date | None):
        try:
            return await checker.check(text, fmt, date)
        except CheckFailed as exc:
            raise HttpError(500, f"the check failed: {exc}") from None
        except Busy:
            raise HttpError(503, f"the server is busy ({limits.max_pending} checks running or waiting); "
                                 "try again shortly", {"Retry-After": "1"}) from None
        except TooSlow:
            raise HttpError(503, f"the check did not finish within {limits.time_limit:g} s and was stopped; "
                                 "try a shorter text", {"Retry-After": "5"}) from None

    async def v2_check(request: Request) -> Response:
        params = await form_params(request, limits.max_bytes)
        language = lt.language_for(params.get("language"))
        if "text" in params and "data" in params:
            raise lt.BadRequest("send either 'text' or 'data', not both")
        if "data" in params:
            source = lt.Source.from_annotation(params["data"])
        elif "text" in params:
            source = lt.Source.from_text(params["text"])
        else:
            raise lt.BadRequest("missing 'text' or 'data'")
        rule_filter = lt.lt_rule_filter(params, checker.rule_ids)
        date = parse_date(params.get("date"))
        result, _safe = await run_check(_no_nul(source.plain), "text", date)
        if result.error:
            raise HttpError(400, result.error)
        findings = [f for f in result.findings if rule_filter.keeps(f)]
        body = lt.response(findings, source, language, checker.descriptions, __version__)
        return JSONResponse(body)

    async def v2_languages(request: Request) -> Response:
        return JSONResponse(lt.LANGUAGES)

    async def api_check(request: Request) -> Response:
        raw = await read_body(request, limits.max_bytes)
        try:
            payload = json.loads(_text(raw, "the body"))
        except ValueError as exc:
            raise HttpError(400, f"the body is not valid JSON: {exc}") from None
        if not isinstance(payload, dict):
            raise HttpError(400, "the body must be a JSON object: {\"text\": ..., \"format\": ..., \"date\": ...}")
        unknown_keys = sorted(set(payload) - {"text", "format", "date", "select", "ignore"})
        if unknown_keys:
            raise HttpError(400, f"unknown key '{unknown_keys[0]}' (expected text, format, date, select, ignore)")
        text = payload.get("text", "")
        if not isinstance(text, str):
            raise HttpError(400, "'text' must be a string")
        fmt = payload.get("format", "markdown")
        if fmt not in ("markdown", "text"):
            raise HttpError(400, f"'format' must be 'markdown' or 'text', not {str(fmt)[:40]!r}")
        tokens = {}
        for key in ("select", "ignore"):
            value = payload.get(key, [])
            if isinstance(value, str):
                value = lt.split_ids(value)
            if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
                raise HttpError(400, f"'{key}' must be a list of rule ids, prefixes or categories")
            bad = checker.unknown(value)
            if bad:
                raise HttpError(400, f"'{key}': unknown rule id or prefix '{bad[0]}' (GET /api/rules lists them)")
            tokens[key] = tuple(value)
        date = parse_date(payload.get("date"))
        result, safe = await run_check(_no_nul(text), fmt, date)
        return JSONResponse(report(result, safe, tokens["select"], tokens["ignore"]))

    async def api_rules(request: Request) -> Response:
        from ..engine import UNUSED_SUPPRESSION

        rows = [rule_summary(r) for r in checker.rules.values()]
        rows.append({"id": UNUSED_SUPPRESSION, "kind": "(engine)", "category": "style", "severity": "warning",
                     "summary": "A suppression comment that suppresses nothing"})
        return JSONResponse(sorted(rows, key=lambda r: r["id"]))

    async def api_rule(request: Request) -> Response:
        rule = checker.rules.get(request.path_params["rule_id"])
        if rule is None:
            raise HttpError(404, f"unknown rule '{request.path_params['rule_id'][:80]}' (GET /api/rules lists them)")
        return JSONResponse(rule)

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "rules": len(checker.rules),
                             "checks_pending": checker.pending, "max_pending": limits.max_pending})

    async def page(request: Request) -> Response:
        html = resources.files("lint.server").joinpath("page.html").read_text(encoding="utf-8")
        return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'self'; "
                                           "script-src 'unsafe-inline'; style-src 'unsafe-inline'"})

    async def on_http_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HttpError):
            return error(exc.status, exc.message, exc.headers)
        return error(400, str(exc))

    async def on_starlette_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        detail = getattr(exc, "detail", "") or "error"
        return error(status, str(detail))

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/v2/check", v2_check, methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/rules", api_rules, methods=["GET"]),
        Route("/api/rules/{rule_id:path}", api_rule, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/v2/healthcheck", health, methods=["GET"]),
    ]
    from starlette.exceptions import HTTPException

    app = Starlette(routes=routes, exception_handlers={HttpError: on_http_error, lt.BadRequest: on_http_error,
                                                      HTTPException: on_starlette_error},
                    lifespan=_lifespan(checker if owned else None))
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.state.checker = checker
    return app


def _lifespan(checker: Checker | None):
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        if checker is not None:
            checker.close()

    return lifespan


def rule_summary(rule: dict) -> dict:
    return {key: rule[key] for key in ("id", "kind", "category", "severity", "summary")}


def report(result, safe: set[int], select: tuple[str, ...], ignore: tuple[str, ...]) -> dict:
    """The version-1 JSON report of DESIGN.md for one text, plus ``fix`` on each finding:
    the replacement when the fix is safe to apply without an editor looking, else null."""
    from ..reporters.base import summary
    from ..reporters.json import finding_dict

    kept = [f for f in result.findings if selected(f, select, ignore)]
    result_view = type(result)(result.path, result.date, result.date_source, kept, result.error,
                               notices=result.notices)
    entry: dict[str, Any] = {
        "path": result.path,
        "date": result.date.isoformat() if result.date else None,
        "date_source": result.date_source or None,
        "findings": [{**finding_dict(f), "fix": f.fix if id(f) in safe else None} for f in kept],
    }
    if result.error:
        entry["error"] = result.error
    out: dict[str, Any] = {"version": 1, "files": [entry], "summary": summary([result_view])}
    from ..notices import merge

    notices = merge(result.notices)
    if notices:
        out["notices"] = notices
    return out
