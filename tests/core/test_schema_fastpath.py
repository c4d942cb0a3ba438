"""The compiled validator (fastjsonschema, the fast path) and the reference one
(jsonschema, which explains failures) give the same verdict on every input we have."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import EXAMPLE, REPO

from reconciler.reading import schema
from reconciler.reading.loader import load_file

FILES = sorted((REPO / "tests" / "cases" / "invalid").rglob("*.yaml")) + sorted(
    EXAMPLE.rglob("*.yaml"))
# The files the loader accepts; the others never reach a schema.
LOADED = [p for p in FILES if not load_file(p, p.name).problems]


def _agree(data: Any, name: str) -> None:
    reference = not any(schema._validator(name).iter_errors(data))
    assert schema.is_valid(data, name) == reference, data


def _schema_for(path: Path) -> str:
    return schema.POLICY_FILE if path.name == "policy.yaml" else schema.ACCESS_FILE


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.name)
def test_verdicts_agree_on_the_corpus_and_the_examples(path: Path) -> None:
    document = load_file(path, path.name).document
    assert document is not None
    _agree(schema.accept_bare_dates(document.data), _schema_for(path))


VALID = schema.accept_bare_dates(
    load_file(EXAMPLE / "06" / "gmf-hill-valley.yaml", "gmf").document.data)  # type: ignore[union-attr]
ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                       st.text(max_size=70), st.lists(st.text(max_size=5), max_size=3),
                       st.dictionaries(st.text(max_size=8), st.text(max_size=5), max_size=2),
                       st.sampled_from(["", " x", "2027-02-30", "2027-06-30", "CE1", "ce1",
                                        "a@b.c", "rvsq", "rvsq-811", "06", "19", "age1x"]))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(min_value=0), ODD_VALUES, st.booleans()), min_size=1,
                max_size=3))
def test_verdicts_agree_on_mutated_documents(edits: list[tuple[int, Any, bool]]) -> None:
    data = copy.deepcopy(VALID)
    for index, value, delete in edits:
        paths = [p for p in _paths(data) if p]
        path = paths[index % len(paths)]
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if delete and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    _agree(data, schema.ACCESS_FILE)


def test_duplicate_services_are_refused_by_both() -> None:
    """is_valid checks this one itself (see schema._without_unique_services)."""
    data = copy.deepcopy(VALID)
    data["users"][0]["services"] = ["rvsq", "rvsq-reorientation-clinique", "rvsq"]
    assert not schema.is_valid(data, schema.ACCESS_FILE)
    _agree(data, schema.ACCESS_FILE)
