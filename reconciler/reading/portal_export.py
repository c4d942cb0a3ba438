"""What RAMQ's portal shows, as a CSV the representative exports or types from its screens
(`rvsq-access drift EXPORT.csv`): one row per user, « Nom », « Prénom », « Nom
d'utilisateur », optionally « Établissement » (an establishment's id) and one column per
service (its id, `rvsq-811`, or its label as the aide-mémoire writes it).

Read as the directory export is (`directory_csv`: the same sheet, encodings, separators and
header folding). All rows are checked first; each bad row is a problem located at its
line, and nothing is compared when any is bad. A RAMQ directory export (`state
import-directory`'s format) is recognised by its columns (`is_directory`) and read by
`directory_csv` itself.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Collection
from typing import Any, NamedTuple

from reconciler import domain
from reconciler.catalog import phrase
from reconciler.problems import Problem, error
from reconciler.reading.directory_csv import HEADERS, Sheet, folded, parsed

COLUMNS = ("username", "first_name", "last_name")  # each required
ESTABLISHMENT_HEADERS = ("etablissement", "establishment", "id_etablissement",
                         "identifiant_etablissement", "establishment_id")
# A service's column: its id or its portal label (the aide-mémoire's), folded.
SERVICE_OF = {folded(name): service for service in domain.SERVICES
              for name in (service, domain.SERVICE_LABELS[service])}
TICKED = frozenset({"oui", "x", "1", "✓", "✔", "yes", "true", "vrai", "o", "y"})
UNTICKED = frozenset({"", "non", "0", "no", "false", "faux", "n"})
_DIRECTORY_ONLY = ("email", "profile", "professional_number")  # columns no portal list has


class PortalRow(NamedTuple):
    line: int
    username: str  # as listed (compared without case)
    first_name: str | None
    last_name: str | None
    establishment: str | None  # the « Établissement » cell, when the column exists
    services: frozenset[str] | None  # ticked boxes; None when the export has no columns


class Export(NamedTuple):
    rows: list[PortalRow]
    has_services: bool  # one column per service (all four, or those listed)
    has_establishment: bool


def is_directory(found: Sheet) -> bool:
    """A RAMQ directory export rather than the portal's list: its header names an email
    column and a profile or professional-number column."""
    reader = csv.reader(io.StringIO(found.text, newline=""), delimiter=found.delimiter)
    try:
        header = next((cells for cells in reader if any(c.strip() for c in cells)), [])
    except csv.Error:
        return False
    named = {_column(cell) for cell in header}
    return "email" in named and bool(named & set(_DIRECTORY_ONLY[1:]))


def _column(header: str) -> str | None:
    name = folded(header)
    for column, headers in HEADERS.items():
        if name in headers:
            return column
    if name in ESTABLISHMENT_HEADERS:
        return "establishment"
    return None


def rows(found: Sheet, file: str, known: Collection[str]) -> tuple[Export, list[Problem]]:
    """The export's rows, each checked; `known` are the establishments the state knows
    (an « Établissement » cell must name one of them)."""
    return parsed(found, file, lambda reader: _rows(reader, file, known))


def _rows(reader: Any, file: str, known: Collection[str]) -> tuple[Export, list[Problem]]:
    header = next((cells for cells in reader if any(c.strip() for c in cells)), [])
    header_line = reader.line_num or 1
    where: dict[str, int] = {}
    services: dict[str, int] = {}
    for index, name in enumerate(header):
        column = _column(name)
        if column is not None:
            where.setdefault(column, index)
        elif folded(name) in SERVICE_OF:
            services.setdefault(SERVICE_OF[folded(name)], index)
    missing = [c for c in COLUMNS if c not in where]
    if missing:
        return Export([], False, False), [error(file, (header_line, 1), "E230", _words={
            "columns": [phrase(f"import.column.{c}") for c in missing]})]
    found: list[PortalRow] = []
    problems: list[Problem] = []
    seen: dict[tuple[str | None, str], int] = {}

    def cell(cells: list[str], index: int | None) -> str | None:
        if index is None or index >= len(cells):
            return None
        return unicodedata.normalize("NFC", cells[index].strip()) or None

    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        at = (line, 1)
        row_problems = []
        username = cell(cells, where["username"]) or ""
        if "@" in username:
            username = username.lower()
        if not domain.USERNAME.fullmatch(username):
            row_problems.append(error(file, at, "E231", value=username))
        establishment = cell(cells, where.get("establishment"))
        if "establishment" in where and (establishment is None or establishment not in known):
            row_problems.append(error(file, at, "E233", value=establishment or "",
                                      known=", ".join(sorted(known)) or "—"))
        ticked: set[str] = set()
        for service, index in services.items():
            value = (cell(cells, index) or "").casefold()
            if value in TICKED:
                ticked.add(service)
            elif value not in UNTICKED:
                row_problems.append(error(file, at, "E234", value=cell(cells, index) or "",
                                          service=service))
        key = (establishment, username.casefold())
        if username and key in seen:
            row_problems.append(error(file, at, "E232", value=username, first_line=seen[key]))
        seen.setdefault(key, line)
        problems.extend(row_problems)
        if not row_problems:
            found.append(PortalRow(line, username, cell(cells, where["first_name"]),
                                   cell(cells, where["last_name"]), establishment,
                                   frozenset(ticked) if services else None))
    return Export(found, bool(services), "establishment" in where), problems
