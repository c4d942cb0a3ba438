"""What would make apply refuse a plan before changing anything, computed once for both:
`plan` shows it, `apply` raises the first of it. So the two can never disagree.

Pure: the plan, the state it was made against and the apply settings that matter in; the
refusals out, in the order apply checks them (the change reference; the deletion guard
for the run, then for each establishment; the secret codes of each establishment; the
mail server).
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import compress, repeat
from operator import attrgetter, eq, is_
from typing import NamedTuple

from reconciler.errors import UserError
from reconciler.planning.planner import Action, Plan, Refusal, portal_sites
from reconciler.records import State

MAX_DELETES = 10  # removals per run (apply and plan --max-deletes)
MASS_DELETE_SHARE = 0.25  # of an establishment's accounts...
MASS_DELETE_FLOOR = 3  # ...when that is more than this many
CHANGE_REF_LIMIT = 500  # characters of a change reference (it is shown to people)
CODE_ACTIONS = frozenset({"create_account", "regenerate_code"})
REMOVAL_ACTIONS = frozenset({"delete_account", "update_account"})  # see Action.is_removal

_kind = attrgetter("action")
_establishment = attrgetter("establishment")
_recipient = attrgetter("recipient")


class Limits(NamedTuple):
    """The apply settings a refusal depends on."""

    max_deletes: int = MAX_DELETES
    allow_mass_delete: bool = False
    interactive: bool = False  # may codes be shown on this terminal? A plan assumes not (CI)
    smtp_url: str | None = None  # RVSQ_SMTP_URL
    change_ref: str | None = None  # --change-ref or RVSQ_CHANGE_REF, as given


def smtp_url() -> str | None:
    """RVSQ_SMTP_URL, as mail.smtp_target reads it (mail itself is slow to import)."""
    return os.environ.get("RVSQ_SMTP_URL") or None


def change_ref(value: str | None) -> Refusal | None:
    """E143 for a change reference the audit cannot record: it must be one line of
    printable text of at most CHANGE_REF_LIMIT characters (a tab or a line break could
    forge a column or a line of `audit log`). None (or empty) names no change: that is
    fine."""
    if value and (len(value) > CHANGE_REF_LIMIT or not value.isprintable()):
        return Refusal("E143", None, {})
    return None


def mass_delete_limit(total: int) -> int:
    """How many of an establishment's `total` accounts one run may remove without
    --allow-mass-delete: a quarter of them, and at least MASS_DELETE_FLOOR."""
    return max(MASS_DELETE_FLOOR, int(total * MASS_DELETE_SHARE))


def of(plan: Plan, state: State, limits: Limits) -> tuple[Refusal, ...]:
    """Every reason apply would refuse `plan` against `state`. The actions are read with
    C-level selections: a province's first plan has 125,000 of them."""
    actions = plan.actions
    kinds = list(map(_kind, actions))
    present = set(kinds)
    found: list[Refusal] = []
    unusable = change_ref(limits.change_ref)
    if unusable is not None:
        found.append(unusable)
    if not limits.allow_mass_delete and present & REMOVAL_ACTIONS:
        found += _deletion_guard(actions, kinds, state, limits.max_deletes)
    if present & CODE_ACTIONS:
        issuing = list(compress(actions, map(CODE_ACTIONS.__contains__, kinds)))
        by_hand = portal_sites(plan, state)
        if by_hand:  # the portal issues their codes: nothing for this tool to deliver
            issuing = [a for a in issuing if a.establishment not in by_hand]
        found += _codes(issuing, limits.interactive)
    if limits.smtp_url:
        # Only here: its SMTP and TLS modules are slow to import. Apply parses the URL the
        # same way, so the plan refuses what apply would.
        from reconciler.applying import mail

        try:
            mail.parse_smtp_url(limits.smtp_url)
        except UserError as exc:
            found.append(Refusal(exc.code, None, exc.params))
    return tuple(found)


def check(plan: Plan, state: State, limits: Limits) -> None:
    """Raise the first refusal, as apply reports it."""
    refuse(of(plan, state, limits))


def refuse(refusals: tuple[Refusal, ...]) -> None:
    if refusals:
        raise UserError(refusals[0].code, **refusals[0].params)


def _deletion_guard(actions: tuple[Action, ...], kinds: list[str], state: State,
                    max_deletes: int) -> list[Refusal]:
    """Too many removals in one run (E112), or too large a share of one site (E113)."""
    removed = Counter(map(_establishment,
                          compress(actions, map(eq, kinds, repeat("delete_account")))))
    updates = compress(actions, map(eq, kinds, repeat("update_account")))
    removed.update(a.establishment for a in updates if a.is_removal)
    found = []
    count = sum(removed.values())
    if count > max_deletes:
        found.append(Refusal("E112", None, {"count": count, "limit": max_deletes}))
    suspects = {est for est, n in removed.items() if n > MASS_DELETE_FLOOR}
    if suspects:  # count the accounts they own only then: it reads every account
        owned = Counter(e for e in map(_establishment, state.accounts.values()) if e in suspects)
        for est in sorted(suspects):
            limit = mass_delete_limit(owned[est])
            if removed[est] > limit:
                found.append(Refusal("E113", est, {
                    "count": removed[est], "total": owned[est], "limit": limit,
                    "establishment": est}))
    return found


def _codes(issuing: list[Action], interactive: bool) -> list[Refusal]:
    """New secret codes: with no recipient they can only be shown on a terminal (E114,
    ARCHITECTURE §6); a recipient age cannot seal to would stop apply half-way (E120)."""
    from reconciler.reading import age_keys  # only here: see its docstring

    missing = Counter(map(_establishment,
                          compress(issuing, map(is_, map(_recipient, issuing), repeat(None)))))
    invalid = {r for r in set(map(_recipient, issuing)) - {None} if not age_keys.is_recipient(r)}
    bad = {(a.establishment, a.recipient) for a in issuing if a.recipient in invalid
           } if invalid else set()
    found = []
    for est in sorted(missing.keys() | {est for est, _ in bad}):
        if est in missing and not interactive:
            found.append(Refusal("E114", est, {"count": missing[est], "establishment": est}))
        found += [Refusal("E120", est, {"establishment": est, "recipient": recipient})
                  for where, recipient in sorted(bad) if where == est]
    return found
