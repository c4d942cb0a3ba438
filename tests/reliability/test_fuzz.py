"""Hostile bytes: random mutations of a valid file end in exit 0 or 1, never a traceback."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from helpers import EXAMPLE, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PER_FILE = dt.timedelta(seconds=2)  # every hostile file is judged within 2 s (issue: hardening)
VALID = (EXAMPLE / "06" / "gmf-hill-valley.yaml").read_bytes()

mutation = st.tuples(
    st.sampled_from(["replace", "insert", "delete"]),
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.binary(min_size=1, max_size=8),
)


def _mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, chunk in edits:
        at = min(at, len(data))
        if kind == "replace":
            data = data[:at] + chunk + data[at + len(chunk) :]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        else:
            data = data[:at] + data[at + len(chunk) :]
    return data


def _validate(content: bytes, lang: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gmf-hill-valley.yaml"
        path.write_bytes(content)
        result = run("--lang", lang, "validate", str(path))
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 1:
        assert "[E" in result.output and ("hint:" in result.output or "conseil" in result.output)


@settings(max_examples=300, deadline=PER_FILE, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=4), st.sampled_from(["en", "fr"]))
def test_mutated_file_never_crashes(edits: list[tuple[str, int, bytes]], lang: str) -> None:
    _validate(_mutate(VALID, edits), lang)


@settings(max_examples=200, deadline=PER_FILE, derandomize=True)
@given(st.binary(max_size=512))
def test_arbitrary_bytes_never_crash(content: bytes) -> None:
    _validate(content, "en")
