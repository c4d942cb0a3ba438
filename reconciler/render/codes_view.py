"""`codes reveal` for the person who hands the codes out: a table (name, username, code,
when it was issued in Quebec's time, and whether a later code replaced it), or JSON with
ISO 8601 UTC times for scripts. The codes appear here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

from reconciler.applying.secret_codes import RevealedCode, SealedFile
from reconciler.catalog import Messages
from reconciler.clock import in_quebec
from reconciler.terminal import inert

_COLUMNS = ("name", "username", "code", "issued", "status")


def local_time(issued_at: str, messages: Messages) -> str:
    """An ISO UTC time as Quebec reads it (« 2026-12-02 18 h 40 »); text that is not
    such a time (an older or forged file) as it is."""
    try:
        moment = dt.datetime.fromisoformat(issued_at.replace("Z", "+00:00"))
    except ValueError:
        return issued_at
    if moment.tzinfo is None:
        return issued_at
    local = in_quebec(moment)
    return messages("codes.local_time", date=local.date().isoformat(), hour=local.hour,
                    minute=local.minute)


def _cells(code: RevealedCode, messages: Messages) -> tuple[str, ...]:
    entry = code.entry
    status = (messages("codes.status.current") if code.replaced_by is None
              else messages("codes.status.replaced",
                            issued=local_time(code.replaced_by.entry["issued_at"], messages)))
    return tuple(inert(cell) for cell in (code.name or entry["email"], entry["username"],
                                          entry["code"], local_time(entry["issued_at"],
                                                                    messages), status))


def _width(text: str) -> int:
    """Columns a terminal gives `text`: wide (East Asian) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths,
                                                                             strict=True)
                      ).rstrip() for row in rows]


def text(files: list[SealedFile], codes: list[RevealedCode], messages: Messages) -> str:
    """One table per file, in the order given, then what to do with replaced codes."""
    header = tuple(messages(f"codes.col.{column}") for column in _COLUMNS)
    lines: list[str] = []
    for file in files:
        rows = [_cells(code, messages) for code in codes if code.file == file]
        heading = "codes.file" if file.establishment is None else "codes.file_of"
        lines.append(messages(heading, path=file.path, establishment=file.establishment or ""))
        lines += _table([header, *rows]) if rows else [messages("codes.file_empty")]
        lines.append("")
    if any(code.replaced_by is not None for code in codes):
        lines.append(messages("codes.replaced_note"))
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(codes: list[RevealedCode]) -> str:
    """The codes for scripts: times in ISO 8601 UTC, as sealed."""
    return json.dumps({"codes": [{
        "name": code.name,
        "username": code.entry["username"],
        "email": code.entry["email"],
        "code": code.entry["code"],
        "issued_at": code.entry["issued_at"],
        "establishment": code.file.establishment,
        "file": code.file.path,
        "current": code.replaced_by is None,
        "replaced_by": None if code.replaced_by is None else {
            "issued_at": code.replaced_by.entry["issued_at"],
            "file": code.replaced_by.file.path},
    } for code in codes]}, ensure_ascii=False, indent=2) + "\n"
