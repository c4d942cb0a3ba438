"""The corpus of bad access files in tests/cases/invalid/, checked against expected.tsv.

A case is one YAML file or, for rules across files, a folder. Each row of the manifest is
one error the tool must report: case, file (relative to the case), line, column, code.
Cases are run from their parent folder, so reported file names are the case's own.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner, Result

from reconciler.catalog import EN
from reconciler.cli import cli

CASES = Path(__file__).resolve().parent / "cases" / "invalid"
MANIFEST = CASES / "expected.tsv"
# `validate` reports E001-E069; E070 and up need the state or another input (CSV import).
VALIDATE_CODE = re.compile(r"E0[0-6]\d")
# too big, unreadable, missing, none; E039 is the fallback no known input reaches;
# too many files, links out of the folder, too many users: tests/test_hostile.py
TESTED_ELSEWHERE = {"E002", "E011", "E012", "E013", "E039", "E014", "E015", "E044"}


class Expected(NamedTuple):
    file: str  # as the tool shows it when run from CASES
    line: int
    column: int
    code: str


def load_manifest() -> dict[str, list[Expected]]:
    """Expected errors by case name, in manifest order."""
    cases: dict[str, list[Expected]] = defaultdict(list)
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            case = row["case"]
            shown = case if (CASES / case).is_file() else f"{case}/{row['file']}"
            cases[case].append(Expected(shown, int(row["line"]), int(row["column"]), row["code"]))
    return dict(cases)


EXPECTED = load_manifest()


def run(case: str, lang: str, fmt: str) -> Result:
    """`rvsq-access --lang LANG validate --format FMT CASE`, from the current folder."""
    args = ["--lang", lang, "--no-color", "--no-cache", "validate", "--format", fmt, case]
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    return result


def errors(result: Result) -> list[dict[str, Any]]:
    return [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]


def located(problems: list[dict[str, Any]]) -> set[Expected]:
    return {Expected(p["file"], p["line"], p["column"], p["code"]) for p in problems}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case_is_reported_where_expected(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    expected = set(EXPECTED[case])

    english = run(case, "en", "json")
    problems = json.loads(english.stdout)["problems"]
    assert located(errors(english)) == expected, "errors differ from expected.tsv"
    assert all(p["hint"].strip() for p in problems), problems

    text = run(case, "en", "text").output
    for e in expected:
        assert f"{e.file}:{e.line}:{e.column}: error[{e.code}]" in text, text

    french = run(case, "fr", "json")
    assert located(errors(french)) == expected
    assert all(p["message"] and p["hint"] for p in errors(french))


def test_manifest_and_cases_on_disk_agree() -> None:
    on_disk = {p.name for p in CASES.iterdir() if p != MANIFEST}
    assert len(EXPECTED) >= 40
    assert set(EXPECTED) == on_disk


def test_corpus_covers_every_error_code() -> None:
    codes = {code for code in EN if VALIDATE_CODE.fullmatch(code)} - TESTED_ELSEWHERE
    covered = {e.code for rows in EXPECTED.values() for e in rows}
    assert codes <= covered, f"no case for {sorted(codes - covered)}"
