"""Reading drafts from any source: a byte limit checked while reading, and UTF-16/32 text.

Memory bounds are asserted by running newslint under an address-space limit (``resource``),
not by timing.
"""
import json
import os
import subprocess
import sys
import threading

import pytest

from lint import reading

LIMIT_MB = 50


def _run(*args, stdin=None, cwd=None, memory_mb=None):
    def limit():
        import resource

        if memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, memory_mb * 1024 * 1024))

    return subprocess.run([sys.executable, "-m", "lint", *args], stdin=stdin, capture_output=True, cwd=cwd,
                          preexec_fn=limit, timeout=300)


def _clean_error(proc, *needles):
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "MemoryError" not in err, err
    for n in needles:
        assert n in err, err


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero"])
def test_a_device_is_refused_without_reading_it(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    _clean_error(_run("check", device, memory_mb=1024), f"{device}: is a device or socket, not a draft file")


def test_standard_input_is_cut_off_at_the_limit_while_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # 60 MB of one repeated paragraph
        para = b"The council met on Tuesday to discuss the budget for the coming year.\n\n"
        fh.write(para * (60 * 1024 * 1024 // len(para)))
    with open(big, "rb") as fh:
        proc = _run("check", "-", stdin=fh, memory_mb=1024)
    _clean_error(proc, f"<stdin>: is over {LIMIT_MB} MB; newslint reads drafts up to {LIMIT_MB} MB")


def test_an_endless_pipe_is_cut_off_at_the_limit(tmp_path):
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)

    def feed():
        try:
            with open(fifo, "wb") as fh:
                chunk = b"x" * (1024 * 1024)
                for _ in range(200):  # 200 MB unless the reader stops first
                    fh.write(chunk)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    proc = _run("check", str(fifo), memory_mb=1024)
    writer.join(timeout=60)
    _clean_error(proc, f"draft.md: is over {LIMIT_MB} MB")


def test_the_size_in_the_message_is_the_real_size(tmp_path):
    p = tmp_path / "huge.md"
    with open(p, "wb") as fh:
        fh.truncate(int(52.6 * 1024 * 1024))  # sparse: nothing is written, nothing is read
    _clean_error(_run("check", str(p)), "huge.md: is 52.6 MB; newslint reads drafts up to 50 MB")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_drafts_with_a_byte_order_mark_are_read(tmp_path, codec):
    text = "Read more\n\nThe mayor 😀 spoke on Tuesday.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    p = tmp_path / "d.md"
    p.write_bytes(data)
    proc = _run("check", str(p), "--format", "json", "--select", "clutter")
    assert proc.returncode == 1, proc.stderr.decode()
    (f,) = json.loads(proc.stdout)["files"][0]["findings"]
    assert f["match"] == "Read more" and f["offset"] == 0 and f["line"] == 1


def test_fix_writes_utf16_back_as_utf16(tmp_path):
    p = tmp_path / "d.md"
    p.write_bytes("Officials met in Kiev on Tuesday.\n".encode("utf-16"))
    proc = _run("check", str(p), "--fix", "--select", "house-usage")
    data = p.read_bytes()
    assert data.startswith(b"\xff\xfe"), proc.stderr.decode()
    assert data.decode("utf-16") == "Officials met in Kyiv on Tuesday.\n"


def test_utf16_without_a_mark_says_how_to_convert(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes("The mayor spoke.\n".encode("utf-16-le"))
    _clean_error(_run("check", str(p)), "d.txt: looks like a binary file (NUL bytes)", "iconv -f UTF-16 -t UTF-8")


def test_two_latin1_bytes_that_look_like_a_mark_are_not_taken_for_utf16(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes("ÿþ café\n".encode("latin-1"))
    _clean_error(_run("check", str(p)), "d.txt:1: not valid UTF-8")


def test_read_stream_stops_one_byte_past_the_limit():
    import io

    class Counting(io.BytesIO):
        served = 0

        def read(self, n=-1):
            out = super().read(n)
            Counting.served += len(out)
            return out

    src = Counting(b"a" * 5000)
    with pytest.raises(reading.ReadError, match="is over"):
        reading.read_stream(src, "s", limit=1000)
    assert Counting.served == 1001
    assert reading.read_stream(io.BytesIO(b"abc"), "s", limit=3) == b"abc"
