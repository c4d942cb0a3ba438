"""One apply at a time (ARCHITECTURE §8): a second apply waits for the state lock; past
--lock-timeout it fails clearly and changes nothing; otherwise it carries on from the
state the first one left, so nothing is created, mailed or sealed twice.

The lock is held the way an apply holds it, by taking flock on the database file itself;
an apply caught between two of its actions is frozen with SIGSTOP by
tests/reliability/crash_runner.py.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import (
    STATE_URLS,
    WAITING,
    assert_converged,
    cli,
    finish,
    new_identities,
    plan_actions,
    rvsq,
    stored_code_hashes,
    write_access,
)

USERS = 10


@pytest.fixture(scope="module")
def identities() -> dict[str, str]:
    return new_identities(2)


@pytest.fixture
def repo(tmp_path: Path, identities: dict[str, str]) -> Path:
    write_access(tmp_path, identities, USERS)
    return tmp_path


@contextlib.contextmanager
def state_lock(folder: Path) -> Iterator[None]:
    """Hold the state lock of `folder` as a running apply does: flock on the state's file
    (this process has no SQLite connection to it, whose POSIX locks closing would drop)."""
    with (folder / ".rvsq" / "state.db").open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_waiting_apply(folder: Path) -> subprocess.Popen[str]:
    """An apply that has planned and now waits for the lock (its first stderr line)."""
    process = rvsq(folder, "apply", "--auto-approve")
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith(WAITING), line
    return process


def applied_count(out: str) -> int:
    found = re.search(r"^Applied (\d+) action", out, re.MULTILINE)
    return int(found[1]) if found else 0


def test_apply_gives_up_after_lock_timeout_and_changes_nothing(repo: Path) -> None:
    planned = plan_actions(repo)
    with state_lock(repo):
        started = time.monotonic()
        code, _, err = finish(rvsq(repo, "apply", "--auto-approve", "--lock-timeout", "1"))
        waited = time.monotonic() - started
    assert code == 1
    assert waited >= 1
    assert err.splitlines()[-3:] == [
        f"{WAITING} 1 s…",
        "error[E110] another apply still holds the state lock after 1 s",
        "    hint: nothing was changed. Wait for the other apply to finish, then run the "
        "command again (apply and outbox take --lock-timeout SECONDS to wait longer).",
    ]
    assert plan_actions(repo) == planned
    assert stored_code_hashes(repo) == {}
    assert json.loads(cli(repo, "audit", "log", "--format", "json").stdout) == []
    assert not (repo / ".rvsq" / "outbox").exists()
    assert not (repo / ".rvsq" / "codes").exists()


def two_applies_behind_a_held_lock(folder: Path) -> list[tuple[int, str, str]]:
    """Start two applies together; both queue for the lock held here, then plan in turn."""
    with state_lock(folder):
        applies = [start_waiting_apply(folder), start_waiting_apply(folder)]
    return [finish(process) for process in applies]


def test_two_applies_started_together_never_duplicate(
    repo: Path, identities: dict[str, str]
) -> None:
    planned = plan_actions(repo)
    results = two_applies_behind_a_held_lock(repo)
    assert sorted(applied_count(out) for _, out, _ in results) == [0, len(planned)]
    assert all("Traceback" not in err for *_, err in results)
    assert_converged(repo, planned, identities)


def test_two_applies_started_together_both_succeed(repo: Path) -> None:
    results = two_applies_behind_a_held_lock(repo)
    # Both applied (or found nothing left); the creation emails wait: exit 4.
    assert [code for code, *_ in results] == [4, 4], [err for *_, err in results]
    assert sum("Nothing to apply." in out for _, out, _ in results) == 1


@pytest.mark.parametrize("rotate", [None, "INC-2026-11"], ids=["create", "rotate-codes"])
def test_apply_started_while_another_is_midway(
    repo: Path, identities: dict[str, str], rotate: str | None
) -> None:
    planned = plan_actions(repo)
    if rotate is not None:  # accounts exist; the runs regenerate every secret code
        assert finish(rvsq(repo, "apply", "--auto-approve"))[0] == 4  # emails wait
        write_access(repo, identities, USERS, rotate=rotate)
        planned += plan_actions(repo)
    first = rvsq(repo, "apply", "--auto-approve", crash=("after-commit", 3), signal_name="STOP")
    try:
        os.waitpid(first.pid, os.WUNTRACED)  # frozen after its 3rd action, holding the lock
        second = start_waiting_apply(repo)  # waits for the lock, then plans what is left
    finally:
        os.kill(first.pid, signal.SIGCONT)
    results = [finish(first), finish(second)]
    assert [code for code, *_ in results] == [4, 4], [err for *_, err in results]
    assert_converged(repo, planned, identities)



@pytest.mark.parametrize("move", ["rename", "delete"])
def test_moving_the_state_file_mid_apply_lets_no_second_apply_in(
    repo: Path, identities: dict[str, str], move: str
) -> None:
    """The lock is the database file's own: renaming the file, or deleting its name (a
    link kept elsewhere, to put it back afterwards), leaves it locked. A second apply finds
    no state at the old name (E138), and waits for the lock at the file's new one (E110)."""
    planned = plan_actions(repo)
    state = repo / ".rvsq" / "state.db"
    moved = repo / "moved.db"
    first = rvsq(repo, "apply", "--auto-approve", crash=("after-commit", 3), signal_name="STOP")
    try:
        os.waitpid(first.pid, os.WUNTRACED)  # frozen after its 3rd action, holding the lock
        if move == "rename":
            state.rename(moved)
        else:
            os.link(state, moved)
            state.unlink()
        code, out, err = finish(rvsq(repo, "apply", "--auto-approve", "--lock-timeout", "1"))
        assert code == 1 and applied_count(out) == 0
        assert f"error[E138] there is no state at {state}" in err
        assert not state.exists()  # and none was created there
        STATE_URLS[repo] = f"sqlite:///{moved}"
        code, out, err = finish(rvsq(repo, "apply", "--auto-approve", "--lock-timeout", "1"))
        assert code == 1 and applied_count(out) == 0
        assert "error[E110] another apply still holds the state lock after 1 s" in err
    finally:
        os.kill(first.pid, signal.SIGCONT)
    del STATE_URLS[repo]
    # The first apply sees, before its next action, that its file is no longer the state's:
    # it stops there and says where its changes are, instead of writing where nobody looks.
    code, out, err = finish(first)
    assert code == 1 and "Traceback" not in err, err
    assert f"error[E158] the state file {state} was moved or deleted while apply ran: it " \
           f"stopped after 3 of {len(planned)} actions" in err, err
    assert f"Applied and recorded: 3 of {len(planned)} actions" in err
    # With the file back under its name (the second apply's empty journal removed), the
    # state is whole, and the next apply finishes the work.
    for leftover in ("moved.db-wal", "moved.db-shm"):
        (repo / leftover).unlink(missing_ok=True)
    moved.rename(state)
    code, out, err = finish(rvsq(repo, "apply", "--auto-approve"))
    assert code == 4 and applied_count(out) == len(planned) - 3, err
    assert_converged(repo, planned, identities)  # `state check` included
