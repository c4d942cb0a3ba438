"""The strict loader: positions, normalisation, and what YAML would do silently."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from reconciler.loader import MAX_FILE_BYTES, load_bytes, load_file


def _load(text: str):
    return load_bytes(text.encode("utf-8"), "f.yaml")


def test_positions_are_one_based_line_and_column() -> None:
    doc = _load("a:\n  b: [x, y]\n").document
    assert doc.where(("a", "b", 1)) == (2, 10)
    assert doc.key_where(("a", "b")) == (2, 3)


def test_plain_scalars_are_typed_like_yaml_1_1_and_keep_their_text() -> None:
    doc = _load("a: NO\nb: 06\nc: 2026-05-01\nd: '06'\n").document
    assert doc.data == {"a": False, "b": 6, "c": dt.date(2026, 5, 1), "d": "06"}
    assert doc.plain[("a",)] == "NO" and doc.plain[("b",)] == "06"
    assert ("d",) not in doc.plain


def test_text_is_nfc_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Hélène")
    doc = _load(f"name: {decomposed}\n").document
    assert doc.data["name"] == "Hélène"


def test_byte_order_mark_is_accepted() -> None:
    assert load_bytes(b"\xef\xbb\xbfa: b\n", "f.yaml").document.data == {"a": "b"}


def test_invalid_utf8_is_located() -> None:
    problem = load_bytes(b"a: ok\nb: caf\xe9\n", "f.yaml").problems[0]
    assert (problem.code, problem.line, problem.column) == ("E001", 2, 7)


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        lines.append(f"{chr(ord('a') + n)}: &{chr(ord('a') + n)} [{', '.join(['*' + prev] * 9)}]")
    result = load_bytes("\n".join(lines).encode(), "f.yaml")
    assert result.document is None
    assert [(p.code, p.line) for p in result.problems] == [("E005", 1)]


def test_file_over_the_size_limit_is_refused_before_parsing() -> None:
    result = load_bytes(b"#" * (MAX_FILE_BYTES + 1), "f.yaml")
    assert [p.code for p in result.problems] == ["E002"]


def test_unreadable_path_is_reported_not_raised(tmp_path: Path) -> None:
    result = load_file(tmp_path, "folder.yaml")  # a folder cannot be read as a file
    assert [p.code for p in result.problems] == ["E011"]


def test_duplicate_keys_are_all_reported() -> None:
    problems = _load("a: 1\nb: 2\na: 3\nb: 4\n").problems
    assert [(p.code, p.line, p.params["first_line"]) for p in problems] == [
        ("E004", 3, 1),
        ("E004", 4, 2),
    ]


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    result = load_bytes(b"[" * 100 + b"]" * 100, "f.yaml")
    assert [p.code for p in result.problems] == ["E010"]
    # libyaml stops at 1,000 levels by itself: still a located problem, not a crash.
    result = load_bytes(b"[" * 5000 + b"]" * 5000, "f.yaml")
    assert [p.code for p in result.problems] in (["E003"], ["E010"])


def test_plain_scalars_yaml_cannot_construct_are_text() -> None:
    doc = _load("a: =\nb: <<\n").document  # YAML 1.1's value and merge tags
    assert doc is not None and doc.data == {"a": "=", "b": "<<"}
