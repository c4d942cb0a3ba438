"""Settled establishments: what lets a warm plan skip most of the province.

After a plan, each file whose establishment needs nothing (no action, nothing blocked, no
notice from comparing it with its accounts) is recorded in the parse cache as in step with
that establishment's accounts at their revision: a random token the database draws again
whenever one of those accounts or their services changes, whoever writes (store/sql.py). A
later plan of the same bytes on the same day, while the revision is the same, neither
reads those accounts nor compares them: the planner would find nothing to do there. Any
other byte, any write to one of the accounts, another day (access ends on a date), another
version of the tool: the entry is not found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reconciler.cache import ParseCache
from reconciler.model import AccessFile
from reconciler.plan import Plan
from reconciler.state import Focus, State


def _key(cache: ParseCache, access: AccessFile, revision: str, today: dt.date) -> str:
    return cache.key("settled", access.document.content_hash, access.establishment.id,
                     revision, today.isoformat())


def focus(cache: ParseCache, files: list[AccessFile], today: dt.date
          ) -> Callable[[dict[str, str]], Focus | None]:
    """What the store must read, given the establishments' revisions (None: all of it)."""

    def choose(revisions: dict[str, str]) -> Focus | None:
        settled = frozenset(
            access.establishment.id for access in files
            if (revision := revisions.get(access.establishment.id)) is not None
            and cache.get(_key(cache, access, revision, today)) is True
        )
        if not settled:
            return None
        rest = [access for access in files if access.establishment.id not in settled]
        return Focus(
            settled,
            unsettled=frozenset(access.establishment.id for access in rest),
            names=frozenset(user.key for access in rest for user in access.users),
            # A username that is an email may name an account by its email (plan.py).
            emails=frozenset(email for access in rest for user in access.users
                             for email in (user.email, user.username) if email and "@" in email),
        )

    return choose


def remember(cache: ParseCache, files: list[AccessFile], plan: Plan, state: State,
             today: dt.date) -> None:
    """Record the files `plan` found in step with `state` (a plan the input's errors did
    not stop)."""
    touched = ({a.establishment for a in plan.actions} | {b.establishment for b in plan.blocked}
               | {n.establishment for n in plan.warnings if n.establishment})
    for access in files:
        est = access.establishment.id
        revision = state.revisions.get(est)
        if revision is not None and est not in touched and est not in state.settled:
            cache.put(_key(cache, access, revision, today), True)
