"""``newslint serve``: a LanguageTool-compatible HTTP API, newslint's JSON report over HTTP,
and a paste-and-check page, all on one engine built at start-up (see docs/server.md)."""
