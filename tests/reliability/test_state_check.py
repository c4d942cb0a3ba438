"""`rvsq-access state check`: a clean state passes with one line of counts; each invariant
broken by hand (SQL on the state, or an exported file edited) gives its code, located, and
exit 1; damage is a finding, never a traceback; the check reads only, a read-only copy too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import cli, emergency_in_register_mode, ok, sqlite_only, without_root_rights

from reconciler.store import open_store, parse_location

NOW = "2026-11-26T00:00:00Z"


def damage(state_url: str, statement: str, *params: Any) -> None:
    """Change the state behind the tool's back, as someone with the database would."""
    store = open_store(parse_location(state_url), NOW, writing=True)
    try:
        with store.transaction():
            store._execute(statement, params)
    finally:
        store.close()


def check_json() -> dict[str, Any]:
    return json.loads(cli("state", "check", "--format", "json").stdout)


def run_id() -> str:
    log = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)
    return next(e["run_id"] for e in log if e["action"] == "create_account")


def location() -> str:
    return check_json()["state"]["location"]


def test_a_clean_state_passes_with_what_was_checked(applied: Path) -> None:
    where = location()
    checked = ok(cli("state", "check"))
    assert checked.stderr == ""
    assert checked.stdout == (
        f"The state at {where} checks out: 19 audit entries, chain intact, serial 19; "
        "5 sealed codes in 2 sealed copies, as the audit log records, 0 shown on a "
        "terminal; sealed files: 2 identical to the state, 0 not on this machine, 0 waiting "
        "to be written; 5 created accounts, each with its creation email. 2 codes were left "
        "to RAMQ's portal (portal mode), which issues them and writes to the user.\n")
    french = ok(cli("--lang", "fr", "state", "check")).stdout
    assert french.startswith(f"L'état à {where} est cohérent\u00a0: 19 entrées d'audit, "
                             "chaîne intacte, numéro de série 19\u00a0; 5 codes scellés")
    assert french.endswith("2 codes ont été laissés au portail de la RAMQ (mode portail), "
                           "qui les émet et écrit à l'utilisateur.\n")
    data = check_json()
    assert data["ok"] is True and data["findings"] == []
    assert data["state"]["serial"] == 19
    # The emergency department (portal mode): its 2 accounts have neither code nor email.
    assert data["checked"] == {"entries": 19, "sealed": 5, "copies": 2, "shown": 0,
                               "unknown": 0, "identical": 2, "elsewhere": 0, "pending": 0,
                               "created": 5, "portal": 2}


def test_codes_issued_before_the_audit_said_where_are_counted_as_unknown(
        repo: Path, state_url: str) -> None:
    """An entry an earlier version wrote has no "code" field: not a broken invariant. Its
    hash is then no longer the chain's, so the audit log is rewritten as that version
    would have written it (the whole chain, head included). That version had no portal
    mode: every site issued its codes, the emergency department too."""
    from reconciler.store import audit_chain as audit

    emergency_in_register_mode()
    ok(cli("apply", "--auto-approve"), 4)

    store = open_store(parse_location(state_url), NOW, writing=True)
    try:
        entries, head = store.audit_entries(), store.audit_head()
        with store.transaction():
            prev = audit.GENESIS
            for e in entries:
                fields = {k: v for k, v in e.fields.items() if k != "code"}
                digest = audit.entry_hash(prev, e.seq, e.at, e.actor, e.git_commit, e.run_id,
                                          e.action, e.establishment, e.username, fields,
                                          e.change_ref)
                store._execute("UPDATE audit_log SET fields = ?, prev_hash = ?, hash = ? "
                               "WHERE seq = ?", (json.dumps(fields), prev, digest, e.seq))
                prev = digest
            store._execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                           (f"{head[0]} {prev}",))
    finally:
        store.close()
    checked = ok(cli("state", "check"))
    assert "; 0 sealed codes in 3 sealed copies" in checked.stdout
    assert checked.stdout.endswith(
        "each with its creation email. 7 codes issued before audit entries said where "
        "codes go are not counted.\n")


def findings(expected: int = 1) -> list[str]:
    """The check's text output, which must fail: its error lines (each followed by its
    hint), in order."""
    result = ok(cli("state", "check"), 1)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    problems = "problem" if expected == 1 else "problems"
    assert lines[-1] == (f"{expected} {problems} in the state at {location()}. The check "
                         "changed nothing.")
    errors = lines[:-1:2]
    assert all(hint.startswith("    hint: ") for hint in lines[1:-1:2])
    assert len(errors) == expected, result.stderr
    return errors


