"""The desired state as the access files describe it, normalised (ARCHITECTURE §3).

Built only from documents that passed the schema, so fields can be read without checks.
Emails (and email usernames) are lower-cased; text was NFC-normalised by the loader.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from reconciler.reading.loader import Document
from reconciler.records import services_of


class Establishment(NamedTuple):
    id: str
    name: str
    region: str
    type: str
    retired: bool
    mode: str | None = None  # "portal" or "register"; None: the policy's mode


class Representative(NamedTuple):
    name: str
    email: str
    age_recipient: str | None


class User(NamedTuple):
    index: int  # position in the file's user list, to locate problems
    username: str | None  # an existing RAMQ account; None for an account to create
    email: str
    title: str
    first_name: str
    last_name: str
    profile: str
    professional_number: str | None
    services: tuple[str, ...]
    code_token: str | None
    reset_token: str | None
    expires: dt.date | None
    reviewed: dt.date | None
    ticket: str | None
    # The ticket written inside a one-time request: it wins over `ticket` for that action.
    code_ticket: str | None
    reset_ticket: str | None

    @property
    def key(self) -> str:
        """The account's identity: its username, or its email for a new account."""
        return self.username or self.email

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class AccessFile(NamedTuple):
    document: Document
    establishment: Establishment
    representative: Representative
    users: tuple[User, ...]

    @property
    def file(self) -> str:
        return self.document.file

    def where(self, user: User, *fields: str | int) -> tuple[int, int]:
        return self.document.where(("users", user.index, *fields))

    def source(self, user: User) -> str:
        """file:line of the user's entry, as plans and reports cite it."""
        return f"{self.document.file}:{self.document.line_of_item('users', user.index)}"


@lru_cache(maxsize=4096)
def parse_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)  # few distinct dates: each made once, then shared


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return parse_day(str(value))


def iso_day(day: dt.date | None) -> str | None:
    """A user's date as the state and the parse cache keep it, or None."""
    return _iso_day(day) if day else None


@lru_cache(maxsize=4096)
def _iso_day(day: dt.date) -> str:
    return day.isoformat()  # few distinct dates: each text made once, then shared


def _lower(text: str) -> str:
    lower = text.lower()
    return text if lower == text else lower  # usually the same: keep one copy


def _username(value: str | None) -> str | None:
    if value is None:
        return None
    return _lower(value) if "@" in value else value


_NONE: dict[str, str] = {}  # no one-time request


def from_document(doc: Document) -> AccessFile:
    data = doc.data
    est = data["establishment"]
    rep = data["representative"]
    users = tuple(
        User(
            index=i,
            username=_username(u.get("username")),
            email=_lower(u["email"]),
            title=intern(u["title"]),  # a few values shared by thousands: kept once
            first_name=intern(u["first_name"]),  # names repeat (Marie, Tremblay): kept once
            last_name=intern(u["last_name"]),
            profile=intern(u["profile"]),
            professional_number=u.get("professional_number"),
            services=services_of(tuple(u["services"])),
            code_token=(u.get("secret_code") or _NONE).get("rotate"),
            reset_token=(u.get("password_reset") or _NONE).get("requested"),
            expires=_date(u.get("expires")),
            reviewed=_date(u.get("reviewed")),
            ticket=u.get("ticket"),
            code_ticket=(u.get("secret_code") or _NONE).get("ticket"),
            reset_ticket=(u.get("password_reset") or _NONE).get("ticket"),
        )
        for i, u in enumerate(data["users"])
    )
    return AccessFile(
        document=doc,
        establishment=Establishment(
            est["id"], est["name"], est["region"], est["type"], bool(est.get("retired", False)),
            est.get("mode"),
        ),
        representative=Representative(rep["name"], _lower(rep["email"]), rep.get("age_recipient")),
        users=users,
    )
