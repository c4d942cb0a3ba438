"""`state import-directory FILE.csv`: existing RAMQ accounts, loaded without any access.

All rows are checked first; one bad row means nothing is imported (exit 1), and each
problem names its line. The file may come from a spreadsheet in either language: comma or
semicolon (read from the header line), UTF-8 with or without a byte order mark or
Windows-1252 (what a French Excel writes), rows left empty, and French column headers
(`HEADERS`, compared without case or accents). A row that would change an account an
access file manages is found here too (`managed_changes`): the command refuses it unless
told to update it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from reconciler import domain, files
from reconciler.catalog import phrase
from reconciler.errors import UserError
from reconciler.problems import Problem, error
from reconciler.records import CREATED, State

Parsed = TypeVar("Parsed")

COLUMNS = ("username", "email", "title", "first_name", "last_name", "profile",
           "professional_number")
REQUIRED = ("username", "email")
FIELDS = COLUMNS[1:]  # what a row sets on an account it names, an absent column included

# The headers each column may have, folded (see `folded`): its own name, and the words a
# francophone administrator writes. Documented in the README; E080's hint names them.
HEADERS: dict[str, tuple[str, ...]] = {
    "username": ("username", "nom_utilisateur", "nom_d_utilisateur", "utilisateur",
                 "code_utilisateur", "identifiant"),
    "email": ("email", "courriel", "adresse_courriel", "e_mail"),
    "title": ("title", "titre"),
    "first_name": ("first_name", "prenom"),
    "last_name": ("last_name", "nom", "nom_de_famille"),
    "profile": ("profile", "profil"),
    "professional_number": ("professional_number", "numero_de_professionnel",
                            "numero_professionnel", "no_professionnel",
                            "no_de_professionnel", "n_de_professionnel"),
}
COLUMN_OF = {header: column for column, headers in HEADERS.items() for header in headers}
UTF8, WINDOWS_1252 = "utf-8", "windows-1252"
DELIMITERS = (",", ";")


class Sheet(NamedTuple):
    """A CSV file's text, and how it was written (said to the user when not UTF-8)."""

    text: str
    encoding: str  # UTF8 or WINDOWS_1252
    delimiter: str  # one of DELIMITERS


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
    return rows(sheet(raw, display), display, state)


def sheet(raw: bytes, display: str) -> Sheet:
    """The file's text: UTF-8 (a byte order mark dropped), else Windows-1252, which decodes
    what a French Excel writes and almost nothing that was meant as UTF-8."""
    try:
        text, encoding = raw.decode("utf-8-sig"), UTF8
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("cp1252"), WINDOWS_1252
        except UnicodeDecodeError as exc:  # five bytes cp1252 leaves undefined
            raise UserError("E124", path=display, _hint="encoding", _words={"reason": phrase(
                "import.undecodable", byte=f"0x{raw[exc.start]:02x}",
                line=raw.count(b"\n", 0, exc.start) + 1)}) from None
    return Sheet(text, encoding, _delimiter(text))


def _delimiter(text: str) -> str:
    """The header line's separator: the one of DELIMITERS it holds most (a comma wins a
    tie, as in a header of one column)."""
    header = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    return max(DELIMITERS, key=header.count)


def folded(header: str) -> str:
    """A column header compared without case, accents, spaces or dashes: « Numéro de
    professionnel » → numero_de_professionnel."""
    decomposed = unicodedata.normalize("NFKD", header.strip().casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "_".join(part for part in re.split(r"[^a-z0-9]+", bare) if part)


def _clean(value: str | None) -> str | None:
    value = unicodedata.normalize("NFC", (value or "").strip())
    return value or None


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """A title or profile as the portal names it, also when typed with capitals, accents or
    spaces (« Médecin », « Personnel administratif »); any other value as it was."""
    if value is None:
        return None
    named = folded(value).replace("_", "-")
    return named if named in allowed else value


def rows(found: Sheet, file: str, state: State) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The sheet's rows, each checked; rows left empty are skipped."""
    return parsed(found, file, lambda reader: _rows(reader, file, state))


def parsed(found: Sheet, file: str, parse: Callable[[Any], Parsed]) -> Parsed:
    """`parse` given the sheet's csv reader; a sheet the csv module cannot read (a quote
    left open, a field past its limit) is E124, at the line it stopped on."""
    reader = csv.reader(io.StringIO(found.text, newline=""), delimiter=found.delimiter)
    try:
        return parse(reader)
    except csv.Error:
        raise UserError("E124", path=file, _hint="malformed", _words={"reason": phrase(
            "import.malformed", line=reader.line_num)}) from None


def _rows(reader: Any, file: str, state: State) -> tuple[list[dict[str, Any]],
                                                         list[Problem]]:
    header = next((cells for cells in reader if any(c.strip() for c in cells)), [])
    header_line = reader.line_num
    where: dict[str, int] = {}  # column → its index (the first header naming it)
    for index, name in enumerate(header):
        column = COLUMN_OF.get(folded(name))
        if column is not None:
            where.setdefault(column, index)
    missing = [c for c in REQUIRED if c not in where]
    if missing:
        return [], [error(file, (header_line or 1, 1), "E080",
                          _words={"columns": [phrase(f"import.column.{c}") for c in missing]})]
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    emails = state.emails()
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):  # `,,,,,,` or `;;;;;;`: an empty row
            continue
        row = {c: _clean(cells[where[c]] if c in where and where[c] < len(cells) else None)
               for c in COLUMNS}
        row["title"] = _choice(row["title"], domain.TITLES)
        row["profile"] = _choice(row["profile"], domain.PROFILES)
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
            found.append(error(file, at, "E083", value=row[field], allowed=", ".join(allowed),
                               _words={"field": phrase(f"import.column.{field}")}))
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
