"""ARCHITECTURE §6, the whole tool: a secret code never appears in clear outside its sealed file.

tests/test_leaks.py follows codes through validate, plan, apply, state and audit. This
test plays a longer life, through the installed `rvsq-access` command in subprocesses, in
a copy of the example repository, on SQLite and (when RVSQ_TEST_POSTGRES_URL is set) on a
new PostgreSQL database:

1. the directory is imported; the pull-request views are made (`plan --format markdown`,
   `plan --format runbook` in English and French); apply creates seven accounts;
2. representatives edit their files with `user add`, `user services`, `user rotate-code`
   and `user reset-password`; the views are made again, and a plan is saved;
3. an apply with a bad RVSQ_SMTP_URL is refused; an apply is killed with SIGKILL after
   its third committed action (tests/reliability/crash_runner.py), and applying again finishes;
4. auditors and administrators read: `report` in four formats with `--out`,
   `import --all --out`, the state, the audit log; `codes reveal` is given wrong keys.

Every code issued is then read back from the sealed files with the demo identities, and
searched for, with and without its dashes and in any case, in every byte the tool wrote:
all it printed, every file in the folder but the sealed codes (the state with its WAL
as the crash left it, the parse cache, the emails decoded, reports, imported YAML, plans)
and a dump of the database. A code planted in a scratch file must be found by the same
search, so that an empty result means something.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import drop_postgres_database, new_postgres_database
from harness import decoded_emails
from helpers import REPO

from reconciler.applying import secret_codes as codes

EXE = Path(sys.executable).parent / "rvsq-access"
CRASH_RUNNER = Path(__file__).with_name("crash_runner.py")
IDENTITIES = REPO / "examples" / "demo-identities"
GMF = "access/06/gmf-hill-valley.yaml"
URGENCE = "access/03/urgence-chu-de-quebec.yaml"
SANTE = "access/03/info-sante-811-capitale-nationale.yaml"
BAD_SMTP_URL = "http://mail.example.org"
SECOND_APPLY = 7  # actions after the edits: 2 accounts, 1 grant, 3 new codes, 1 reset
KILLED_AFTER = 3  # the crashed apply dies right after its 3rd committed action
# 5 accounts created at register-mode sites (the emergency department works in the portal,
# which issues its codes), then 2 more and 3 new codes
MIN_CODES = 10
# Each issues exactly one code, but at a portal-mode site (its entry's code: "portal"),
# where RAMQ's portal issues it.
CODE_ACTIONS = ("create_account", "regenerate_code")
PLANTED = "planted.txt"


class Scenario(NamedTuple):
    backend: str  # "sqlite" or "postgresql"
    folder: Path  # the working copy every command ran in
    haystacks: dict[str, bytes]  # where → every byte the tool wrote there
    codes_in_audit: int  # codes the audit log says were issued


class Cli:
    """Runs `rvsq-access` in `folder` as a CI job would, keeping everything it prints."""

    def __init__(self, folder: Path, state_url: str | None) -> None:
        self.folder = folder
        self.outputs: dict[str, bytes] = {}
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("RVSQ_", "GITHUB_", "GITLAB_", "CI_"))}
        self.env |= {"RVSQ_LANG": "en", "LANG": "C.UTF-8", "GITHUB_SHA": "0" * 40}
        if state_url is not None:
            self.env["RVSQ_STATE"] = state_url

    def __call__(self, *args: str, expect: int = 0, env: dict[str, str] | None = None,
                 crash: tuple[str, int] | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run `rvsq-access ARGS`, or under tests/reliability/crash_runner.py killed at `crash`."""
        command = [str(EXE)]
        if crash is not None:
            command = [sys.executable, str(CRASH_RUNNER), crash[0], str(crash[1]), "--"]
        proc = subprocess.run([*command, "--actor", "leak-test", *args], cwd=self.folder,
                              env=self.env | (env or {}), capture_output=True, timeout=120,
                              check=False)
        name = f"#{len(self.outputs) // 2:02d} {' '.join(args)}"
        if crash is not None:
            name += f" [killed at {crash[0]} {crash[1]}]"
        self.outputs[f"{name} (stdout)"] = proc.stdout
        self.outputs[f"{name} (stderr)"] = proc.stderr
        assert proc.returncode == expect, (args, proc.stdout.decode(), proc.stderr.decode())
        assert b"Traceback" not in proc.stderr, (args, proc.stderr.decode())
        return proc


# --- the scenario -----------------------------------------------------------------------
def _review(rvsq: Cli) -> None:
    """What a pull request shows: the Markdown comment and the portal runbook."""
    rvsq("plan", "--format", "markdown")
    rvsq("--lang", "en", "plan", "--format", "runbook")
    rvsq("--lang", "fr", "plan", "--format", "runbook")


