"""``newslint serve``: the HTTP server (LanguageTool's /v2/check, /api/check, the page at /)."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

from .common import EXIT_OK, fail


ENV = "NEWSLINT_SERVE_SETTINGS"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Host headers a server on loopback answers; a reverse proxy should pass Host through as
#: one of these or listen elsewhere (docs/server.md).
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


def app_from_environment():
    """The app of one worker process of ``newslint serve --workers N``."""
    from ..server.app import create_app
    from ..server.checker import Limits

    settings = json.loads(os.environ[ENV])
    return create_app(settings["config"], Limits(**settings["limits"]), allowed_hosts=settings.get("hosts"))


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve LanguageTool's HTTP API and a paste-and-check page",
                       description="Serve LanguageTool's /v2/check API, newslint's /api/check and a "
                                   "paste-and-check page at /. Listens on localhost unless told otherwise.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8081, help="port (default 8081, LanguageTool's)")
    p.add_argument("--config", help="config file (default: the nearest one to the current folder)")
    p.add_argument("--max-bytes", type=int, default=1_000_000, help="largest request body (default 1,000,000)")
    p.add_argument("--time-limit", type=float, default=10.0, help="seconds a check may take (default 10)")
    p.add_argument("--max-pending", type=int, default=32,
                   help="checks running or waiting before requests get 503 (default 32, per worker)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes, each with its own engine (default 1; one per core for throughput)")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..server.app import create_app
        from ..server.checker import Limits
    except ImportError as exc:
        return fail(f"newslint serve needs the 'server' extra: pip install 'newslint[server]' ({exc})")
    from ..config import ConfigError
    from ..packs import PackError

    limits = Limits(args.max_bytes, args.time_limit, args.max_pending)
    hosts = LOOPBACK_HOSTS if args.host in LOOPBACK else None
    try:
        app = create_app(args.config, limits, allowed_hosts=hosts)
    except (ConfigError, PackError) as exc:
        return fail(str(exc))
    if args.host not in LOOPBACK:
        sys.stderr.write(f"newslint: warning: listening on {args.host}: other machines can reach this server; "
                         "put it behind a reverse proxy with authentication (docs/server.md)\n")
    if args.workers > 1:
        # Each worker process imports the app factory and builds its own engine from these;
        # the app built here only proved that the config loads.
        app.state.checker.close()
        os.environ[ENV] = json.dumps({"config": os.path.abspath(args.config) if args.config else None,
                                      "limits": dataclasses.asdict(limits), "hosts": hosts})
        uvicorn.run("lint.commands.serve:app_from_environment", factory=True, workers=args.workers,
                    host=args.host, port=args.port, log_level="warning", access_log=False)
    else:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return EXIT_OK
