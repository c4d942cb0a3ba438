"""ARCHITECTURE §6: a secret code never appears in clear anywhere but its sealed `.age` file.

One full scenario runs through the installed `rvsq-access` command in subprocesses, in a
copy of the example repository: import the directory, validate, plan, apply (accounts
created), request new codes and a password reset, plan and apply again, read the state
and the audit log, and fail on purpose a few times. Every code issued is then read back
from the sealed files with the demo identities and searched for in every byte the tool
wrote: its output, its files (the state database with its WAL, the plans, the emails)
and a dump of the database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from harness import decoded_emails
from helpers import REPO

from reconciler.applying import secret_codes as codes

EXE = Path(sys.executable).parent / "rvsq-access"
IDENTITIES = REPO / "examples" / "demo-identities"
ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----\n"
GMF = Path("access/06/gmf-hill-valley.yaml")
SANTE = Path("access/03/info-sante-811-capitale-nationale.yaml")


class Run(NamedTuple):
    folder: Path  # the working copy the commands ran in
    outputs: dict[str, bytes]  # "<command> (stdout|stderr)" → what it printed
    files: dict[str, bytes]  # every file but the sealed codes, read as the last run left it
    reveal_output: bytes  # `codes reveal` with the right key: it prints codes, by design


class Cli:
    """Runs `rvsq-access` in `folder` as a CI job would, keeping everything it prints."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.outputs: dict[str, bytes] = {}
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("RVSQ_", "GITHUB_", "GITLAB_", "CI_"))}
        self.env |= {"RVSQ_LANG": "en", "LANG": "C.UTF-8"}

    def __call__(self, *args: str, expect: int = 0) -> bytes:
        proc = subprocess.run([str(EXE), "--actor", "leak-test", *args], cwd=self.folder,
                              env=self.env, capture_output=True, timeout=120, check=False)
        name = f"#{len(self.outputs) // 2} {' '.join(args)}"
        self.outputs[f"{name} (stdout)"] = proc.stdout
        self.outputs[f"{name} (stderr)"] = proc.stderr
        assert proc.returncode == expect, (args, proc.stdout.decode(), proc.stderr.decode())
        return proc.stdout


def _edit(path: Path, after: str, insert: str) -> None:
    """Insert `insert` after the first line equal to `after`."""
    text = path.read_text(encoding="utf-8")
    assert f"\n{after}\n" in text, after
    path.write_text(text.replace(f"\n{after}\n", f"\n{after}\n{insert}", 1), encoding="utf-8")


def _sealed_files(folder: Path) -> list[Path]:
    return sorted((folder / ".rvsq" / "codes").glob("*.age"))


def _identity(sealed: Path) -> Path:
    """The demo identity of the establishment a sealed file is for (<run>-<est>.age)."""
    [identity] = [p for p in IDENTITIES.glob("*.txt") if sealed.name.endswith(f"-{p.stem}.age")]
    return identity


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("leaks")
    shutil.copytree(REPO / "access", folder / "access")
    shutil.copytree(REPO / "examples", folder / "examples")
    rvsq = Cli(folder)

    rvsq("state", "init")
    rvsq("state", "import-directory", "examples/ramq-directory.csv")
    rvsq("validate")
    rvsq("plan")
    rvsq("plan", "--format", "json")
    rvsq("plan", "--out", "plan-1.json")
    # Creates 7 accounts: 5 codes, 5 emails wait; the emergency department's 2 (portal
    # mode) are portal tasks, with neither.
    rvsq("apply", "--auto-approve", expect=4)

    _edit(folder / GMF, "    last_name: MacFly",  # Martin, then Georges
          '    secret_code: {rotate: "2026-11-20"}\n    password_reset: {requested: "INC-4411"}\n')
    _edit(folder / SANTE, "    last_name: Bouchard", '    secret_code: {rotate: "R-1"}\n')
    _edit(folder / SANTE, "    last_name: Pelletier", '    secret_code: {rotate: "R-2"}\n')
    _edit(folder / GMF, "  - username: CE10455",  # rule K: blocked
          '    password_reset: {requested: "INC-4412"}\n')
    rvsq("plan", "--format", "json")
    rvsq("--lang", "fr", "plan", "--out", "plan-2.json")
    rvsq("apply", "--plan", "plan-2.json", "--auto-approve", expect=4)  # 3 codes, 1 reset
    rvsq("outbox", "list")
    rvsq("--lang", "fr", "outbox", "list", "--all", "--format", "json")
    rvsq("outbox", "export", ".rvsq/outbox")  # the emails, as files: searched too
    rvsq("outbox", "list", "--all")
    rvsq("apply", "--auto-approve", expect=3)  # nothing left but the blocked reset

    rvsq("state", "list")
    rvsq("state", "show", "martinmacfly@ramq.gouv.qc.ca")
    rvsq("--lang", "fr", "state", "show", "IELP20417")
    for fmt in ("text", "json", "csv"):
        rvsq("audit", "log", "--format", fmt)
    rvsq("audit", "verify")

    # Failures on purpose: a bad file, stale plans, unknown things, a wrong key.
    bad = folder / "bad" / "gmf-hill-valley.yaml"
    bad.parent.mkdir()
    bad.write_text((folder / GMF).read_text(encoding="utf-8").replace("Brown", "NO"),
                   encoding="utf-8")
    rvsq("validate", "bad", expect=1)
    rvsq("apply", "--auto-approve", "bad", expect=1)
    rvsq("apply", "--plan", "plan-2.json", expect=1)  # the state moved on
    rvsq("apply", "--plan", "plan-1.json", expect=1)  # the files changed
    rvsq("apply", "--plan", "no-such-plan.json", expect=1)
    rvsq("state", "show", "CE99999", expect=1)
    rvsq("audit", "log", "--since", "yesterday", expect=1)
    sealed = _sealed_files(folder)[0]
    wrong = next(p for p in IDENTITIES.glob("*.txt") if p != _identity(sealed))
    rvsq("codes", "reveal", str(sealed), "--identity", str(wrong), expect=1)

    outputs, files = dict(rvsq.outputs), _files(folder)  # before anything opens state.db
    reveal_output = rvsq("codes", "reveal", str(sealed), "--identity", str(_identity(sealed)))
    return Run(folder, outputs, files, reveal_output)