def _edit_files(rvsq: Cli) -> None:
    """Two new accounts, a service, three new codes and a reset, as representatives do."""
    rvsq("user", "add", GMF, "--email", "claraclayton@ramq.gouv.qc.ca", "--title", "madame",
         "--first-name", "Clara", "--last-name", "Clayton",
         "--profile", "personnel-administratif", "--service", "rvsq")
    rvsq("user", "add", SANTE, "--email", "emilie.cote@ciusss-capitalenationale.gouv.qc.ca",
         "--title", "madame", "--first-name", "Émilie", "--last-name", "Côté",
         "--profile", "personnel-infirmier", "--service", "rvsq-811")
    rvsq("user", "services", URGENCE, "sophie.gagnon@chudequebec.ca", "--add", "rvsq")
    rvsq("user", "rotate-code", GMF, "martinmacfly@ramq.gouv.qc.ca", "--token", "2026-11-20")
    rvsq("user", "rotate-code", SANTE, "julie.bouchard@ciusss-capitalenationale.gouv.qc.ca",
         "--token", "R-1")
    rvsq("user", "rotate-code", SANTE, "francois.pelletier@ciusss-capitalenationale.gouv.qc.ca",
         "--token", "R-2")
    rvsq("user", "reset-password", GMF, "georgemacfly@ramq.gouv.qc.ca", "--token", "INC-4411")


def _crash_then_recover(rvsq: Cli) -> dict[str, bytes]:
    """Kill an apply part-way; return the folder's files as the crash left them."""
    killed = rvsq("apply", "--auto-approve", crash=("after-commit", KILLED_AFTER),
                  expect=-signal.SIGKILL)
    assert b"Applied" not in killed.stdout  # it died before its report
    left = {f"after the crash: {where}": data for where, data in _files(rvsq.folder).items()}
    done = rvsq("apply", "--auto-approve", expect=4)  # emails wait in the outbox
    assert f"Applied {SECOND_APPLY - KILLED_AFTER} actions".encode() in done.stdout
    rvsq("plan", "--detailed-exitcode")  # exit 0: nothing left to do
    return left


def _read_everything(rvsq: Cli) -> None:
    """What auditors and administrators run, a new code pending; and wrong keys."""
    rvsq("user", "rotate-code", GMF, "claraclayton@ramq.gouv.qc.ca", "--token", "R-3")
    for fmt, out in (("markdown", "report.md"), ("html", "report.html"),
                     ("csv", "report.csv"), ("json", "report.json")):
        rvsq("report", "--format", fmt, "--out", out)
    rvsq("import", "--all", "--out", "imported")
    rvsq("state", "list")
    rvsq("state", "show", "martinmacfly@ramq.gouv.qc.ca")
    rvsq("outbox", "list", "--all")
    rvsq("outbox", "list", "--format", "json")
    rvsq("outbox", "export", ".rvsq/outbox")  # the emails as files: searched too
    rvsq("audit", "verify")
    rvsq("audit", "log", "--format", "csv")
    sealed = _sealed_files(rvsq.folder)[0]
    wrong = next(p for p in sorted(IDENTITIES.glob("*.txt")) if p != _identity(sealed))
    refused = rvsq("codes", "reveal", str(sealed), "--identity", str(wrong), expect=1)
    assert b"error[E122]" in refused.stderr
    refused = rvsq("codes", "reveal", str(sealed), "--identity", GMF, expect=1)
    assert b"error[E121]" in refused.stderr


def _play(folder: Path, state_url: str | None) -> tuple[Cli, dict[str, bytes], int]:
    """Run the whole scenario: (its CLI with the outputs, files after the crash, codes
    the audit log counts)."""
    shutil.copytree(REPO / "access", folder / "access")
    shutil.copytree(REPO / "examples", folder / "examples")
    rvsq = Cli(folder, state_url)

    rvsq("state", "init")
    rvsq("state", "import-directory", "examples/ramq-directory.csv")
    _review(rvsq)
    # 7 accounts created: 5 codes, 5 emails wait; the emergency department's 2 (portal
    # mode) are portal tasks, with neither.
    rvsq("apply", "--auto-approve", expect=4)

    _edit_files(rvsq)
    _review(rvsq)
    rvsq("plan", "--out", "plan-2.json")
    refused = rvsq("apply", "--auto-approve", expect=1, env={"RVSQ_SMTP_URL": BAD_SMTP_URL})
    assert b"error[E133]" in refused.stderr
    after_crash = _crash_then_recover(rvsq)  # 2 accounts created and 3 new codes: 5 codes

    _read_everything(rvsq)
    audit = json.loads(rvsq("audit", "log", "--format", "json").stdout)
    return rvsq, after_crash, sum(entry["action"] in CODE_ACTIONS
                                  and entry["fields"].get("code") != "portal"
                                  for entry in audit)


# --- what the tool wrote ----------------------------------------------------------------
def _sealed_files(folder: Path) -> list[Path]:
    return sorted((folder / ".rvsq" / "codes").glob("*.age"))


