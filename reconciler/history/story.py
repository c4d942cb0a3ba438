"""What an audit entry records about the person and the change, so that it tells the story
alone: who the account belonged to, where, and what it held before and after. Pure: the
executor gives it records, it gives back the entry's fields. Never a code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reconciler.records import AccountRecord

# The person an entry is about, as the account said it at that moment.
PERSON = ("username", "email", "title", "first_name", "last_name", "profile",
          "professional_number", "origin")
# A deleted account's whole record, as it was (nothing secret: tokens are one-time
# request references, as the log already records them).
ACCOUNT = ("establishment", "expires", "reviewed", "ticket", "origin", "code_token",
           "reset_token", "code_issued_at", "reset_at", "created_at", "updated_at")
# What a directory import writes to each account it touches (store/sql.py IMPORT_ACCOUNT).
IMPORTED = ("username", "email", "title", "first_name", "last_name", "profile",
            "professional_number")


def person(account: AccountRecord) -> dict[str, Any]:
    """The person, as the state's record of the account says it. (A creation's entry
    holds the new account's fields themselves: they are the person.)"""
    return {name: getattr(account, name) for name in PERSON}


def services_change(before: Iterable[str], acted_on: Iterable[str], granted: bool
                    ) -> dict[str, Any]:
    """A grant's or a revocation's before and after, as sorted lists."""
    held, changed = set(before), set(acted_on)
    after = held | changed if granted else held - changed
    return {"services": sorted(changed), "services_before": sorted(held),
            "services_after": sorted(after)}


def deleted(account: AccountRecord) -> dict[str, Any]:
    """Everything a deletion removes, so that the entry alone says what was lost."""
    return {"account": {name: getattr(account, name) for name in ACCOUNT},
            "services_before": list(account.services), "services_after": []}


def imported_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A directory import's rows as the accounts received them."""
    return [{name: row.get(name) for name in IMPORTED} for row in rows]
