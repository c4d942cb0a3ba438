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


# What is printed: the first problems of a file say what is wrong with it; thousands more
# only bury the summary (and cost time and memory to build and print). The counts stay
# exact: the others are counted, by severity, in `Omitted`.
MAX_PER_FILE = 100
MAX_PER_RUN = 1_000


class Omitted(NamedTuple):
    """Problems of one file that were counted but not kept."""

    errors: int = 0
    warnings: int = 0

    @property
    def total(self) -> int:
        return self.errors + self.warnings

    def __add__(self, other: object) -> Omitted:  # type: ignore[override]
        assert isinstance(other, Omitted)
        return Omitted(self.errors + other.errors, self.warnings + other.warnings)


def keep_first(problems: list[Problem], omitted: dict[str, Omitted],
               limit: int = MAX_PER_FILE) -> list[Problem]:
    """`problems` sorted, with at most `limit` per file (the first by position); the rest
    are added to `omitted`, by file."""
    problems.sort(key=Problem.sort_key)
    kept: list[Problem] = []
    start = 0
    while start < len(problems):
        file = problems[start].file
        end = start
        while end < len(problems) and problems[end].file == file:
            end += 1
        kept.extend(problems[start : min(end, start + limit)])
        if end - start > limit:
            errors = sum(p.severity == ERROR for p in problems[start + limit : end])
            more = Omitted(errors, end - start - limit - errors)
            omitted[file] = omitted.get(file, Omitted()) + more
        start = end
    return kept
