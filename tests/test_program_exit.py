"""The program ends without tearing the interpreter down (lint.cli._exit_without_teardown),
and loses nothing by it: exit codes, the whole report, the cache's memos and other exit
handlers are as they would be after the usual exit."""
import json
import os
import subprocess
import sys

DRAFT = "# Budget\n\nThe council will recieve the report on Tuesday.\n\nRead more\n"


def _program(*args, cwd, env=None, code=None):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p), **(env or {}))
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "lint", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)


def test_exit_codes_and_the_whole_report_survive(tmp_path):
    (tmp_path / "clean.md").write_text("The council met on Tuesday.\n")
    for n in range(60):
        (tmp_path / f"d{n:02d}.md").write_text(DRAFT)
    assert _program("check", "clean.md", "--date", "2025-11-22", cwd=tmp_path).returncode == 0
    many = _program("check", ".", "--format", "json", "--date", "2025-11-22", "--no-progress", cwd=tmp_path)
    assert many.returncode == 1
    report = json.loads(many.stdout)  # all of it was flushed: it parses
    assert len(report["files"]) == 61 and report["summary"]["findings"] >= 120
    assert _program("check", "missing.md", cwd=tmp_path).returncode == 2


def test_the_cache_still_writes_what_the_run_learned(tmp_path):
    (tmp_path / "d.md").write_text(DRAFT)
    cache = tmp_path / "cache"
    proc = _program("check", "d.md", "--date", "2025-11-22", cwd=tmp_path, env={"NEWSLINT_CACHE_DIR": str(cache)})
    assert proc.returncode == 1, proc.stderr
    written = {p.name.split("-")[0] for p in cache.iterdir()}
    assert {"heads", "prefixes"} <= written  # lint.diskcache.Memo saves from an exit handler


def test_exit_handlers_registered_during_the_run_still_run(tmp_path):
    (tmp_path / "d.md").write_text(DRAFT)
    # A plugin (or anything the run imports) may register its own exit handler.
    code = ("import atexit, sys; sys.argv = ['newslint', *sys.argv[1:]]\n"
            "from lint import cli\n"
            "command = cli.main\n"
            "def main(*args):\n"
            "    atexit.register(lambda: open('handler-ran', 'w').write('yes'))\n"
            "    return command(*args)\n"
            "cli.main = main\n"
            "cli.entry()\n")
    proc = _program("check", "d.md", "--date", "2025-11-22", cwd=tmp_path, code=code)
    assert proc.returncode == 1 and (tmp_path / "handler-ran").read_text() == "yes"


def test_a_closed_pipe_exits_the_usual_way(tmp_path):
    for n in range(40):
        (tmp_path / f"d{n:02d}.md").write_text(DRAFT)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", ".", "--date", "2025-11-22", "--no-progress"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader went away, as `newslint check | head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert first.startswith(b"d00.md:")
    assert "Traceback" not in err
