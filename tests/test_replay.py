"""Any moment, from the audit log alone: over random sequences of applies, the state the
log rebuilds at each step (history/replay.py) is the state as it was at that step.

Each example imports a small RAMQ directory (recorded as `state import-directory` records
it), then applies two to four random configurations in turn over the same people
(accounts created, granted, revoked, renamed, moved, released, deleted; codes and resets
requested; establishments created, changed, retired), with a clock that moves a second
per call. After each step the real state is read; at the end, the log is replayed up to
the moment after each step and compared with it, every field of every account and
establishment.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from helpers import new_store
from hypothesis import HealthCheck, given, settings
from strategies import TODAY, Config, directory_csv, histories

from reconciler import pipeline
from reconciler.applying.executor import Settings, apply_plan
from reconciler.clock import iso
from reconciler.history import story
from reconciler.history.replay import replay
from reconciler.reading import directory_csv as directory
from reconciler.records import State
from reconciler.store import SQLStore

START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


class Clock:
    """A second later at every call: each action has its own moment."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


def _import(store: SQLStore, folder: Path, clock: Clock) -> None:
    """As `state import-directory` does: the rows and their audit entry in one transaction."""
    path = folder / "directory.csv"
    path.write_text(directory_csv(), encoding="utf-8")
    rows, problems = directory.read(path, path.name, store.snapshot())
    assert problems == []
    now = iso(clock())
    with store.transaction():
        store.import_accounts(rows, now)
        store.append_audit(now, "test", None, f"import-{now}", "import_directory", None, None,
                           {"file": path.name, "accounts": len(rows),
                            "usernames": sorted(r["username"] for r in rows),
                            "rows": story.imported_rows(rows)})


def _apply(config: Config, folder: Path, store: SQLStore, clock: Clock) -> None:
    planned = pipeline.plan_paths(store, [config.write(folder)], today=TODAY,
                                  now=iso(clock.now))
    settings_ = Settings(actor="test", git_commit="c0ffee", work_dir=folder / ".rvsq",
                         interactive=False, allow_mass_delete=True)
    apply_plan(planned.plan, store, settings_, clock=clock)


def _comparable(state: State) -> tuple[object, ...]:
    return state.serial, state.establishments, state.accounts


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(histories())
def test_the_log_rebuilds_the_state_as_it_was_at_every_step(steps: list[Config]) -> None:
    clock = Clock()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}", iso(START))
        try:
            _import(store, folder, clock)
            seen = [(iso(clock()), store.snapshot(history=True))]
            for number, config in enumerate(steps):
                _apply(config, folder / f"step{number}", store, clock)
                seen.append((iso(clock()), store.snapshot(history=True)))
            entries = store.audit_entries()
        finally:
            store.close()
    for moment, state in seen:
        rebuilt = replay(entries, moment)
        assert rebuilt.unknown == frozenset()
        assert _comparable(rebuilt.state) == _comparable(state), moment


def test_a_moment_before_the_first_entry_is_an_empty_state() -> None:
    rebuilt = replay([], "2026-01-01T00:00:00Z")
    assert rebuilt.state.accounts == {} and rebuilt.last is None and rebuilt.state.serial == 0
