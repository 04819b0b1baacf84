"""The command line tunes the garbage collector of its own process only (lint.engine.parallel.own_heap)."""
import gc
import json
import os
import subprocess
import sys

from lint import cli
from lint.engine import parallel

DRAFTS = [
    "# Council budget\n\nThe council met on Tuesday and voted to raise the levy. Its leader said the "
    "goverment had left it no choice.\n",
    "Keir Starmer spoke first. Later, Starmar said the talks were useful.\n\nRead more\n",
    "The mayor, who took office in May, said the the plan would go ahead.\n",
]


def _folder(tmp_path):
    for n, text in enumerate(DRAFTS * 4):  # more than 1 + parallel.FREEZE_AFTER
        (tmp_path / f"{n:02d}.md").write_text(text)
    return tmp_path


def test_in_process_calls_leave_the_collector_alone(tmp_path, capsys):
    before = (gc.get_threshold(), gc.get_freeze_count(), parallel.FREEZE_HEAP)
    cli.main(["check", str(_folder(tmp_path)), "--format", "json", "--date", "2025-11-22", "--no-progress"])
    capsys.readouterr()
    assert (gc.get_threshold(), gc.get_freeze_count(), parallel.FREEZE_HEAP) == before


#: The program as the console script runs it, reporting the collector's state once the
#: command is done (an exit handler of its own would not run: the program's last one ends
#: the process, see lint.cli._exit_without_teardown).
_PROBE = ("import gc, sys; sys.argv = ['newslint', *sys.argv[1:]]\n"
          "from lint import cli\n"
          "command = cli.main\n"
          "def main(*args):\n"
          "    code = command(*args)\n"
          "    sys.stderr.write({report})\n"
          "    return code\n"
          "cli.main = main\n"
          "cli.entry()\n")


def test_own_process_tunes_and_reports_the_same(tmp_path, capsys):
    folder = _folder(tmp_path)
    args = ["check", ".", "--format", "json", "--date", "2025-11-22", "--no-progress"]
    cwd = os.getcwd()
    try:
        os.chdir(folder)
        cli.main(args)
    finally:
        os.chdir(cwd)
    in_process = capsys.readouterr().out
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    probe = _PROBE.format(report="f'{gc.get_threshold()[0]} {gc.get_freeze_count()}'")
    for jobs in ("1", "2"):
        own = subprocess.run([sys.executable, "-c", probe, *args, "--jobs", jobs], cwd=folder,
                             capture_output=True, text=True, env=env)
        assert own.stdout == in_process
        threshold, frozen = map(int, own.stderr.split()[-2:])
        assert threshold == parallel.GC_THRESHOLD and frozen > 0
    assert json.loads(in_process)["summary"]["findings"] > 0


def test_freeze_heap_runs_once_per_process():
    code = ("import gc; from lint.engine import parallel; parallel.freeze_heap(); n = gc.get_freeze_count();"
            "x = [[] for _ in range(1000)]; parallel.freeze_heap(); print(n > 0, gc.get_freeze_count() == n)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["True", "True"], out.stderr


def test_a_short_run_does_not_freeze(tmp_path):
    for n, text in enumerate(DRAFTS):
        (tmp_path / f"{n:02d}.md").write_text(text)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    probe = _PROBE.format(report="f' {gc.get_freeze_count()}'")
    own = subprocess.run([sys.executable, "-c", probe, "check", ".", "--date", "2025-11-22", "--no-progress"],
                         cwd=tmp_path, capture_output=True, text=True, env=env)
    assert own.stderr.split()[-1] == "0"
