import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