@pytest.fixture(scope="module")
def issued(scenario: Run) -> set[str]:
    """Every code the runs issued, read back from the sealed files."""
    found = set()
    for sealed in _sealed_files(scenario.folder):
        content = codes.reveal(sealed.read_bytes(), _identity(sealed).read_text(encoding="utf-8"))
        found |= {entry["code"] for entry in content["codes"]}
    return found


def _leaks(haystacks: dict[str, bytes], issued: set[str]) -> list[tuple[str, str]]:
    """(where, code) for each code found, with or without dashes, in any case."""
    needles = {code: (code.upper().encode(), code.replace("-", "").upper().encode())
               for code in issued}
    return [(where, code) for where, data in haystacks.items() for code, forms in needles.items()
            if any(form in data.upper() for form in forms)]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file the tool may have written, but the sealed codes themselves."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix != ".age"}


def _sql_dump(folder: Path) -> bytes:
    uri = f"file:{folder / '.rvsq' / 'state.db'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return "\n".join(conn.iterdump()).encode()


def test_the_scenario_issued_codes_and_the_search_finds_them(scenario: Run,
                                                             issued: set[str]) -> None:
    assert len(issued) >= 7
    # `codes reveal` prints codes by design: the search must see them there.
    assert _leaks({"codes reveal": scenario.reveal_output}, issued)


def test_no_code_in_any_output(scenario: Run, issued: set[str]) -> None:
    assert _leaks(scenario.outputs, issued) == []


def test_no_code_in_any_file(scenario: Run, issued: set[str]) -> None:
    assert {".rvsq/state.db", "plan-1.json", "plan-2.json"} <= set(scenario.files)
    assert _leaks(scenario.files, issued) == []


def test_no_code_in_the_database_dump(scenario: Run, issued: set[str]) -> None:
    dump = _sql_dump(scenario.folder)
    assert b"INSERT INTO \"audit_log\"" in dump
    assert _leaks({"state.db dump": dump}, issued) == []


def test_no_code_in_any_decoded_email(scenario: Run, issued: set[str]) -> None:
    emails = decoded_emails(scenario.folder)
    assert len(emails) >= 6  # 5 accounts created at register-mode sites, 1 password reset
    # The bodies were decoded: "é" is "=C3=A9" in quoted-printable.
    assert all("représentant".encode() in text for text in emails.values())
    assert _leaks(emails, issued) == []


def test_sealed_files_are_age_encrypted_and_private(scenario: Run) -> None:
    work_dir = scenario.folder / ".rvsq"
    assert stat.S_IMODE(work_dir.stat().st_mode) == 0o700
    sealed = _sealed_files(scenario.folder)
    assert sealed
    for path in sealed:
        assert path.read_bytes().startswith(ARMOR), path.name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
