"""A problem found in the input: where it is, what it is, and how serious."""

from __future__ import annotations

from typing import Any, NamedTuple

ERROR = "error"
WARNING = "warning"


class Problem(NamedTuple):
    """One located finding. `code` keys the message and hint in the catalog."""

    file: str
    line: int
    column: int
    code: str
    severity: str
    params: dict[str, Any]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def error(file: str, pos: tuple[int, int], code: str, **params: Any) -> Problem:
    return Problem(file, pos[0], pos[1], code, ERROR, params)


def warning(file: str, pos: tuple[int, int], code: str, **params: Any) -> Problem:
    return Problem(file, pos[0], pos[1], code, WARNING, params)
