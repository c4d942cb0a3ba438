"""JSON Schema validation, with each failure turned into a located, friendly Problem.

The schemas are shipped inside the package (``reconciler.schemas``) so an installed tool
finds them; the repository's ``schemas/`` folder is the same files, for editors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconciler import domain
from reconciler.catalog import phrase
from reconciler.domain import DATE_FIELDS
from reconciler.problems import Problem, error
from reconciler.reading import text
from reconciler.reading.loader import Document, Path_

if TYPE_CHECKING:  # jsonschema is imported only to explain a failure: it is slow to load
    import jsonschema

ACCESS_FILE = "access-file.schema.json"
POLICY_FILE = "policy.schema.json"

# Which problem code a failing `pattern` or `enum` gets, by the field it is about.
_PATTERN_CODES = {
    "id": "E025",
    "email": "E028",
    "username": "E029",
    "age_recipient": "E038",
    "expires": "E035",
    "reviewed": "E035",
}
# …and which an `enum` gets, by the list of values it allows.
_ENUM_CODES = {
    frozenset(domain.REGIONS): "E026",
    frozenset(domain.ESTABLISHMENT_TYPES): "E027",
    frozenset(domain.TITLES): "E030",
    frozenset(domain.PROFILES): "E031",
    frozenset(domain.SERVICES): "E032",
}
# Fields whose wrong type is best answered with their own example (catalog `example.*`).
_EXAMPLES = {
    "secret_code": "example.secret_code",
    "password_reset": "example.password_reset",
}
_DESCRIPTIONS = {
    bool: "type.boolean",
    int: "type.integer",
    float: "type.number",
    type(None): "type.null",
    dt.date: "type.date",
    dt.datetime: "type.datetime",
    str: "type.string",
    list: "type.array",
    dict: "type.object",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    try:
        folder = resources.files("reconciler.schemas")
    except ModuleNotFoundError:  # an editable install maps only `reconciler` to the sources
        folder = Path(__file__).resolve().parents[2] / "schemas"  # type: ignore[assignment]
    return json.loads(folder.joinpath(name).read_text(encoding="utf-8"))


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def _compiled(name: str) -> Callable[[Any], Any]:
    """The fast path: fastjsonschema compiles the schema to Python code, which says only
    valid or not. jsonschema, slower, runs only on a failure, to explain it."""
    import fastjsonschema

    schema = load_schema(name)
    if name == ACCESS_FILE:
        schema = _without_unique_services(schema)
    return fastjsonschema.compile(schema, formats={"date": _is_date})


def _without_unique_services(schema: dict[str, Any]) -> dict[str, Any]:
    """The access-file schema less `uniqueItems` on each user's services, which is_valid
    checks itself: fastjsonschema checks it with a recursive function made anew for each
    user, a reference cycle per user that only the garbage collector frees, and the
    command line runs without it (see cli.main)."""
    copied = json.loads(json.dumps(schema))
    services = copied["$defs"]["user"]["properties"]["services"]
    assert services.pop("uniqueItems") is True
    assert "uniqueItems" not in json.dumps(copied), "another uniqueItems: check it here too"
    return copied


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    import jsonschema

    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(document: Document, schema_name: str) -> list[Problem]:
    """Problems with the shape of `document`; an empty list when it matches the schema."""
    data = accept_bare_dates(document.data)
    if _has_shape(data, schema_name):
        if schema_name != ACCESS_FILE:
            return []
        # Only repeated services can be wrong: found here, without jsonschema, whose
        # walk of a list 850,000 services long takes seconds.
        return [problem for i, user in enumerate(data["users"])
                if len(set(user["services"])) != len(user["services"])
                for problem in _duplicates(document, ("users", i, "services"), user["services"])]
    users = data.get("users") if schema_name == ACCESS_FILE and isinstance(data, dict) else None
    limit = load_schema(ACCESS_FILE)["properties"]["users"]["maxItems"]
    if isinstance(users, list) and len(users) > limit:
        # Over the limit, the file is refused (E044) whatever its users say: explaining
        # every one of 300,000 broken entries takes minutes and gigabytes. Only the
        # users within the limit are explained.
        too_many = error(document.file, document.where(("users",)), "E044", field="users",
                         count=len(users), limit=limit)
        return [too_many, *_explained(document, {**data, "users": users[:limit]}, schema_name)]
    return _explained(document, data, schema_name)


def _explained(document: Document, data: Any, schema_name: str) -> list[Problem]:
    """Each of jsonschema's errors in `data` (the document's, perhaps cut) as problems."""
    errors = sorted(
        _validator(schema_name).iter_errors(data),
        key=lambda e: tuple(str(p) for p in e.absolute_path),
    )
    problems: list[Problem] = []
    mistyped: set[Path_] = set()  # a value of the wrong type gets one problem, not several
    for err in errors:
        path = tuple(err.absolute_path)
        if path in mistyped:
            continue
        if err.validator == "type":
            mistyped.add(path)
            problems = [p for p in problems if (p.line, p.column) != document.where(path)]
        problems.extend(_explain(err, document))
    # Several keywords can fail on one value for one reason (pattern and format of a
    # date; `required` once per missing name): say it once.
    unique = {(p.line, p.column, p.code, repr(sorted(p.params.items()))): p for p in problems}
    return list(unique.values())


def _has_shape(data: Any, schema_name: str) -> bool:
    """Whether `data` matches the schema, but for repeated services (see is_valid)."""
    import fastjsonschema

    try:
        _compiled(schema_name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def is_valid(data: Any, schema_name: str) -> bool:
    if not _has_shape(data, schema_name):
        return False
    if schema_name == ACCESS_FILE:  # the shape is right: users, each with a list of text
        return all(len(set(u["services"])) == len(u["services"]) for u in data["users"])
    return True


def accept_bare_dates(data: Any) -> Any:
    """`expires: 2027-06-30` unquoted is fine (ARCHITECTURE §3): those dates become text, in
    place. Only users have date fields; everywhere else a bare date stays an error."""
    users = data.get("users") if isinstance(data, dict) else None
    for user in users if isinstance(users, list) else ():
        if isinstance(user, dict):
            for field in DATE_FIELDS & user.keys():
                if type(user[field]) is dt.date:
                    user[field] = user[field].isoformat()
    return data


def describe_where(path: Path_, data: Any = None) -> dict[str, Any]:
    """'user 3 (Martin MacFly)', 'establishment', … : the block a path belongs to, as a
    phrase; a user is named too, by first and last name, else email or username, as the
    file gives them (`data`), so that the representative finds the person, not a count."""
    if len(path) >= 2 and path[0] == "users" and isinstance(path[1], int):
        person = _person(data, path[1])
        if person:
            return phrase("where.user_named", n=path[1] + 1, person=person)
        return phrase("where.user", n=path[1] + 1)
    if path and path[0] in ("establishment", "representative"):
        return phrase(f"where.{path[0]}")
    return phrase("where.file")


def _person(data: Any, index: int) -> str:
    """How the file names user `index`: 'Martin MacFly', else its email or username."""
    users = data.get("users") if isinstance(data, dict) else None
    user = users[index] if isinstance(users, list) and index < len(users) else None
    if not isinstance(user, dict):
        return ""
    names = [user.get(f) for f in ("first_name", "last_name")]
    if all(isinstance(n, str) and n.strip() for n in names):
        return f"{names[0].strip()} {names[1].strip()}"
    for field in ("email", "username"):
        if isinstance(user.get(field), str) and user[field].strip():
            return user[field].strip()
    return ""


def _field(path: Path_) -> str:
    """The name of the field a path is about (list items are named by their list)."""
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "version"


def _describe(value: Any) -> dict[str, Any]:
    """What YAML read `value` as ("a whole number"), as a phrase."""
    return phrase(_DESCRIPTIONS.get(type(value), "type.string"))


def _suggest(value: str, choices: list[str]) -> dict[str, str]:
    lowered = {c.lower(): c for c in choices}
    close = [lowered[c] for c in difflib.get_close_matches(value.lower(), list(lowered), n=1,
                                                            cutoff=0.6)]
    params = {"allowed": ", ".join(choices)}
    if close:
        params["suggestion"] = close[0]
        params["_hint"] = "suggest"
    return params


def _explain(err: jsonschema.ValidationError, doc: Document) -> list[Problem]:
    path: Path_ = tuple(err.absolute_path)
    field = _field(path)
    where = doc.where(path)
    kind = err.validator
    value = err.instance

    if kind == "required":
        missing = [name for name in err.validator_value if name not in (value or {})]
        # `titel` is said once, as "did you mean 'title'?" (E021), not also "'title' is
        # missing": the field is there, misspelt.
        allowed = sorted(err.schema.get("properties", {}))
        meant = {_suggest(extra, allowed).get("suggestion") for extra in value or {}
                 if extra not in allowed} if isinstance(value, dict) else set()
        words = {"where": describe_where(path, doc.data)}
        return [error(doc.file, where, "E020", field=name, _words=words) for name in missing
                if name not in meant]
    if kind == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        words = {"where": describe_where(path, doc.data)}
        return [
            error(
                doc.file,
                doc.key_where((*path, extra)),
                "E021",
                field=extra,
                _words=words,
                **_suggest(extra, allowed),
            )
            for extra in sorted(set(value) - set(allowed))
        ]
    if kind == "type":
        return [_type_problem(err, doc, path, field)]
    if kind in ("const", "enum") and field == "version":
        return [error(doc.file, where, "E024", value=value)]
    if kind == "enum":
        code = _ENUM_CODES.get(frozenset(err.validator_value), "E039")
        choices = [str(c) for c in err.validator_value]
        return [error(doc.file, where, code, field=field, value=value, detail=value,
                      **_suggest(str(value), choices))]
    if kind == "uniqueItems":
        return _duplicates(doc, path, value)
    if kind == "minItems":
        return [error(doc.file, where, "E034")]
    if kind == "maxItems":
        return [error(doc.file, where, "E044", field=field, count=len(value),
                      limit=err.validator_value)]
    if kind == "minLength":
        return [error(doc.file, where, "E036", field=field)]
    if kind == "maxLength":
        return [error(doc.file, where, "E037", field=field, limit=err.validator_value)]
    if kind == "pattern" and isinstance(value, str):
        index = text.first_forbidden(value)
        if index is not None:  # the one character, pointed at, whatever the field
            where = doc.char_where(path, index)
            return [error(doc.file, where, "E016", field=field,
                          char=text.describe(value[index]), column=where[1])]
    if kind == "pattern" and field == "professional_number":
        return [_professional_number(doc, path, value)]
    if kind == "pattern" and value == "":
        return []  # minLength says it better: "is empty"
    if kind in ("minimum", "maximum"):
        return [error(doc.file, where, "E043", field=field, value=value,
                      low=err.schema.get("minimum", "…"), high=err.schema.get("maximum", "…"))]
    if kind == "pattern" and isinstance(value, str) and value.strip() not in ("", value):
        return [error(doc.file, where, "E041", field=field)]  # " a@b.org ": only the spaces
    if kind == "pattern" and field in _PATTERN_CODES:
        return [error(doc.file, where, _PATTERN_CODES[field], value=value)]
    if kind == "pattern":  # names: the only other patterned text forbids surrounding spaces
        return [error(doc.file, where, "E041", field=field)]
    if kind == "format" and field in DATE_FIELDS:
        return [error(doc.file, where, "E035", value=value)]
    return [error(doc.file, where, "E039", field=field, detail=err.message)]


def _professional_number(doc: Document, path: Path_, value: str) -> Problem:
    """The schema's pattern is every profile's numbers at once; what is wrong is said as
    the domain rules say it, for the user's profile (E054), or E055 if it has none."""
    user = doc.data["users"][path[1]]
    profile = user.get("profile")
    if profile not in domain.PROFESSIONALS:
        return error(doc.file, doc.where(path), "E055")
    example = domain.PROFESSIONAL_NUMBER_EXAMPLE[profile]
    return error(doc.file, doc.where(path), "E054", value=value,
                 prefix=example[0] if profile != "ips" else "8-1", example=example,
                 _words={"profile_label": phrase(f"profile.{profile}")})