def test_a_sealed_copy_removed_or_altered(applied: Path, state_url: str) -> None:
    run = run_id()
    damage(state_url, "DELETE FROM sealed_codes WHERE establishment = ?", "gmf-hill-valley")
    damage(state_url, "UPDATE sealed_codes SET codes = codes + 1 WHERE establishment = ?",
           "info-sante-811-capitale-nationale")
    assert findings(2) == [
        f"error[E180] run {run}, establishment 'gmf-hill-valley': the audit log records 3 "
        "sealed codes, but the state holds no sealed copy of them",
        f"error[E181] run {run}, establishment 'info-sante-811-capitale-nationale': the "
        "audit log records 2 sealed codes, but the state's sealed copy holds 3",
    ]
    data = check_json()
    assert data["ok"] is False
    assert [(f["code"], f["location"]) for f in data["findings"]] == [
        ("E180", {"table": "sealed_codes", "run_id": run, "establishment": "gmf-hill-valley"}),
        ("E181", {"table": "sealed_codes", "run_id": run,
                  "establishment": "info-sante-811-capitale-nationale"}),
    ]
    assert data["findings"][0]["hint"].startswith("the sealed copy was removed outside")


def test_a_creation_email_removed(applied: Path, state_url: str) -> None:
    run = run_id()
    damage(state_url, "DELETE FROM outbox WHERE kind = 'created' AND username = ?",
           "martinmacfly@ramq.gouv.qc.ca")
    seq = next(e["seq"] for e in json.loads(cli("audit", "log", "--format", "json").stdout)
               if e["username"] == "martinmacfly@ramq.gouv.qc.ca")
    assert findings() == [
        f"error[E184] audit entry {seq}: account 'martinmacfly@ramq.gouv.qc.ca' was created "
        f"by run {run}, but the state holds no creation email for it"]


@pytest.mark.parametrize(("statement", "expected"), [
    ("UPDATE meta SET value = '18' WHERE key = 'serial'",
     "error[E188] the state's serial is 18, but the audit log records 19 changes"),
    ("UPDATE meta SET value = '19 and more' WHERE key = 'serial'",
     "error[E187] the state's 'serial' is '19 and more', not a whole number"),
    ("DELETE FROM meta WHERE key = 'serial'", "error[E186] the state has no 'serial' (table meta)"),
    ("DELETE FROM meta WHERE key = 'audit_head'",
     "error[E186] the state has no 'audit_head' (table meta)"),
    ("UPDATE meta SET value = 'sha256:x' WHERE key = 'audit_head'",
     "error[E187] the state's 'audit_head' is 'sha256:x', not an entry number and its hash"),
    ("UPDATE meta SET value = '17 ' || (SELECT hash FROM audit_log WHERE seq = 17) "
     "WHERE key = 'audit_head'",
     "error[E189] the audit head names entry 17 (sha256:…), but the log ends at entry 19 "
     "(sha256:…)"),
], ids=["serial-edited", "serial-not-a-number", "serial-missing", "head-missing",
        "head-not-a-head", "head-edited"])
def test_a_damaged_serial_or_head(applied: Path, state_url: str, statement: str,
                                  expected: str) -> None:
    damage(state_url, statement)
    (found,) = findings()
    assert re.sub(r"sha256:[0-9a-f]{12}…", "sha256:…", found) == expected
    code = expected[6:10]
    (data,) = check_json()["findings"]
    assert data["code"] == code
    assert data["location"] == {"table": "meta", "key": "audit_head" if "head" in expected
                                else "serial"}


