"""The text policy (reconciler/reading/text.py): one definition of the characters a single-line
field refuses, the same in the tool and in the JSON Schema, which a second validator
(check-jsonschema, ECMA-262 regexes through regress) reads as the tool does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconciler import domain
from reconciler.cli import cli
from reconciler.reading import text
from reconciler.reading.schema import ACCESS_FILE, load_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
# Codes the tool gives before or beside the schema (the YAML it reads, the shape) …
SCHEMA_LEVEL = re.compile(r"E0[0-4]\d|E05[45]")  # a professional number, said by profile
# … less those a JSON Schema over YAML 1.2 data cannot say, each the tool's stricter rule:
EXPECTED_DIFFERENCES = {
    "E001",  # not UTF-8: YAML 1.2 readers also take UTF-16; the tool wants UTF-8 only
    "E004",  # duplicate keys: ruamel.yaml keeps the last one, the tool refuses the file
    "E005",  # anchors and aliases: expanded by YAML 1.2 readers, refused by the tool
    "E019",  # U+0085, U+2028, U+2029 written raw: ruamel.yaml too folds them into a space
    "E006",  # explicit tags (!!str …): honoured by YAML 1.2 readers, refused by the tool
    "E017",  # emails email-validator refuses past the schema's pattern (`a..b@x.ca`)
    "E054",  # a number of another profile's shape (1-… for a resident): the schema knows
    "E055",  # only every profile's shapes at once
    "E046",  # `first_name: ‘Georges’`: text with its curly quotes to others, refused here
    "E023",  # `last_name: no`: text to YAML 1.2, a boolean to YAML 1.1: "quote it"
}


def _computed(predicate: object) -> tuple[tuple[int, int], ...]:
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if predicate(chr(code)):  # type: ignore[operator]
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return tuple((a, b) for a, b in ranges)


@pytest.mark.skipif(unicodedata.unidata_version != "14.0.0", reason="ranges of Unicode 14")
def test_the_forbidden_ranges_are_categories_cc_and_cf_and_the_two_separators() -> None:
    computed = _computed(lambda c: unicodedata.category(c) in ("Cc", "Cf") or c in "\u2028\u2029")
    assert computed == text.FORBIDDEN
    # the spaces refused around a value: every other Unicode white space is forbidden
    white = _computed(lambda c: c.isspace() and text.first_forbidden(c) is None)
    assert white == text.SPACES


def test_the_schema_carries_the_patterns_of_the_definition() -> None:
    schema = load_schema(ACCESS_FILE)
    patterns = text.schema_patterns()
    defs = schema["$defs"]
    assert defs["text"]["pattern"] == patterns["text"]
    assert defs["email"]["pattern"] == patterns["email"]
    assert defs["token"]["pattern"] == defs["ticket"]["pattern"] == patterns["line"]
    assert defs["user"]["properties"]["username"]["pattern"] == patterns["username"]
    # professional numbers: the union of the domain's patterns by profile, anchored
    union = "|".join(p.pattern for p in domain.PROFESSIONAL_NUMBER.values())
    number = defs["user"]["properties"]["professional_number"]["pattern"]
    for candidate in ["1-1234", "1123456", "5-12345", "8-1234", "81234", "8-2406", "2012345",
                      "1-١٢٣٤", "1-12", "x1-1234", "1-1234567"]:
        assert bool(re.fullmatch(union, candidate)) == bool(re.search(number, candidate))


def _classes_removed(pattern: str) -> str:
    return re.sub(r"\[(\\.|[^\]\\])*\]", "", pattern)


@pytest.mark.parametrize("name", ["access-file.schema.json", "plan.schema.json"])
def test_no_pattern_uses_a_class_engines_read_differently(name: str) -> None:
    found = re.findall(r'"pattern": ("(?:\\.|[^"\\])*")', (SCHEMAS / name).read_text("utf-8"))
    assert found
    for pattern in map(json.loads, found):
        assert not re.search(r"\\[sSdDwWbB]", pattern), pattern
        assert "." not in _classes_removed(pattern).replace("\\.", ""), pattern


@pytest.mark.parametrize(("char", "named"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\x1b", "U+001B ESCAPE"),
    ("\x85", "U+0085 NEXT LINE"), ("\x00", "U+0000 NULL"), ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
])
def test_a_refused_character_is_named_as_unicode_names_it(char: str, named: str) -> None:
    assert text.first_forbidden(f"ab{char}c") == 2
    assert text.describe(char) == named


def test_every_control_has_a_name() -> None:
    for code in [*range(0x20), *range(0x7F, 0xA0)]:
        assert re.fullmatch(r"U\+00[0-9A-F]{2} [A-Z ]+", text.describe(chr(code)))


@pytest.mark.parametrize("name", ["Hélène", "O'Brien", "D’Amours", "Jean-François", "Nguyễn Văn",
                                  "« Ti-Jean »", "Ζωή", "李 小龍", "Ōtsuka"])
def test_the_accepted_alphabet_passes(name: str) -> None:
    assert text.first_forbidden(name) is None
    assert re.fullmatch(text.schema_patterns()["text"], name)


@pytest.mark.parametrize("address", ["martin.macfly@ramq.gouv.qc.ca", "o'brien@chu.example",
                                     "hélène@clinique.example", "a+b@x.ca"])
def test_ordinary_addresses_are_accepted(address: str) -> None:
    assert text.email_refusal(address) is None


@pytest.mark.parametrize(("address", "key"), [
    ("a..b@x.ca", "text.email.dots"), ("a.@x.ca", "text.email.period"),
    ("a@x.test", "text.email.reserved"), ("a@-x.ca", "text.email.hyphen"),
    ("é..a@x.ca", "text.email.dots"),
])
def test_refused_addresses_give_a_reason_of_the_catalog(address: str, key: str) -> None:
    assert text.email_refusal(address) is not None
    assert text.email_refusal(address)[0] == key  # type: ignore[index]


def _corpus() -> list[Path]:
    files = [*sorted((ROOT / "access").glob("*/*.yaml")),
             *sorted((ROOT / "tests" / "cases" / "invalid").rglob("*.yaml"))]
    return [f for f in files if f.name != "policy.yaml"]


def _tool_codes(path: Path) -> set[str]:
    result = CliRunner().invoke(cli, ["--no-cache", "validate", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return {p["code"] for p in json.loads(result.stdout)["problems"]
            if p["severity"] == "error" and Path(p["file"]).name == path.name}  # not the policy's


def test_check_jsonschema_and_the_tool_agree_on_every_corpus_file() -> None:
    """The schema's verdict by an ECMA-faithful validator (YAML 1.2, regress) against the
    tool's schema-level verdict, file by file; only the listed codes may differ."""
    files = _corpus()
    run = subprocess.run(
        [str(CHECK_JSONSCHEMA), "-o", "json", "--schemafile", str(SCHEMAS / ACCESS_FILE),
         *map(str, files)], capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(run.stdout)
    refused = {Path(e["filename"]) for e in [*report["errors"], *report["parse_errors"]]}
    disagree = []
    for path in files:
        codes = {c for c in _tool_codes(path) if SCHEMA_LEVEL.fullmatch(c)}
        tool_refuses = bool(codes - {"E017"})
        if tool_refuses != (path in refused) and not codes & EXPECTED_DIFFERENCES:
            disagree.append((path.relative_to(ROOT), sorted(codes), path in refused))
    assert not disagree, "\n".join(map(str, disagree))
