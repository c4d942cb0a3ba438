"""Crash safety of apply (ARCHITECTURE §6, §8): kill it anywhere, run it again, nothing is lost
and nothing is doubled.

A generated repository (6 establishments × 40 new users: 246 actions) is applied by
tests/reliability/crash_runner.py, which SIGKILLs its own process at a chosen point (for
"after-email", the `outbox export` that writes the emails as files, after a whole apply).
Then apply runs again normally, once, its emails are exported, and the result must be what
one uninterrupted run gives: an empty plan, a verifying audit log with one entry per
planned action, one creation email per new account, and one sealed code per new account
whose hash is the one the state holds; and
`state check` passes.

RVSQ_CRASH_RUNS=N raises the number of kill scenarios (extra ones are drawn at random,
with a fixed seed).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from harness import (
    APPLY,
    EMAILS_WAIT,
    EXPORT,
    Kill,
    assert_converged,
    finish,
    new_identities,
    plan_actions,
    rvsq,
    write_access,
)

ESTABLISHMENTS = 6
USERS = 40
ACTIONS = ESTABLISHMENTS * (1 + USERS)  # one create_establishment, then one create per user
SEED = 20260501


def kill_scenarios() -> list[tuple[Kill, ...]]:
    """First, middle, last and random N at every point; a crash during the recovery run
    too. RVSQ_CRASH_RUNS adds random single kills up to that many scenarios."""
    rng = random.Random(SEED)
    limits = {"before-commit": ACTIONS, "after-commit": ACTIONS,
              "after-export": ESTABLISHMENTS, "after-email": ESTABLISHMENTS * USERS}
    scenarios: list[tuple[Kill, ...]] = []
    for point, last in limits.items():
        for nth in sorted({1, (last + 1) // 2, last, rng.randint(2, last - 1)}):
            scenarios.append(((point, nth),))
    # Killed again while the next run recovers what the first left undelivered.
    scenarios.append((("after-commit", rng.randint(2, ACTIONS - 1)), ("after-export", 1)))
    scenarios.append((("after-commit", rng.randint(2, ACTIONS - 1)), ("after-email", 7)))
    while len(scenarios) < int(os.environ.get("RVSQ_CRASH_RUNS", "0")):
        point = rng.choice(sorted(limits))
        scenarios.append(((point, rng.randint(1, limits[point])),))
    return scenarios


# --- the test -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def identities() -> dict[str, str]:
    return new_identities(ESTABLISHMENTS)


@pytest.fixture(scope="module")
def original_plan(tmp_path_factory: pytest.TempPathFactory,
                  identities: dict[str, str]) -> list[dict[str, Any]]:
    """What the first apply on an empty state does: the reference for every scenario."""
    folder = tmp_path_factory.mktemp("reference")
    write_access(folder, identities, USERS)
    actions = plan_actions(folder)
    assert len(actions) == ACTIONS
    assert Counter(a["action"] for a in actions) == {
        "create_establishment": ESTABLISHMENTS, "create_account": ESTABLISHMENTS * USERS}
    return actions


@pytest.mark.parametrize(
    "kills", kill_scenarios(), ids=lambda kills: "+".join(f"{p}@{n}" for p, n in kills)
)
def test_apply_killed_then_rerun_converges_without_duplicates(
    tmp_path: Path, identities: dict[str, str], original_plan: list[dict[str, Any]],
    kills: tuple[Kill, ...],
) -> None:
    write_access(tmp_path, identities, USERS)
    for kill in kills:
        command = APPLY
        if kill[0] == "after-email":  # emails are written by `outbox export`, after apply
            code, out, err = finish(rvsq(tmp_path, *APPLY))
            assert code == EMAILS_WAIT, err
            command = EXPORT
        code, out, err = finish(rvsq(tmp_path, *command, crash=kill))
        assert code == -signal.SIGKILL, f"{kill} was never reached:\n{out}\n{err}"

    code, out, err = finish(rvsq(tmp_path, *APPLY))
    assert code == EMAILS_WAIT, err
    assert "Traceback" not in err
    code, out, err = finish(rvsq(tmp_path, *EXPORT))
    assert code == 0, err
    assert_converged(tmp_path, original_plan, identities)


def test_uninterrupted_run_is_the_reference(
    tmp_path: Path, identities: dict[str, str], original_plan: list[dict[str, Any]],
) -> None:
    write_access(tmp_path, identities, USERS)
    code, out, err = finish(rvsq(tmp_path, *APPLY))
    assert code == EMAILS_WAIT, err
    assert f"Applied {ACTIONS} actions" in out
    assert f"{ESTABLISHMENTS * USERS} emails wait" in err
    code, out, err = finish(rvsq(tmp_path, *EXPORT))
    assert code == 0, err
    assert_converged(tmp_path, original_plan, identities)
    shutil.rmtree(tmp_path / ".rvsq" / "outbox")  # the checks do see a missing delivery
    with pytest.raises(AssertionError):
        assert_converged(tmp_path, original_plan, identities)