def _type_problem(
    err: jsonschema.ValidationError, doc: Document, path: Path_, field: str
) -> Problem:
    expected = err.validator_value
    value = err.instance
    where = doc.where(path)
    if value is None:
        return error(doc.file, where, "E040", field=field)
    if not path:
        return error(doc.file, where, "E042", _words={"actual": _describe(value)})
    if field in DATE_FIELDS and isinstance(value, dt.date | str | int):
        return error(doc.file, where, "E035", value=doc.plain.get(path, value))
    if expected == "string" and path in doc.plain:
        # YAML 1.1 read `NO`, `06` or `2026-11-20` as something else: say "quote it".
        return error(doc.file, where, "E023", field=field, text=doc.plain[path],
                     _words={"actual": _describe(value)})
    # Every type the shipped schemas name has its words and an example (a test checks it);
    # a request (`secret_code: yes`) is shown as the block it must be.
    example = _EXAMPLES.get(field) or f"example.{expected}"
    return error(doc.file, where, "E022", field=field, _words={
        "expected": phrase(f"type.{expected}"), "actual": _describe(value),
        "example": phrase(example, field=field)})


def _duplicates(doc: Document, path: Path_, items: list[Any]) -> list[Problem]:
    """One problem per repeated value, at its second listing, saying how many times it is
    listed: a service listed 850,000 times is one mistake, not 849,999."""
    times: dict[str, int] = {}
    second: dict[str, int] = {}  # value → index of its second listing
    for i, item in enumerate(items):
        marker = item if type(item) is str else json.dumps(item, sort_keys=True, default=str)
        seen = times[marker] = times.get(marker, 0) + 1
        if seen == 2:
            second[marker] = i
    return [error(doc.file, doc.where((*path, i)), "E033", value=items[i], times=times[marker])
            for marker, i in second.items()]
