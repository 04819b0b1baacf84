"""``newslint audit`` on a real dask.distributed LocalCluster (two worker processes started here).

The archive is 2,000 generated drafts (tests/audit_corpus.py) across desks, authors and
months; every count the audit reports is compared with ``newslint check --format json`` on
the same files. The report page is opened in headless Chromium (the browser setup of the
web page's test); its screenshot is kept in the test's ``tmp_path`` as ``report.png``.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

distributed = pytest.importorskip("distributed", reason="newslint audit needs the 'audit' extra")
pytest.importorskip("matplotlib", reason="newslint audit needs the 'audit' extra")

from audit_corpus import write_archive  # noqa: E402

from lint.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = 2000
CATEGORIES = ("spelling", "grammar", "fact", "name", "date", "bias", "style", "clutter", "readability",
              "consistency")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    return folder, write_archive(folder, DRAFTS)


@pytest.fixture(scope="module")
def checked(archive):
    """What ``newslint check --format json --stats`` reports for every draft of the archive."""
    folder, _meta = archive
    proc = subprocess.run([sys.executable, "-m", "lint", "check", str(folder), "--format", "json", "--stats",
                           "--jobs", "2", "--no-progress"], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["files"] == DRAFTS
    return {f["path"]: f for f in report["files"]}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def audited(archive, cluster, tmp_path_factory):
    folder, _meta = archive
    out = tmp_path_factory.mktemp("audit-out")
    status = main(["audit", str(folder), "--scheduler", cluster.scheduler_address, "--out", str(out),
                   "--by", "desk,author", "--by", "tags", "--by", "month", "--no-progress"])
    assert status == 0
    return out


def _rows(out: Path) -> dict[str, dict]:
    with open(out / "drafts.csv", newline="", encoding="utf-8") as fh:
        return {row["path"]: row for row in csv.DictReader(fh)}


def test_counts_match_check_draft_by_draft(audited, checked):
    rows = _rows(audited)
    assert set(rows) == set(checked)
    for path, entry in checked.items():
        row = rows[path]
        cats = Counter(f["category"] for f in entry["findings"])
        assert int(row["findings"]) == len(entry["findings"]), path
        assert {c: int(row[f"{c}_findings"]) for c in CATEGORIES} == {c: cats[c] for c in CATEGORIES}, path
        assert int(row["words"]) == entry["stats"]["words"], path
        assert int(row["sentences"]) == entry["stats"]["sentences"], path
        assert float(row["grade_level"]) == entry["stats"]["grade_level"], path
        assert row["date"] == entry["date"] and row["date_source"] == entry["date_source"] == "front-matter"
        assert row["error"] == ""


def test_summary_counts_by_rule_group_and_month(audited, checked, archive):
    _folder, meta = archive
    s = json.loads((audited / "summary.json").read_text(encoding="utf-8"))
    findings = [f for entry in checked.values() for f in entry["findings"]]
    assert s["drafts"] == s["linted"] == DRAFTS and s["unreadable"] == 0 and not s["interrupted"]
    assert s["totals"]["findings"] == len(findings) > 0
    assert s["totals"]["by_rule"] == dict(Counter(f["rule"] for f in findings))
    assert s["totals"]["by_severity"] == dict(Counter(f["severity"] for f in findings))
    # Several rules and categories fire, so the comparison is not about one rule only.
    assert len(s["totals"]["by_rule"]) >= 4 and len(s["totals"]["by_category"]) >= 4

    def expected(key) -> dict[str, Counter]:
        out: dict[str, Counter] = {}
        for path, entry in checked.items():
            values = key(meta[path])
            for v in values if isinstance(values, list) else [values]:
                out.setdefault(v, Counter()).update(f["rule"] for f in entry["findings"])
        return out

    for field, key in (("desk", lambda m: m["desk"]), ("author", lambda m: m["author"]),
                       ("tags", lambda m: m["tags"]), ("month", lambda m: m["date"][:7])):
        want = expected(key)
        got = s["groups"][field]
        assert set(got) == set(want), field
        for value, rules in want.items():
            assert got[value]["by_rule"] == dict(rules), (field, value)
            assert got[value]["findings"] == sum(rules.values())
    assert len(s["groups"]["month"]) == 24 and len(s["groups"]["desk"]) == 5
    assert sum(g["drafts"] for g in s["groups"]["desk"].values()) == DRAFTS
    assert s["judged"]["date_sources"] == {"front-matter": DRAFTS}
    grades = [e["stats"]["grade_level"] for e in checked.values()]
    # rounded to one decimal; sums in another order may differ in the last bit
    assert abs(s["totals"]["average_grade"] - sum(grades) / len(grades)) <= 0.05 + 1e-9
    assert s["fact_packs"] and all(p["as_of"] for p in s["fact_packs"])
    top = s["most_findings"]
    assert top and top[0]["findings"] == max(len(e["findings"]) for e in checked.values())


def test_audit_completes_when_a_worker_is_killed(archive, checked, cluster, tmp_path):
    from distributed import Client

    from lint.audit import audit

    folder, _meta = archive
    drafts = sorted(str(p) for p in (folder / "metro").glob("*.md"))[:200]
    out = tmp_path / "out"
    killed: dict = {}
    with Client(cluster.scheduler_address) as watcher:
        pids = watcher.run(os.getpid)

    def kill_partway() -> None:
        csv_path = out / "drafts.csv"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                done = csv_path.read_text(encoding="utf-8").count("\n") - 1
            except OSError:
                done = 0
            if done >= 30:
                address, pid = sorted(pids.items())[0]
                os.kill(pid, signal.SIGKILL)
                killed.update(address=address, pid=pid, done=done)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=kill_partway, daemon=True)
    thread.start()
    result = audit(drafts, out, scheduler=cluster.scheduler_address, batch=5, by=("desk", "month"))
    thread.join(5)
    assert killed, "the audit finished before a worker could be killed"
    assert killed["done"] < len(drafts)  # killed part way
    s = result.summary
    want = {p: checked[p] for p in drafts}
    assert s["unreadable_drafts"] == []
    assert s["drafts"] == s["linted"] == len(want) == 200 and s["unreadable"] == 0
    assert s["totals"]["by_rule"] == dict(Counter(f["rule"] for e in want.values() for f in e["findings"]))
    assert set(_rows(out)) == set(want)  # every draft once, none twice


def test_unreadable_and_binary_drafts_are_counted_and_listed(tmp_path, capsys):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(3):
        (drafts / f"good-{n}.md").write_text(f"# Notice {n}\n\nThe library opens at nine on Monday.\n",
                                             encoding="utf-8")
    (drafts / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    (drafts / "latin1.txt").write_bytes("The caf\xe9 reopened on Friday.\n".encode("latin-1"))
    (drafts / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (drafts / "open.md").write_text("---\ntitle: never closed\n\nThe body.\n", encoding="utf-8")
    (drafts / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a draft type: counted, not linted
    out = tmp_path / "out"
    status = main(["audit", str(drafts), "--scheduler", "threads", "--workers", "2", "--out", str(out),
                   "--no-progress"])
    assert status == 0
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    bad = {str(drafts / n) for n in ("photo.md", "latin1.txt", "gone.md", "open.md")}
    assert s["drafts"] == 7 and s["linted"] == 3 and s["unreadable"] == 4
    assert {u["path"] for u in s["unreadable_drafts"]} == bad
    assert all(u["error"].startswith(u["path"]) for u in s["unreadable_drafts"])
    assert s["not_drafts"] == 1
    rows = _rows(out)
    assert {p for p, r in rows.items() if r["error"]} == bad and len(rows) == 7
    # check reports the same four as errors
    import lint

    errors = {r.path for r in lint.check_paths([drafts]) if r.error}
    assert errors == bad
    err = capsys.readouterr().err
    assert all(f"not linted: {p}" in err for p in bad)
    assert "drafts (" not in err  # no progress line off a terminal
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "could not be linted (4)" in html and "photo.md" in html


def test_ctrl_c_stops_cleanly_and_writes_what_was_finished(archive, tmp_path):
    """The default scheduler: the command starts its own cluster. Ctrl-C on a terminal signals
    the whole process group, workers included; only the command may react, and it must
    still write what it finished."""
    folder, _meta = archive
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "lint", "audit", str(folder), "--workers", "1", "--out", str(out),
                             "--no-progress"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            csv_path = out / "drafts.csv"
            if csv_path.exists() and csv_path.read_text(encoding="utf-8").count("\n") > 20:
                break
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stdout.startswith("stopped: ")
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert s["interrupted"] and s["scheduler"] == "processes" and 20 <= s["drafts"] == len(_rows(out)) < DRAFTS
    assert "stopped after" in (out / "report.html").read_text(encoding="utf-8")


def test_report_renders_in_headless_chromium(audited, tmp_path):
    from selenium.webdriver.common.by import By
    from test_server_page import _browser

    html = (audited / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and " src=" not in html
    driver = _browser(tmp_path)
    try:
        driver.set_window_size(1200, 2400)
        driver.get((audited / "report.html").as_uri())
        figures = driver.find_elements(By.CSS_SELECTOR, "figure svg")
        assert len(figures) == 4  # all drafts, then by desk, author and tags
        for svg in figures:
            assert svg.size["width"] > 300 and svg.size["height"] > 150
            lines = svg.find_elements(By.CSS_SELECTOR, "path")
            assert len(lines) > 20
        # the page loaded nothing besides itself
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
        assert "2025-11-30" in driver.find_element(By.TAG_NAME, "body").text  # fact packs' date
        links = driver.find_elements(By.CSS_SELECTOR, "table a[href]")
        assert links
        for a in links[:5]:  # relative links from the report to the drafts
            target = Path(unquote(urlparse(a.get_attribute("href")).path))
            assert target.is_file() and target == Path(a.text)
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()


def test_check_does_not_import_dask_or_matplotlib(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("The council met on Tuesday.\n", encoding="utf-8")
    code = ("import sys\nfrom lint.cli import main\nmain(['check', sys.argv[1]])\nmain(['--help'])\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'matplotlib'))\n"
            "print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_progress_on_a_terminal(tmp_path):
    import pty

    write_archive(tmp_path / "drafts", 60)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lint", "audit", str(tmp_path / "drafts"), "--scheduler", "threads",
                             "--workers", "2", "--out", str(tmp_path / "out")],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "CI": ""},
                            stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(60)
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "audit: 60/60 drafts (100%)" in text and "/s" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared at the end


def test_workers_that_cannot_lint_stop_the_audit_with_a_message(tmp_path, monkeypatch, capsys):
    from lint.audit import linting

    def no_engine(spec):
        raise ModuleNotFoundError("No module named 'lint'")

    (tmp_path / "a.md").write_text("The council met.\n", encoding="utf-8")
    monkeypatch.setattr(linting, "_engine", no_engine)  # threads: the workers run this module
    assert main(["audit", str(tmp_path / "a.md"), "--scheduler", "threads", "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 2
    assert "the Dask workers could not lint a draft: ModuleNotFoundError" in capsys.readouterr().err


def test_progress_line():
    from lint.audit.progress import Progress

    p = Progress(1000, enabled=False)
    p.advance(250)
    assert p.line(10.0) == "audit: 250/1000 drafts (25%), 25/s, 30s left"
    p.advance(750)
    assert p.line(40.0) == "audit: 1000/1000 drafts (100%), 25/s"
    assert Progress(None, enabled=False).line(1.0) == "0 drafts, 0/s"


def test_bad_scheduler_and_missing_path_are_usage_errors(tmp_path, capsys):
    assert main(["audit", str(tmp_path), "--scheduler", "gpu", "--out", str(tmp_path / "o")]) == 2
    assert "unknown scheduler 'gpu'" in capsys.readouterr().err
    assert main(["audit", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_months_come_from_the_drafts_own_date_even_with_date(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("---\ndesk: metro\ndate: 2024-03-02\n---\nThe pier reopened on Saturday.\n",
                                 encoding="utf-8")
    (drafts / "b.md").write_text("---\nsection: Sport\n---\nLONDON, May 4, 2025 - The club won the the cup.\n",
                                 encoding="utf-8")
    (drafts / "c.md").write_text("The shop opened a second branch.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["audit", str(drafts), "--scheduler", "threads", "--workers", "1", "--date", "2025-11-22",
                 "--out", str(out), "--no-progress"]) == 0
    rows = _rows(out)
    got = {Path(p).name: (r["date"], r["date_source"], r["month"], r["desk"]) for p, r in rows.items()}
    assert got == {"a.md": ("2025-11-22", "cli", "2024-03", "metro"),
                   "b.md": ("2025-11-22", "cli", "2025-05", "Sport"),
                   "c.md": ("2025-11-22", "cli", "undated", "")}
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert s["judged"]["date"] == "2025-11-22" and s["judged"]["date_sources"] == {"cli": 3}
    assert set(s["groups"]["month"]) == {"2024-03", "2025-05", "undated"}
    assert set(s["groups"]["desk"]) == {"metro", "Sport", "(none)"}
    import lint

    want = Counter(f.rule for r in lint.check_paths([drafts], date="2025-11-22") for f in r.findings)
    assert s["totals"]["by_rule"] == dict(want) and want["grammar.repeated-word"] == 1
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "every draft at <b>2025-11-22</b>" in html and "1 draft has no date of their own" in html
