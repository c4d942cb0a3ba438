"""Every ending of a command says what was done and what waits, with its exit code, and
never a traceback (issue 13): a failed action, Ctrl-C and SIGTERM, deliveries that fail
after commit, closed stdin, a Latin-1 terminal, a damaged state, an unusable path, a
read-only .rvsq, planted links.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from harness import RUNNER, finish, new_identities, rvsq, write_access
from helpers import EXAMPLE, REPO, on_terminal, without_root_rights

from reconciler.applying import secret_codes as codes

EXE = Path(sys.executable).parent / "rvsq-access"
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")
DIRECTORY = REPO / "examples" / "ramq-directory.csv"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
    return {**env, "RVSQ_LANG": "en", "COLUMNS": "200", **extra}


def _rvsq(repo: Path, *args: str, env: dict[str, str] | None = None,
          **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), "--no-color", *args], cwd=repo, env=env or _env(),
                          capture_output=True, text=True, timeout=120, **kwargs)  # type: ignore[call-overload]


def _example(folder: Path, recipients: bool = True) -> Path:
    """The example access files with the directory imported: 18 actions to apply."""
    shutil.copytree(EXAMPLE, folder / "access")
    if not recipients:
        for path in (folder / "access").rglob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"  age_recipient: \S+\n", "", text), encoding="utf-8")
    assert _rvsq(folder, "state", "init").returncode == 0
    assert _rvsq(folder, "state", "import-directory", str(DIRECTORY)).returncode == 0
    return folder


def _sql(repo: Path, statement: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(repo / ".rvsq" / "state.db") as conn:
        return conn.execute(statement).fetchall()


def _clean(text: str) -> None:
    assert "Traceback" not in text and "Aborted!" not in text, text


# --- 1. a code reaches a person only once its action committed --------------------------
def test_a_code_is_shown_only_once_its_action_committed(tmp_path: Path) -> None:
    repo = _example(tmp_path, recipients=False)
    # The fifth account's transaction fails, as on a full disk, after its code was drawn.
    _sql(repo, "CREATE TRIGGER full_disk BEFORE UPDATE OF code_hash ON accounts "
               "WHEN NEW.username = 'julie.bouchard@ciusss-capitalenationale.gouv.qc.ca' "
               "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    code, out = on_terminal([str(EXE), "--no-color", "apply"], repo, b"y\n", _env())
    _clean(out)
    assert code == 1, out
    assert "error[E117] apply stopped at action" in out and "database or disk is full" in out
    shown = {m[1]: m[2] for m in re.finditer(r"^  (\S+)\t(" + CODE.pattern + ")", out, re.M)}
    stored = dict(_sql(repo, "SELECT username, code_hash FROM accounts "
                             "WHERE code_hash IS NOT NULL"))
    # Exactly the codes whose action committed, each the one the state holds a hash of.
    assert shown.keys() == stored.keys() and len(shown) == 4, (shown, stored)
    assert all(codes.code_hash(c) == stored[u] for u, c in shown.items())
    assert "julie.bouchard@ciusss-capitalenationale.gouv.qc.ca" not in shown
    done = len(_sql(repo, "SELECT seq FROM audit_log WHERE action <> 'import_directory'"))
    assert f"Applied and recorded: {done} of 18 actions" in out
    assert f"applies the {18 - done} remaining actions" in out


# --- 2. Ctrl-C and SIGTERM: the action in progress rolls back, the ending is told -------
@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    write_access(folder, new_identities(2), users=20)  # 42 actions
    return folder


@pytest.mark.parametrize("signal_name", ["INT", "TERM"])
def test_an_interrupted_apply_says_what_it_applied_and_the_next_run_finishes(
        generated: Path, tmp_path: Path, signal_name: str) -> None:
    folder = tmp_path / "repo"
    shutil.copytree(generated, folder)
    assert RUNNER.exists()
    code, out, err = finish(rvsq(folder, "apply", "--auto-approve",
                                 crash=("after-commit", 7), signal_name=signal_name))
    _clean(out + err)
    assert code == 1, err
    assert "error[E152] apply interrupted after 7 of 42 actions" in err, err
    assert "Applied and recorded: 7 of 42 actions" in err
    assert "applies the 35 remaining actions" in err
    with sqlite3.connect(folder / ".rvsq" / "state.db") as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 7
    code, out, err = finish(rvsq(folder, "apply", "--auto-approve"))
    _clean(out + err)
    assert code in (0, 4), err
    assert "Applied 35 actions" in out


def test_ctrl_c_in_a_read_only_command_is_one_sentence(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", (
        "import os, signal, sys\n"
        "from reconciler.checking import validation\n"
        "real = validation.validate_paths\n"
        "def stopped(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*a, **k)\n"
        "validation.validate_paths = stopped\n"
        "from reconciler.cli import main\n"
        "sys.argv = ['rvsq-access', 'validate']\n"
        "main()\n")], cwd=repo, env=_env(), text=True, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=60)
    _clean(out + err)
    assert proc.returncode == 1 and "error[E151] interrupted" in err, err


def test_ctrl_c_while_confirming_portal_tasks_says_which_were_confirmed(
        tmp_path: Path) -> None:
    """The emergency department works in the portal: apply leaves 6 open tasks. A Ctrl-C
    inside the third task's transaction keeps the first two confirmed (each audited), the
    third rolled back, and says so."""
    repo = _example(tmp_path)
    assert _rvsq(repo, "apply", "--auto-approve").returncode == 4
    tasks = json.loads(_rvsq(repo, "tasks", "list", "--format", "json").stdout)["tasks"]
    ids = [str(t["id"]) for t in tasks[:4]]
    proc = subprocess.Popen([sys.executable, "-c", (
        "import os, signal, sys\n"
        "from reconciler.store.base import SQLStore\n"
        "real = SQLStore.set_task_status\n"
        "calls = []\n"
        "def stopped(self, *a, **k):\n"
        "    calls.append(1)\n"
        "    if len(calls) == 3:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(self, *a, **k)\n"
        "SQLStore.set_task_status = stopped\n"
        "from reconciler.cli import main\n"
        f"sys.argv = ['rvsq-access', 'tasks', 'done', *{ids!r}]\n"
        "main()\n")], cwd=repo, env=_env(), text=True, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=60)
    _clean(out + err)
    assert proc.returncode == 1, err
    assert (f"error[E224] Interrupted: tasks changed before the stop: {ids[0]}, {ids[1]}; "
            f"not changed: {ids[2]}, {ids[3]}.") in err
    confirmed = json.loads(_rvsq(repo, "audit", "log", "--action", "confirm_task",
                                 "--format", "json").stdout)
    assert [str(e["fields"]["task"]) for e in confirmed] == ids[:2]
    again = _rvsq(repo, "tasks", "done", *ids)
    assert again.returncode == 0
    assert "Confirmed 2 portal tasks:" in again.stdout, again.stdout


# --- 3. deliveries that fail after commit ------------------------------------------------
def test_an_unwritable_codes_folder_leaves_the_codes_waiting_then_delivered(
        tmp_path: Path) -> None:
    repo = _example(tmp_path)
    (repo / ".rvsq" / "codes").write_text("a file where the folder should be\n")
    result = _rvsq(repo, "apply", "--auto-approve")
    _clean(result.stdout + result.stderr)
    assert result.returncode == 4, result.stderr
    assert "error[E153] every change is applied (18 actions)" in result.stderr
    assert "Applied and recorded: 18 of 18 actions" in result.stderr
    # One sealed file per register-mode establishment (the portal-mode one gets none).
    assert re.search(r"Waiting for delivery: \d+ emails? and 2 files of sealed codes",
                     result.stderr), result.stderr
    assert "To write the sealed codes in '.rvsq/codes': run 'rvsq-access apply' again" \
        in result.stderr
    (repo / ".rvsq" / "codes").unlink()
    again = _rvsq(repo, "apply", "--auto-approve")
    _clean(again.stdout + again.stderr)
    assert "Nothing to apply." in again.stdout
    assert len(list((repo / ".rvsq" / "codes").glob("*.age"))) == 2
    assert _sql(repo, "SELECT count(*) FROM sealed_codes WHERE exported_at IS NULL") == [(0,)]


@pytest.mark.parametrize("planted", [".rvsq/codes", ".rvsq/outbox"])
def test_a_planted_link_is_refused_before_any_change(tmp_path: Path, planted: str) -> None:
    repo = _example(tmp_path)
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o755)
    (repo / planted).symlink_to(target)
    result = _rvsq(repo, "apply", "--auto-approve")
    _clean(result.stderr)
    assert result.returncode == 1
    assert f"error[E149] '{planted}' is a symbolic link" in result.stderr
    assert _sql(repo, "SELECT value FROM meta WHERE key = 'serial'") == [("1",)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o755 and not list(target.iterdir())


def test_a_planted_rvsq_link_is_never_chmodded(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o755)
    shutil.copytree(EXAMPLE, tmp_path / "access")
    (tmp_path / ".rvsq").symlink_to(target)
    result = _rvsq(tmp_path, "state", "init")
    assert result.returncode == 1 and "error[E149]" in result.stderr
    assert "/.rvsq' is a symbolic link" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o755 and not list(target.iterdir())


# --- 4. no terminal, any terminal ----------------------------------------------------------
def test_closed_stdin_is_no_terminal(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    result = subprocess.run(["bash", "-c", f"exec '{EXE}' apply <&-"], cwd=repo, env=_env(),
                            capture_output=True, text=True, timeout=60)
    _clean(result.stderr)
    assert result.returncode == 1 and "error[E115]" in result.stderr


def test_a_latin1_terminal_reads_the_french_plan(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    result = subprocess.run([str(EXE), "--lang", "fr", "plan"], cwd=repo, capture_output=True,
                            env=_env(PYTHONIOENCODING="latin-1", LC_ALL="C"), timeout=60)
    out, err = result.stdout.decode("latin-1"), result.stderr.decode("latin-1")
    _clean(out + err)
    assert result.returncode == 0, err
    assert "Établissement" in out and "Urgence - CHU de Québec" in out


# --- 5. damage is named -------------------------------------------------------------------
@pytest.mark.parametrize(("damage", "command", "code"), [
    ("DELETE FROM meta WHERE key = 'serial'", "plan", "E147"),
    ("UPDATE meta SET value = 'x' WHERE key = 'serial'", "apply", "E147"),
    ("UPDATE meta SET value = '3 abc' WHERE key = 'audit_head'", "apply", "E147"),
    ("DELETE FROM meta WHERE key = 'audit_head'", "audit", "E147"),
    ("UPDATE audit_log SET fields = '{broken' WHERE seq = 1", "report", "E148"),
    ("UPDATE audit_log SET fields = '[1]' WHERE seq = 1", "audit", "E148"),
])
def test_a_damaged_state_is_named(tmp_path: Path, damage: str, command: str,
                                  code: str) -> None:
    repo = _example(tmp_path)
    _sql(repo, damage)
    args = {"plan": ["plan"], "apply": ["apply", "--auto-approve"],
            "audit": ["audit", "verify"], "report": ["report", "--format", "json"]}[command]
    result = _rvsq(repo, *args)
    _clean(result.stderr)
    assert result.returncode == 1 and f"error[{code}]" in result.stderr, result.stderr
    assert "Nothing was changed" in result.stderr or "nothing was changed" in result.stderr


@pytest.mark.parametrize("location", [
    "sqlite:///" + "a" * 300 + "/state.db",
    "sqlite:///access/06/gmf-hill-valley.yaml/state.db",  # a file where a folder should be
])
def test_an_unusable_state_path_is_named(tmp_path: Path, location: str) -> None:
    repo = _example(tmp_path)
    for args in (["plan"], ["state", "init"], ["apply", "--auto-approve"]):
        result = _rvsq(repo, "--state", location, *args)
        _clean(result.stderr)
        assert result.returncode == 1 and re.search(r"error\[E(156|190)\]", result.stderr), (
            args, result.stderr)


# --- 6. a read-only .rvsq -----------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {str(p.relative_to(folder)): (p.lstat().st_mode, hashlib.sha256(
        p.read_bytes()).hexdigest() if p.is_file() else "")
        for p in sorted(folder.rglob("*"))}


def test_read_only_commands_work_on_a_read_only_state_folder(tmp_path: Path) -> None:
    """An auditor's copy they may only read (as root, run without root's power over file
    modes)."""
    repo = _example(tmp_path)
    assert _rvsq(repo, "apply", "--auto-approve").returncode in (0, 4)
    for path in (repo, *repo.rglob("*")):
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = _snapshot(repo / ".rvsq")
    try:
        for args in (["plan"], ["report", "--format", "json"], ["state", "list"],
                     ["audit", "verify"], ["audit", "log"], ["outbox", "list"],
                     ["state", "check"]):
            result = subprocess.run([*without_root_rights(), sys.executable, "-m",
                                     "reconciler", *args], cwd=repo,
                                    env=_env(RVSQ_CACHE_KEY="k"), capture_output=True,
                                    text=True, timeout=60)
            _clean(result.stderr)
            assert result.returncode == 0, (args, result.stderr)
        assert _snapshot(repo / ".rvsq") == before
    finally:
        for path in (repo, *repo.rglob("*")):
            if not path.is_symlink():
                path.chmod(0o755)


def test_existing_folders_keep_their_permissions(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    (repo / ".rvsq").chmod(0o750)
    assert _rvsq(repo, "plan").returncode == 0
    assert _rvsq(repo, "apply", "--auto-approve").returncode in (0, 4)
    assert stat.S_IMODE((repo / ".rvsq").stat().st_mode) == 0o750
    # What the tool made itself is private from the start.
    assert stat.S_IMODE((repo / ".rvsq" / "codes").stat().st_mode) == 0o700


# --- 7. what the outside probe found after the first round ---------------------------------
def test_a_link_or_a_device_at_the_state_location_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.db"
    target.write_bytes(b"")
    target.chmod(0o644)
    shutil.copytree(EXAMPLE, tmp_path / "access")
    (tmp_path / ".rvsq").mkdir()
    (tmp_path / ".rvsq" / "state.db").symlink_to(target)
    for args in (["state", "init"], ["plan"], ["apply", "--auto-approve"]):
        result = _rvsq(tmp_path, *args)
        _clean(result.stderr)
        assert result.returncode == 1 and "error[E157]" in result.stderr, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.read_bytes() == b""
    before = os.stat("/dev/null")
    result = _rvsq(tmp_path, "--state", "sqlite:////dev/null", "state", "init")
    assert result.returncode == 1 and "error[E145]" in result.stderr, result.stderr
    assert os.stat("/dev/null").st_mode == before.st_mode
    assert not Path("/dev/null-journal").exists()


def test_a_reader_that_goes_away_does_not_stop_apply(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    result = subprocess.run(["bash", "-c", f"'{EXE}' --no-color apply --auto-approve | head -1;"
                             " exit ${PIPESTATUS[0]}"], cwd=repo, env=_env(),
                            capture_output=True, text=True, timeout=60)
    _clean(result.stderr)
    assert result.returncode == 4, result.stderr  # applied, the emails wait: as without head
    assert "note: the output was cut short" in result.stderr
    assert _sql(repo, "SELECT value FROM meta WHERE key = 'serial'") == [("19",)]


def test_the_cut_output_is_said_in_the_language_given_after_the_command(
        tmp_path: Path) -> None:
    repo = _example(tmp_path)
    result = subprocess.run(["bash", "-c", f"'{EXE}' --no-color apply --auto-approve --lang fr"
                             " | head -1; exit ${PIPESTATUS[0]}"], cwd=repo, env=_env(),
                            capture_output=True, text=True, timeout=60)
    assert "remarque\u00a0: la sortie a été coupée" in result.stderr, result.stderr


@pytest.mark.parametrize("damage", [
    "UPDATE meta SET value = (SELECT seq || ' ' || hash FROM audit_log WHERE seq = 1) "
    "WHERE key = 'audit_head'",  # a head naming an older entry
    "UPDATE meta SET value = '7' WHERE key = 'serial'",
])
def test_a_head_or_serial_edited_is_named_before_any_write(tmp_path: Path,
                                                            damage: str) -> None:
    repo = _example(tmp_path)
    assert _rvsq(repo, "apply", "--auto-approve").returncode == 4
    _sql(repo, damage)
    before = _sql(repo, "SELECT count(*) FROM audit_log")
    for args in (["apply", "--auto-approve"],
                 ["state", "import-directory", str(DIRECTORY)]):
        result = _rvsq(repo, *args)
        _clean(result.stderr)
        assert result.returncode == 1 and "error[E147]" in result.stderr, result.stderr
    assert _sql(repo, "SELECT count(*) FROM audit_log") == before


@pytest.mark.parametrize("given", ["nan", "inf", "-1", "1e308"])
def test_a_lock_timeout_that_is_no_duration_is_refused(tmp_path: Path, given: str) -> None:
    result = _rvsq(tmp_path, "apply", "--lock-timeout", given)
    _clean(result.stderr)
    assert result.returncode == 1 and "error[E193]" in result.stderr, result.stderr


def test_a_plan_nested_too_deeply_is_not_a_plan(tmp_path: Path) -> None:
    repo = _example(tmp_path)
    (repo / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _rvsq(repo, "apply", "--plan", "deep.json")
    _clean(result.stderr)
    assert result.returncode == 1 and "error[E119]" in result.stderr, result.stderr


@pytest.mark.parametrize(("key", "code"), [(signal.SIGINT, "E159"), (b"\x04", "E154")],
                         ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_or_ctrl_d_at_the_question_changes_nothing_and_fails(
        tmp_path: Path, key: bytes | int, code: str) -> None:
    repo = _example(tmp_path)
    exit_code, out = on_terminal([str(EXE), "--no-color", "apply"], repo, key, _env())
    _clean(out)
    assert exit_code == 1 and f"error[{code}]" in out and "othing was changed" in out, out
    assert _sql(repo, "SELECT value FROM meta WHERE key = 'serial'") == [("1",)]


def test_json_on_a_terminal_carries_no_control_character(tmp_path: Path) -> None:
    """JSON escapes only C0 by itself: on a terminal, C1 controls, bidi and zero-width
    characters from data are escaped too (the same string for a JSON reader)."""
    repo = _example(tmp_path)
    hostile = "ops\u202e\u0085\u009b2J\u200b"
    assert _rvsq(repo, "--actor", hostile, "apply", "--auto-approve").returncode == 4
    code, out = on_terminal([str(EXE), "audit", "log", "--format", "json"], repo, b"", _env())
    assert code == 0, out
    assert not any(c in out for c in "\u202e\u0085\u009b\u200b\x1b"), ascii(out)
    assert "ops\\u202e\\u0085\\u009b2J\\u200b" in out
    piped = _rvsq(repo, "audit", "log", "--format", "json")  # not a terminal: as it is
    assert hostile in piped.stdout
