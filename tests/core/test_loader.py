"""The strict loader: positions, normalisation, and what YAML would do silently."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from reconciler.reading.loader import MAX_FILE_BYTES, load_bytes, load_file


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
    assert [p.code for p in result.problems] == ["E172"]


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


def test_positions_below_each_user_are_found_again_from_the_file(tmp_path: Path) -> None:
    """At province scale a file's bytes are let go once it is modelled; a deeper position,
    asked for only to locate a problem, reads the file again."""
    path = tmp_path / "f.yaml"
    path.write_text("users:\n  - email: a@example.org\n    services: [rvsq, rvsq-811]\n",
                    encoding="utf-8")
    doc = load_file(path, "f.yaml").document
    doc.release(path)
    assert doc.raw is None
    assert doc.where(("users", 0)) == (2, 5)  # recorded on the first pass
    assert doc.where(("users", 0, "services", 1)) == (3, 22)  # read again


def test_a_file_changed_since_it_was_read_is_located_at_its_nearest_known_node(
        tmp_path: Path) -> None:
    """Positions taken from other bytes would point at the wrong line: none are taken."""
    path = tmp_path / "f.yaml"
    path.write_text("users:\n  - email: a@example.org\n    services: [rvsq]\n",
                    encoding="utf-8")
    doc = load_file(path, "f.yaml").document
    doc.release(path)
    path.write_text("# a comment moves every line\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert doc.where(("users", 0, "services", 0)) == (2, 5)  # the user's own line
