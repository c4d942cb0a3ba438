"""Several runners, one PostgreSQL state (ARCHITECTURE §9): the advisory lock, concurrent
applies, and a connection killed mid-apply. Each test gets its own new database.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from conftest import drop_postgres_database, new_postgres_database
from harness import (
    STATE_URLS,
    WAITING,
    assert_converged,
    finish,
    new_identities,
    plan_actions,
    rvsq,
    write_access,
)

from reconciler.store.postgres import LOCK_KEY

USERS = 10


@pytest.fixture(scope="module")
def identities() -> dict[str, str]:
    return new_identities(2)


@pytest.fixture
def pg_repo(tmp_path: Path, identities: dict[str, str]) -> Iterator[tuple[Path, str]]:
    """A generated access repository whose state is a new PostgreSQL database."""
    url, name = new_postgres_database()
    STATE_URLS[tmp_path] = url
    write_access(tmp_path, identities, USERS)
    yield tmp_path, url
    del STATE_URLS[tmp_path]
    drop_postgres_database(name)


def test_second_runner_waits_for_the_advisory_lock_then_times_out(
    pg_repo: tuple[Path, str],
) -> None:
    folder, url = pg_repo
    planned = plan_actions(folder)
    with psycopg.connect(url, autocommit=True) as other_runner:
        other_runner.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        started = time.monotonic()
        code, _, err = finish(rvsq(folder, "apply", "--auto-approve", "--lock-timeout", "1"))
    assert code == 1 and time.monotonic() - started >= 1
    assert WAITING in err and "error[E110]" in err and "Traceback" not in err
    assert plan_actions(folder) == planned  # nothing applied


def test_two_runners_at_once_converge_without_duplicates(
    pg_repo: tuple[Path, str], identities: dict[str, str]
) -> None:
    folder, _ = pg_repo
    planned = plan_actions(folder)
    runners = [rvsq(folder, "apply", "--auto-approve") for _ in range(2)]
    results = [finish(runner) for runner in runners]
    # Both applied (or found nothing left); the creation emails wait: exit 4.
    assert [code for code, _, _ in results] == [4, 4], [err for _, _, err in results]
    applied = sorted(f"Applied {len(planned)} actions" in out for _, out, _ in results)
    assert applied == [False, True]  # one did the work; the other waited, then found none
    assert_converged(folder, planned, identities)


def test_connection_killed_mid_apply_is_a_clear_error_and_the_next_run_converges(
    pg_repo: tuple[Path, str], identities: dict[str, str]
) -> None:
    folder, url = pg_repo
    planned = plan_actions(folder)
    runner = rvsq(folder, "apply", "--auto-approve", crash=("after-commit", 3),
                  signal_name="STOP")
    os.waitpid(runner.pid, os.WUNTRACED)  # frozen after its third action
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(url, autocommit=True) as dba:
        killed = dba.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name = 'rvsq-access'", (database,)
        ).fetchall()
    assert killed == [(True,)]
    os.kill(runner.pid, signal.SIGCONT)
    code, _, err = finish(runner)
    assert code == 1 and "Traceback" not in err
    # The fourth action was cut off: the three before it are applied, and the ending says
    # so even though the state no longer answers.
    assert "error[E117] apply stopped at action 4 of" in err or "error[E127]" in err, err
    if "error[E117]" in err:
        assert re.search(r"Applied and recorded: 3 of \d+ actions", err), err
        assert "rvsq-access apply' again" in err, err
    code, _, err = finish(rvsq(folder, "apply", "--auto-approve"))
    assert code == 4, err  # applied; the creation emails wait
    assert_converged(folder, planned, identities)
