import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the disk cache (parsed packs, fact bases) of the test run out of the user's home."""
    import os

    old = os.environ.get("NEWSLINT_CACHE_DIR")
    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("newslint-cache"))
    yield
    if old is None:
        os.environ.pop("NEWSLINT_CACHE_DIR", None)
    else:
        os.environ["NEWSLINT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def engine():
    from lint.engine import Engine
    from lint.plugins import build

    return Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


@pytest.fixture
def cli():
    """Run ``python -m lint ARGS`` in a subprocess."""
    return run_cli


def run_cli(*args, stdin=None, cwd=None, env=None):
    """Run ``python -m lint`` in a subprocess; returns CompletedProcess."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "lint", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=env)