def _identity(sealed: Path) -> Path:
    """The demo identity of the establishment a sealed file is for (<run>-<est>.age)."""
    [identity] = [p for p in IDENTITIES.glob("*.txt") if sealed.name.endswith(f"-{p.stem}.age")]
    return identity


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, but the sealed codes themselves."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix != ".age"}


def _sqlite_dump(folder: Path) -> dict[str, bytes]:
    uri = f"file:{folder / '.rvsq' / 'state.db'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return {"database dump": "\n".join(conn.iterdump()).encode()}


def _postgres_dump(url: str) -> dict[str, bytes]:
    """Every row of every table of the database, as COPY writes it (text)."""
    import psycopg
    from psycopg import sql

    dump = {}
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name").fetchall()]
        for table in tables:
            query = sql.SQL("COPY {} TO STDOUT").format(sql.Identifier(table))
            with conn.cursor().copy(query) as copy:
                dump[f"database dump: {table}"] = b"".join(bytes(chunk) for chunk in copy)
    return dump


def _leaks(haystacks: dict[str, bytes], issued: set[str]) -> list[tuple[str, str]]:
    """(where, code) for each code found, with or without dashes, in any case."""
    needles = {code: (code.upper().encode(), code.replace("-", "").upper().encode())
               for code in issued}
    found = []
    for where, data in haystacks.items():
        upper = data.upper()
        found += [(where, code) for code, forms in needles.items()
                  if any(form in upper for form in forms)]
    return found


# --- fixtures ---------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def scenario(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    backend: str = request.param
    folder = tmp_path_factory.mktemp(f"leaks-full-{backend}")
    database: str | None = None
    state_url: str | None = None
    if backend == "postgresql":  # skipped without a server, failed in CI (conftest)
        state_url, database = new_postgres_database()
    try:
        rvsq, after_crash, codes_in_audit = _play(folder, state_url)
        emails = {f"decoded email {name}": text for name, text in decoded_emails(folder).items()}
        haystacks = {**rvsq.outputs, **after_crash, **_files(folder), **emails}
        if state_url is None:  # read after the files: opening it may create files
            haystacks |= _sqlite_dump(folder)
        else:
            haystacks |= _postgres_dump(state_url)
        yield Scenario(backend, folder, haystacks, codes_in_audit)
    finally:
        if database is not None:
            drop_postgres_database(database)


@pytest.fixture(scope="module")
def issued(scenario: Scenario) -> set[str]:
    """Every code the runs issued, read back from the sealed files."""
    found: set[str] = set()
    for sealed in _sealed_files(scenario.folder):
        identity = _identity(sealed).read_text(encoding="utf-8")
        found |= {entry["code"] for entry in codes.reveal(sealed.read_bytes(), identity)["codes"]}
    return found


# --- the tests --------------------------------------------------------------------------
def test_every_code_the_audit_log_counts_was_sealed(scenario: Scenario,
                                                    issued: set[str]) -> None:
    """Not vacuous: many codes, none lost to the crash, all distinct."""
    assert len(issued) >= MIN_CODES
    assert len(issued) == scenario.codes_in_audit


def test_the_search_covers_every_kind_of_output(scenario: Scenario) -> None:
    where = set(scenario.haystacks)
    expected = {"plan-2.json", "report.md", "report.html", "report.csv", "report.json",
                "imported/06/gmf-hill-valley.yaml", "access/06/gmf-hill-valley.yaml"}
    assert expected <= where
    for kind in ("plan --format markdown", "--lang fr plan --format runbook",
                 "--lang en plan --format runbook", "user add", "user services",
                 "user rotate-code", "user reset-password", "codes reveal", "import --all",
                 "apply --auto-approve"):
        assert any(kind in name for name in where), kind
    assert any(name.startswith(".rvsq/cache/") for name in where)  # the pickles
    # 7 new at register-mode sites, 1 reset
    assert sum(name.startswith("decoded email ") for name in where) >= 8
    if scenario.backend == "sqlite":
        assert {"after the crash: .rvsq/state.db-wal", ".rvsq/state.db",
                "database dump"} <= where
    else:
        tables = {"meta", "establishments", "accounts", "account_services", "outbox",
                  "sealed_codes", "audit_log", "schema_migrations"}
        assert {f"database dump: {table}" for table in tables} <= where
        assert scenario.haystacks["database dump: sealed_codes"]


def test_no_code_anywhere(scenario: Scenario, issued: set[str]) -> None:
    assert _leaks(scenario.haystacks, issued) == []


def test_a_planted_code_is_found(scenario: Scenario, issued: set[str]) -> None:
    """The same search, over the same bytes plus a scratch file holding one code written
    the hardest way (lower case, no dashes), finds it there and only there."""
    code = sorted(issued)[0]
    planted = scenario.folder / PLANTED
    planted.write_text(f"note: {code.replace('-', '').lower()}\n", encoding="utf-8")
    try:
        haystacks = {**scenario.haystacks, **_files(scenario.folder)}
        assert _leaks(haystacks, issued) == [(PLANTED, code)]
    finally:
        planted.unlink()
