"""Portal mode's promise, over random sequences of applies: whatever the files ask, once a
representative has confirmed every portal task, a plan of the same files is empty, and the
state never issued a code or queued an email for a portal-mode site.

Each example applies two to four random configurations in turn (strategies.configs:
establishments in portal mode, in register mode or in the policy's, accounts created,
granted, revoked, renamed, moved, released, deleted; codes and resets requested), and
after each apply confirms every open task as `tasks done` does.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from helpers import new_store
from hypothesis import HealthCheck, given, settings
from strategies import TODAY, Config, histories

from reconciler import pipeline
from reconciler.applying import portal_tasks
from reconciler.applying.executor import Settings, apply_plan
from reconciler.clock import iso
from reconciler.records import PORTAL

START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(histories())
def test_once_every_task_is_confirmed_a_plan_of_the_same_files_is_empty(
        steps: list[Config]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}", iso(START))
        try:
            for number, config in enumerate(steps):
                files = config.write(folder / f"step{number}")
                planned = pipeline.plan_paths(store, [files], today=TODAY, now=iso(START))
                if planned.result.problems:
                    continue  # refused input: nothing applied, nothing to carry out
                # A site's mode as this apply leaves it: its changes are carried out so.
                modes = {est: record.mode for est, record in planned.state.establishments.items()}
                modes.update((a.establishment, (a.after or {}).get("mode"))
                             for a in planned.plan.actions if a.kind.on_establishment)
                portal = {est for est, mode in modes.items() if mode == PORTAL}
                report = apply_plan(planned.plan, store, Settings(
                    actor="test", git_commit=None, work_dir=folder / ".rvsq",
                    interactive=False, allow_mass_delete=True))
                tasks = store.portal_tasks()
                assert report.tasks == len(tasks)
                # Every account change at a portal site is a task; none of theirs
                # issued a code or queued an email.
                expected = [a for a in planned.plan.actions
                            if a.in_portal and a.establishment in portal]
                assert [(t.establishment, t.username, t.action) for t in tasks] == [
                    (a.establishment, a.username, a.action) for a in expected]
                assert not {m.username for m in store.pending_outbox()
                            if m.id.startswith(report.run_id)} & {t.username for t in tasks}
                assert not [path for est in {t.establishment for t in tasks}
                            for path in (folder / ".rvsq" / "codes").glob(
                                f"{report.run_id}-{est}.age")]
                portal_tasks.confirm(store, [t.id for t in tasks], actor="test",
                                     now=iso(START))
                assert store.portal_tasks() == []
                again = pipeline.plan_paths(store, [files], today=TODAY, now=iso(START))
                assert again.plan.actions == (), again.plan.actions
        finally:
            store.close()
