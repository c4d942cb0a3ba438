"""Bounded, typed reads (issue 13, item 5): every file the tool is given is a regular file,
opened without blocking and read up to a cap for its kind; a cache entry that is not one
is a miss. The CLI runs in a subprocess with a timeout, so a hang fails the test, not the
suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest
from helpers import REPO, cli, without_root_rights

from reconciler import files
from reconciler.applying import secret_codes as codes
from reconciler.checking import cache
from reconciler.reading import age_keys

IDENTITY = REPO / "examples" / "demo-identities" / "gmf-hill-valley.txt"
RECIPIENT = next(word for word in IDENTITY.read_text(encoding="utf-8").split()
                 if word.startswith("age1"))
GMF = "access/06/gmf-hill-valley.yaml"
TIMEOUT = 30  # seconds: a blocking open or an endless read fails here, not the suite


def rvsq(*args: str, cwd: Path, prefix: list[str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process (it inherits the test's cache settings)."""
    started = time.monotonic()
    done = subprocess.run([*(prefix or []), sys.executable, "-m", "reconciler", "--lang", "en",
                           "--no-color", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    assert time.monotonic() - started < TIMEOUT / 2, "far from well under a second"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def sealed_file(folder: Path, payload: bytes) -> Path:
    """An armoured age file sealed to the demo key, holding `payload`."""
    path = folder / "codes.age"
    path.write_text(codes._armor(pyrage.encrypt(payload, [age_keys.recipient(RECIPIENT)])),
                    encoding="ascii")
    return path


# Each reader: the command that reads the file at {X}, and the cap for its kind.
READERS = {
    "access file": (("validate", "{X}"), files.ACCESS),
    "policy": (("validate", "--policy", "{X}", "access"), files.POLICY),
    "saved plan": (("apply", "--auto-approve", "--plan", "{X}"), files.PLAN),
    "directory CSV": (("state", "import-directory", "{X}"), files.DIRECTORY),
    "sealed file": (("codes", "reveal", "{X}", "--identity", str(IDENTITY)), files.SEALED),
    "identity": (("codes", "reveal", "sealed.age", "--identity", "{X}"), files.IDENTITY),
    "user target": (("user", "remove", "{X}", "martinmacfly@ramq.gouv.qc.ca"), files.ACCESS),
}


def _run(repo: Path, reader: str, target: str, prefix: list[str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    args, _ = READERS[reader]
    sealed_file(repo, json.dumps({"codes": []}).encode()).rename(repo / "sealed.age")
    return rvsq(*(a.replace("{X}", target) for a in args), cwd=repo, prefix=prefix)


def _refused(done: subprocess.CompletedProcess[str], code: str, path: str) -> None:
    output = done.stdout + done.stderr  # validate prints its problems on stdout
    assert done.returncode == 1, output
    assert f"error[{code}]" in output and path in output, output


@pytest.mark.parametrize("reader", READERS)
def test_dev_zero_is_refused_not_read(sqlite_repo: Path, reader: str) -> None:
    _refused(_run(sqlite_repo, reader, "/dev/zero"), "E174", "/dev/zero")


# Named on the command line, an access file or policy that is a link out of the
# repository is refused as such (E015) before it is opened (tests/reliability/test_links.py).
LINKS_REFUSED = {"access file", "policy", "user target"}


@pytest.mark.parametrize("reader", READERS)
def test_a_link_to_dev_zero_is_refused(sqlite_repo: Path, reader: str) -> None:
    os.symlink("/dev/zero", sqlite_repo / "zero.yaml")
    code = "E015" if reader in LINKS_REFUSED else "E174"
    _refused(_run(sqlite_repo, reader, "zero.yaml"), code, "zero.yaml")


@pytest.mark.parametrize("reader", READERS)
def test_a_fifo_is_refused_without_blocking(sqlite_repo: Path, reader: str) -> None:
    os.mkfifo(sqlite_repo / "pipe.yaml")  # nobody writes to it: an open for reading would wait
    done = _run(sqlite_repo, reader, "pipe.yaml")
    _refused(done, "E173", "pipe.yaml")
    assert "'pipe.yaml' is a named pipe (FIFO), not a file: it was not read" in (
        done.stdout + done.stderr)


@pytest.mark.parametrize("reader", [r for r in READERS if r != "access file"])
def test_a_folder_is_refused(sqlite_repo: Path, reader: str) -> None:
    (sqlite_repo / "folder").mkdir()  # (a folder given to validate is a folder of access files)
    done = _run(sqlite_repo, reader, "folder")
    _refused(done, "E172", "folder")
    assert "'folder' is a folder, not a file" in done.stdout + done.stderr


@pytest.mark.parametrize("reader", READERS)
def test_a_missing_file_is_named(sqlite_repo: Path, reader: str) -> None:
    done = _run(sqlite_repo, reader, "nowhere.yaml")
    if reader == "access file":  # validate names what it was given before reading
        _refused(done, "E012", "nowhere.yaml")
    else:
        _refused(done, "E170", "nowhere.yaml")


@pytest.mark.parametrize("reader", READERS)
def test_a_file_over_its_cap_is_refused_unread(sqlite_repo: Path, reader: str) -> None:
    _, kind = READERS[reader]
    big = sqlite_repo / "big.yaml"
    with big.open("wb") as handle:  # sparse: the cap plus one byte, nothing written
        handle.truncate(kind.cap + 1)
    done = _run(sqlite_repo, reader, "big.yaml")
    if reader in ("access file", "policy"):  # validate's existing code, in the file
        _refused(done, "E002", "big.yaml:1:1")
        assert f"the file is larger than {kind.cap >> 20} MiB" in done.stdout
    else:
        _refused(done, "E175", "big.yaml")
        assert f"'big.yaml' is larger than {kind.cap >> 20} MiB" in done.stderr


@pytest.mark.parametrize("reader", READERS)
def test_a_file_one_may_not_read_is_named(sqlite_repo: Path, reader: str) -> None:
    secret = sqlite_repo / "secret.yaml"
    secret.write_text("x", encoding="utf-8")
    secret.chmod(0)
    _refused(_run(sqlite_repo, reader, "secret.yaml", without_root_rights()), "E171", "secret.yaml")


def test_a_file_growing_while_read_stops_at_its_cap(tmp_path: Path) -> None:
    """The size at the open is not trusted: the read itself stops one byte past the cap."""
    path = tmp_path / "growing"
    path.write_bytes(b"x" * 10)
    fd = files.open_regular(path)
    try:
        with path.open("ab") as handle:
            handle.write(b"y" * 100)
        assert files.read_bounded(fd, 50) is None
    finally:
        os.close(fd)
    assert files.read_file(path, files.Kind(200, "E175")) == b"x" * 10 + b"y" * 100


def test_a_policy_found_beside_the_files_is_read_the_same_way(sqlite_repo: Path) -> None:
    (sqlite_repo / "access" / "policy.yaml").unlink()
    os.mkfifo(sqlite_repo / "access" / "policy.yaml")
    _refused(rvsq("validate", "access", cwd=sqlite_repo), "E173", "access/policy.yaml")


def test_an_access_file_in_a_folder_that_is_a_fifo_is_not_read(sqlite_repo: Path) -> None:
    os.mkfifo(sqlite_repo / "access" / "06" / "pipe.yaml")  # not a file: not an access file
    assert rvsq("validate", "access", cwd=sqlite_repo).returncode == 0


# --- the parse cache ---------------------------------------------------------------------


def _entries() -> list[Path]:
    folder = Path(os.environ["RVSQ_CACHE_DIR"])
    return [p for p in folder.glob("??/*") if p.is_file() and not p.name.endswith("partial")]


@pytest.mark.parametrize("damage", ["fifo", "link to /dev/zero", "too large", "bad HMAC",
                                    "a link to a genuine entry"])
def test_a_damaged_cache_entry_is_a_miss(sqlite_repo: Path, damage: str) -> None:
    first = rvsq("plan", cwd=sqlite_repo)
    assert first.returncode == 0, first.stderr
    entries = _entries()
    assert entries
    genuine = sqlite_repo / "genuine"
    genuine.write_bytes(entries[0].read_bytes())
    for entry in entries:
        entry.unlink()
        if damage == "fifo":
            os.mkfifo(entry)
        elif damage == "link to /dev/zero":
            os.symlink("/dev/zero", entry)
        elif damage == "too large":
            with entry.open("wb") as handle:
                handle.truncate(cache.MAX_ENTRY + 1)
        elif damage == "bad HMAC":
            body = genuine.read_bytes()
            entry.write_bytes(b"0" * 64 + body[64:])
        else:
            os.symlink(genuine, entry)
    again = rvsq("plan", cwd=sqlite_repo)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout


def test_apply_runs_past_cache_entries_that_are_fifos(sqlite_repo: Path) -> None:
    assert rvsq("plan", cwd=sqlite_repo).returncode == 0
    for entry in _entries():
        entry.unlink()
        os.mkfifo(entry)
    done = rvsq("apply", "--auto-approve", cwd=sqlite_repo)
    assert done.returncode == 4, done.stderr  # applied; its emails wait (no RVSQ_SMTP_URL)
    assert rvsq("plan", "--detailed-exitcode", cwd=sqlite_repo).returncode == 0  # all applied


def test_a_cache_key_file_that_is_a_fifo_is_not_read(sqlite_repo: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RVSQ_CACHE_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(sqlite_repo / "config"))
    (sqlite_repo / "config" / "rvsq-access").mkdir(parents=True)
    os.mkfifo(sqlite_repo / "config" / "rvsq-access" / "cache.key")
    assert rvsq("plan", cwd=sqlite_repo).returncode == 0  # a key for this run only


# --- a forged sealed file ----------------------------------------------------------------

FORGED_PAYLOADS = {
    "not JSON": b"codes: none",
    "not UTF-8": b'{"codes": ["\xff"]}',
    "a list": b"[]",
    "no codes": b'{"code": []}',
    "codes not a list": b'{"codes": "7KQ2-M9XD-P4HT-W3NB"}',
    "an entry not an object": b'{"codes": [1]}',
    "an entry missing a field": b'{"codes": [{"username": "u", "email": "e", "code": "c"}]}',
    "a value not text": b'{"codes": [{"username": 1, "email": "e", "code": "c", '
                        b'"issued_at": "t"}]}',
    "an escape sequence": b'{"codes": [{"username": "u\\u001b]0;owned\\u0007", "email": "e", '
                          b'"code": "c", "issued_at": "t"}]}',
    "a right-to-left override": '{"codes": [{"username": "u\u202e", "email": "e", '
                                '"code": "c", "issued_at": "t"}]}'.encode(),
    "nested past the stack": b"[" * 100_000,
}


@pytest.mark.parametrize("payload", FORGED_PAYLOADS)
def test_a_forged_sealed_payload_is_named(tmp_path: Path, payload: str) -> None:
    path = sealed_file(tmp_path, FORGED_PAYLOADS[payload])
    result = cli("codes", "reveal", str(path), "--identity", str(IDENTITY))
    assert result.exit_code == 1
    assert result.stdout == ""  # nothing of it reaches the terminal
    assert (f"error[E178] '{path.as_posix()}' opens with this identity, but what it holds is "
            "not a list of codes written by this tool") in result.stderr
    assert "\x1b" not in result.output and "\u202e" not in result.output


ARMOUR = codes._BEGIN + "\n{body}\n" + codes._END + "\n"


@pytest.mark.parametrize("armour", {
    "bad base64": ARMOUR.format(body="not*base64!").encode(),
    "not ASCII": ARMOUR.format(body="YWdl").encode() + "é".encode(),
    "no end line": (codes._BEGIN + "\nYWdl\n").encode(),
    "padding wrong": ARMOUR.format(body="YWd").encode(),
}.items(), ids=lambda item: item[0])
def test_a_broken_armour_is_named(tmp_path: Path, armour: tuple[str, bytes]) -> None:
    path = tmp_path / "codes.age"
    path.write_bytes(armour[1])
    result = cli("codes", "reveal", str(path), "--identity", str(IDENTITY))
    assert result.exit_code == 1
    assert f"error[E177] '{path.as_posix()}' is not a sealed file: its ASCII armour is damaged" in (
        result.stderr)


def test_a_sealed_file_as_apply_writes_it_still_opens(tmp_path: Path) -> None:
    entry = {"username": "CE10455", "email": "andré@example.org", "code": codes.new_code(),
             "issued_at": "2026-11-26T00:00:00Z"}
    path = tmp_path / "codes.age"
    path.write_text(codes.seal([entry], RECIPIENT), encoding="ascii")
    result = cli("codes", "reveal", str(path), "--identity", str(IDENTITY))
    assert result.exit_code == 0
    assert entry["code"] in result.stdout and "CE10455" in result.stdout
    # A file sealed before names were sealed too: the same entry, and no name.
    shown = json.loads(cli("codes", "reveal", str(path), "--identity", str(IDENTITY),
                           "--format", "json").stdout)["codes"][0]
    assert {field: shown[field] for field in entry} == entry and shown["name"] is None
