"""The shipped JSON Schemas keep to Ajv's strict mode (what editors and CI validators built
on Ajv use), checked here without Node: the rules of it a schema of ours could break. Each
was checked once with Ajv 8 itself (`new Ajv2020({strict: true})`), which compiles them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from paths import REPO

SCHEMAS = sorted((REPO / "schemas").glob("*.schema.json"))
# JSON Schema 2020-12's keywords, and the annotations ours use.
KNOWN = {
    "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef",
    "$dynamicAnchor", "type", "enum", "const", "properties", "patternProperties",
    "additionalProperties", "required", "items", "prefixItems", "contains", "minItems",
    "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "allOf", "anyOf",
    "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
    "propertyNames", "minProperties", "maxProperties", "unevaluatedProperties",
    "unevaluatedItems", "title", "description", "default", "examples", "deprecated",
    "readOnly", "writeOnly",
}
# Keywords whose value is a map of names to subschemas, or a subschema, or a list of them.
MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}
ONE = {"additionalProperties", "items", "contains", "not", "if", "then", "else",
       "propertyNames", "unevaluatedProperties", "unevaluatedItems"}
MANY = {"allOf", "anyOf", "oneOf", "prefixItems"}


def subschemas(schema: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(schema, dict):
        return
    yield where, schema
    for key, value in schema.items():
        if key in MAPS:
            for name, sub in value.items():
                yield from subschemas(sub, f"{where}/{key}/{name}")
        elif key in ONE:
            yield from subschemas(value, f"{where}/{key}")
        elif key in MANY:
            for i, sub in enumerate(value):
                yield from subschemas(sub, f"{where}/{key}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_a_schema_keeps_to_ajv_strict_mode(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, sub in subschemas(schema):
        unknown = set(sub) - KNOWN
        assert not unknown, f"{path.name} {where}: unknown keywords {sorted(unknown)}"
        kinds = sub.get("type")
        if isinstance(kinds, list):  # strictTypes: a union only with null
            assert len(kinds) == 2 and "null" in kinds, f"{path.name} {where}: {kinds}"
        for name in sub.get("required", []):  # strictRequired
            assert name in sub.get("properties", {}), (
                f"{path.name} {where}: '{name}' is required but not in its properties")
