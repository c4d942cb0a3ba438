"""Settled establishments: what lets a warm plan skip most of the province.

After a plan, each file whose establishment needs nothing (no action, nothing blocked, no
notice from comparing it with its accounts) is recorded in the parse cache as in step with
that establishment's accounts at their revision: a random token the database draws again
whenever one of those accounts or their services changes, whoever writes (store/sql.py). A
later plan of the same bytes on the same day, while the revision is the same, neither
reads those accounts nor compares them: the planner would find nothing to do there. Any
other byte, any write to one of the accounts, another day (access ends on a date), another
version of the tool: the entry is not found.

The shell side of the shortcut: `snapshot` reads the state and says which establishments
are settled (a `Scope`, handed to the planner); `remember` records them after a plan.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reconciler.checking.cache import ParseCache
from reconciler.planning.planner import Plan
from reconciler.reading.model import AccessFile
from reconciler.records import Focus, Scope, State

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reconciler.store import SQLStore


def _key(cache: ParseCache, access: AccessFile, revision: str, today: dt.date) -> str:
    return cache.key("settled", access.document.content_hash, access.establishment.id,
                     revision, today.isoformat())


def snapshot(store: SQLStore, cache: ParseCache, files: list[AccessFile], today: dt.date
             ) -> tuple[State, Scope]:
    """The state a plan of `files` compares against, without the accounts of the settled
    establishments, and the scope that says which those are. One read transaction: the
    accounts read, and those skipped, are as of the revisions the choice was made by."""
    with store.reading():
        revisions = store.revisions()
        scope = Scope(settled_among(cache, files, revisions, today), revisions)
        only = focus(files, scope.settled) if scope.settled else None
        return store.snapshot(only=only), scope


def settled_among(cache: ParseCache, files: list[AccessFile], revisions: Mapping[str, str],
                  today: dt.date) -> frozenset[str]:
    """The establishments whose file a plan found in step at their current revision."""
    return frozenset(
        access.establishment.id for access in files
        if (revision := revisions.get(access.establishment.id)) is not None
        and cache.get(_key(cache, access, revision, today)) is True
    )


def focus(files: list[AccessFile], settled: frozenset[str]) -> Focus:
    """What the store must still read when `settled` are skipped."""
    rest = [access for access in files if access.establishment.id not in settled]
    return Focus(
        settled,
        unsettled=frozenset(access.establishment.id for access in rest),
        names=frozenset(user.key for access in rest for user in access.users),
        # A username that is an email may name an account by its email (planner.py).
        emails=frozenset(email for access in rest for user in access.users
                         for email in (user.email, user.username) if email and "@" in email),
    )


def remember(cache: ParseCache, files: list[AccessFile], plan: Plan, scope: Scope,
             today: dt.date) -> None:
    """Record the files `plan` found in step with the state it was made against (a plan
    the input's errors did not stop), at the revisions `scope` was read with."""
    touched = ({a.establishment for a in plan.actions} | {b.establishment for b in plan.blocked}
               | {n.establishment for n in plan.warnings if n.establishment})
    for access in files:
        est = access.establishment.id
        revision = scope.revisions.get(est)
        if revision is not None and est not in touched and est not in scope.settled:
            cache.put(_key(cache, access, revision, today), True)
