"""`state import-directory FILE.csv`: existing RAMQ accounts, loaded without any access.

All rows are checked first; one bad row means nothing is imported (exit 1), and each
problem names its line. A row that would change an account an access file manages is
found here too (`managed_changes`): the command refuses it unless told to update it.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from reconciler import domain, files, os_words
from reconciler.errors import UserError
from reconciler.problems import Problem, error
from reconciler.records import CREATED, State

COLUMNS = ("username", "email", "title", "first_name", "last_name", "profile",
           "professional_number")
REQUIRED = ("username", "email")
FIELDS = COLUMNS[1:]  # what a row sets on an account it names, an absent column included


class ManagedChange(NamedTuple):
    """A row that would change an account an access file manages."""

    line: int
    username: str
    establishment: str | None  # the owner (None only for a created account left unowned)
    changes: dict[str, dict[str, str | None]]  # field → {"old", "new"}


def read(path: Path, display: str, state: State) -> tuple[list[dict[str, Any]], list[Problem]]:
    return parse(files.read_file(path, files.DIRECTORY, display), display, state)


def parse(raw: bytes, display: str, state: State) -> tuple[list[dict[str, Any]],
                                                            list[Problem]]:
    """The rows of a directory file's bytes (read once: what is imported is what is
    hashed in the audit entry)."""
    try:
        handle = io.StringIO(raw.decode("utf-8-sig"), newline="")
        return _rows(csv.DictReader(handle), display, state)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError("E124", path=display, _words=os_words.words(exc)) from None


def _clean(value: str | None) -> str | None:
    value = unicodedata.normalize("NFC", (value or "").strip())
    return value or None


def _rows(reader: csv.DictReader, file: str, state: State) -> tuple[list[dict[str, Any]],
                                                                     list[Problem]]:
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        return [], [error(file, (1, 1), "E080", columns=", ".join(missing))]
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    emails = state.emails()
    for raw in reader:
        line = reader.line_num
        row = {c: _clean(raw.get(c)) for c in COLUMNS}
        row_problems = _check(row, file, line, emails, seen)
        problems.extend(row_problems)
        if not row_problems:
            rows.append({**row, "line": line})
    return rows, problems


def managed_changes(rows: list[dict[str, Any]], state: State) -> list[ManagedChange]:
    """The rows that would change an account an access file manages (one that has an
    owning establishment, or that this tool created), with what each would change. The
    next plan would change such an account back to what its file says."""
    found = []
    for row in rows:
        account = state.accounts.get(row["username"])
        if account is None or (account.establishment is None and account.origin != CREATED):
            continue
        changes = {field: {"old": getattr(account, field), "new": row[field]}
                   for field in FIELDS if getattr(account, field) != row[field]}
        if changes:
            found.append(ManagedChange(row["line"], row["username"], account.establishment,
                                       changes))
    return found


def _check(row: dict[str, Any], file: str, line: int, emails: dict[str, str],
           seen: dict[str, int]) -> list[Problem]:
    at = (line, 1)
    username, email = row["username"] or "", (row["email"] or "").lower()
    if "@" in username:
        username = username.lower()
    row["username"], row["email"] = username, email
    found = []
    if not domain.USERNAME.fullmatch(username):
        found.append(error(file, at, "E081", value=username))
    if not domain.EMAIL.fullmatch(email):
        found.append(error(file, at, "E082", value=email))
    for field, allowed in (("title", domain.TITLES), ("profile", domain.PROFILES)):
        if row[field] is not None and row[field] not in allowed:
            found.append(error(file, at, "E083", field=field, value=row[field],
                               allowed=", ".join(allowed)))
    number, pattern = row["professional_number"], domain.PROFESSIONAL_NUMBER.get(row["profile"])
    if number is not None and (pattern is None or not pattern.fullmatch(number)):
        found.append(error(file, at, "E084", value=number))
    for key in dict.fromkeys((username, email)):  # an email username is one key, not two
        if key in seen:
            found.append(error(file, at, "E085", value=key, first_line=seen[key]))
        seen.setdefault(key, line)
    holder = emails.get(email) if email else None
    if holder is not None and holder != username:
        found.append(error(file, at, "E086", value=email, holder=holder))
    return found