def test_an_audit_entry_broken_or_edited(applied: Path, state_url: str) -> None:
    damage(state_url, "UPDATE audit_log SET fields = '{\"broken' WHERE seq = 5")
    damage(state_url, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 3")
    assert findings(2) == [
        "error[E185] audit entry 5: its fields cannot be read (not JSON, from character 2)",
        "error[E125] the audit log is broken at entry 3: the entry was changed after it was "
        "written",
    ]
    french = ok(cli("--lang", "fr", "state", "check"), 1).stderr
    assert ("erreur[E185] entrée d'audit 5\u00a0: ses champs ne peuvent pas être lus (ce n'est "
            "pas du JSON, à partir du caractère 2)\n") in french
    assert [f["location"] for f in check_json()["findings"]] == [
        {"table": "audit_log", "seq": 5}, {"table": "audit_log", "seq": 3}]


def sealed_files(repo: Path) -> list[Path]:
    return sorted((repo / ".rvsq" / "codes").glob("*.age"))


@sqlite_only
def test_an_exported_file_cut_short_replaced_or_elsewhere(applied: Path) -> None:
    # The first apply seals codes for the two register-mode sites; a new code at one of
    # them makes a third sealed file, of a later run.
    ok(cli("user", "rotate-code", "access/06/gmf-hill-valley.yaml",
           "martinmacfly@ramq.gouv.qc.ca", "--token", "R-1"))
    ok(cli("apply", "--auto-approve"), 4)  # the first run's emails still wait
    first, second, third = sealed_files(applied)
    size = first.stat().st_size
    with first.open("r+b") as handle:
        handle.truncate(696)
    second.unlink()
    second.symlink_to(third)
    shown = [p.relative_to(applied).as_posix() for p in (first, second)]
    run = run_id()
    assert findings(2) == [
        f"error[E182] {shown[0]} is not the sealed copy the state holds for run {run}, "
        f"establishment '{first.name.removeprefix(run + '-').removesuffix('.age')}' (696 "
        f"bytes on disk, {size} in the state)",
        f"error[E183] {shown[1]} (run {run}, establishment "
        f"'{second.name.removeprefix(run + '-').removesuffix('.age')}') cannot be read: "
        "not a regular file",
    ]
    assert [f["location"]["file"] for f in check_json()["findings"]] == shown
    # A runner's files are gone with the runner: not on this machine, not broken.
    first.unlink()
    second.unlink()
    checked = ok(cli("state", "check")).stdout
    assert "sealed files: 1 identical to the state, 2 not on this machine" in checked


def test_the_check_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    missing = ok(cli("state", "check"), 1)
    assert "error[E138] there is no state at " in missing.stderr
    assert list(tmp_path.iterdir()) == []


@sqlite_only
def test_a_read_only_copy_is_checked(applied: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copytree(applied / ".rvsq", copy / ".rvsq")
    before = {p: p.read_bytes() for p in (copy / ".rvsq").rglob("*") if p.is_file()}
    for folder in (copy / ".rvsq", copy / ".rvsq" / "codes", copy):
        folder.chmod(0o500)
    (copy / ".rvsq" / "state.db").chmod(0o400)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
        result = subprocess.run(
            [*without_root_rights(), sys.executable, "-m", "reconciler", "--lang", "en",
             "state", "check"], cwd=copy, env=env, capture_output=True, text=True, timeout=60)
    finally:
        for folder in (copy, copy / ".rvsq", copy / ".rvsq" / "codes"):
            folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert "sealed files: 2 identical to the state, 0 not on this machine" in result.stdout
    after = {p: p.read_bytes() for p in (copy / ".rvsq").rglob("*") if p.is_file()}
    assert after == before  # no file made (no -wal, no -shm), none changed


def test_a_sealed_file_is_written_whole_and_again_harmlessly(tmp_path: Path) -> None:
    """Written beside its name and renamed over it: a crash's leftover temporary file is
    overwritten, a link planted at the name is replaced (never followed), and writing the
    same row twice gives the same bytes."""
    from reconciler.applying.executor import export_sealed
    from reconciler.store import SealedCodes

    row = SealedCodes("20261126T000000000000Z-abcdef", "gmf-hill-valley",
                      "-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n", 1)
    codes = tmp_path / "codes"
    codes.mkdir(mode=0o700)
    outside = tmp_path / "outside"
    outside.write_text("untouched", encoding="utf-8")
    name = f"{row.run_id}-{row.establishment}.age"
    (codes / f".{name}.tmp").write_text("half a file from a crash", encoding="utf-8")
    (codes / name).symlink_to(outside)
    path = export_sealed(tmp_path, row)
    assert path == codes / name and not path.is_symlink()
    assert path.read_text(encoding="ascii") == row.sealed
    assert outside.read_text(encoding="utf-8") == "untouched"
    assert export_sealed(tmp_path, row) == path
    assert path.read_text(encoding="ascii") == row.sealed
    assert sorted(p.name for p in codes.iterdir()) == [name]  # no temporary file left
    assert path.stat().st_mode & 0o777 == 0o600
