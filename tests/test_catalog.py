"""One message catalog, split by area, each message in both languages with the same
placeholders; every code the package uses is in it; a problem's words are said in the
reader's language."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

import reconciler
from reconciler import catalog, domain
from reconciler.catalog import (
    AREAS,
    CATALOGS,
    EN,
    FR,
    LANGUAGES,
    MESSAGES,
    Message,
    Messages,
    language_from_env,
    merged,
    phrase,
)
from reconciler.reading import schema

PACKAGE = Path(reconciler.__file__).parent
CATALOG = Path(catalog.__file__).parent

# Each code family, by its pattern: errors, warnings (W1xx of the rules, W2xx of the plan)
# and the plan's blocked entries. Refusals are errors (E112–E114, E143).
FAMILIES = {"error": r"E\d{3}", "warning": r"W\d{3}", "blocked": r"B\d{2}"}
ANY_CODE = "|".join(FAMILIES.values())


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _used_codes() -> set[str]:
    """Every code written in the package's source, outside the catalog itself."""
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        if CATALOG not in source.parents:
            used |= set(re.findall(rf'"({ANY_CODE})"', source.read_text(encoding="utf-8")))
    return used


def test_every_message_has_both_languages() -> None:
    for key, message in MESSAGES.items():
        assert isinstance(message, Message), key
        assert type(message.en) is str and message.en, key
        assert type(message.fr) is str and message.fr, key
    assert set(EN) == set(FR) == set(MESSAGES)
    assert set(CATALOGS) == set(LANGUAGES)


def test_french_and_english_use_the_same_placeholders() -> None:
    for key, message in MESSAGES.items():
        assert _fields(message.en) == _fields(message.fr), key


@pytest.mark.parametrize("family", FAMILIES)
def test_every_code_of_each_family_has_a_message_and_a_hint(family: str) -> None:
    codes = {k for k in MESSAGES if re.fullmatch(FAMILIES[family], k)}
    assert codes
    for code in codes:
        for lang in LANGUAGES:
            assert CATALOGS[lang][code] and CATALOGS[lang][f"{code}.hint"], (code, lang)


def test_every_hint_belongs_to_a_code() -> None:
    for key in MESSAGES:
        if re.fullmatch(r"[^.]+\.hint(\.\w+)?", key):
            code = key.split(".")[0]
            assert re.fullmatch(ANY_CODE, code) and code in MESSAGES, key


@pytest.mark.parametrize("family", FAMILIES)
def test_every_code_the_package_uses_is_in_the_catalog(family: str) -> None:
    used = {code for code in _used_codes() if re.fullmatch(FAMILIES[family], code)}
    assert used
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_no_key_is_defined_twice_in_the_package() -> None:
    """Read from the sources: a dict literal, like a merge, would keep only one of two."""
    seen: dict[str, str] = {}
    for source in sorted(CATALOG.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str) and \
                            re.fullmatch(r"[A-Za-z][\w.]*", key.value) and \
                            key.value in MESSAGES:
                        assert key.value not in seen, (key.value, seen.get(key.value),
                                                       source.name)
                        seen[key.value] = source.name
    assert set(seen) == set(MESSAGES)


def test_the_merge_refuses_a_key_two_areas_define() -> None:
    one = SimpleNamespace(__name__="one", MESSAGES={"E001": Message("a", "b")})
    two = SimpleNamespace(__name__="two", MESSAGES={"E001": Message("c", "d")})
    with pytest.raises(ValueError, match="'E001' is defined in both one and two"):
        merged([one, two])  # type: ignore[list-item]


def test_every_area_module_is_merged() -> None:
    modules = {p.stem for p in CATALOG.glob("*.py")} - {"__init__", "message", "typography"}
    assert {area.__name__.rsplit(".", 1)[1] for area in AREAS} == modules
    for source in CATALOG.glob("*.py"):
        assert len(source.read_text(encoding="utf-8").splitlines()) <= 700, source.name


def test_every_type_the_schemas_name_has_words_and_an_example() -> None:
    """E022 says what a field should be, and how to write it, for any type a schema names."""
    types: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("type"), str):
                types.add(node["type"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in (schema.ACCESS_FILE, schema.POLICY_FILE):
        walk(schema.load_schema(name))
    assert types
    for name in types:
        assert f"type.{name}" in MESSAGES and f"example.{name}" in MESSAGES, name


def test_every_professional_profile_has_a_label() -> None:
    for profile in domain.PROFESSIONALS:
        assert f"profile.{profile}" in MESSAGES, profile


def test_language_comes_from_rvsq_lang_then_lang() -> None:
    assert language_from_env({"RVSQ_LANG": "fr"}) == "fr"
    assert language_from_env({"RVSQ_LANG": "en", "LANG": "fr_CA.UTF-8"}) == "en"
    assert language_from_env({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert language_from_env({"LANG": "C.UTF-8"}) == "en"
    assert language_from_env({}) == "en"


def test_messages_are_formatted_with_parameters() -> None:
    assert Messages("fr")("E012", path="x") == "«\u00a0x\u00a0» n'existe pas"


def test_a_problems_words_are_data_said_in_the_readers_language() -> None:
    """What rules put in a problem survives JSON (the rules' cache) and no language is in it."""
    params = {"field": "email", "_words": {"where": phrase("where.user", n=3)}}
    params = json.loads(json.dumps(params))
    assert Messages("en")("E020", **params) == "'email' is missing in user 3"
    assert Messages("fr")("E020", **params) == "«\u00a0email\u00a0» manque dans l'utilisateur 3"


def test_several_phrases_are_joined() -> None:
    other = [phrase("where.line", file="a.yaml", line=2), phrase("where.line", file="b.yaml",
                                                                line=5)]
    said = Messages("en")("E061", key="x@y.ca", _words={"other": other})
    assert "a.yaml line 2; b.yaml line 5" in said


def test_data_shaped_like_a_phrase_is_shown_as_data() -> None:
    """Only `_words` holds phrases: a value read from a file is never taken for one."""
    value = {"message": "E001", "params": {}}
    assert Messages("en")("E024", value=value) == f"version {value} is not supported"


# --- plural forms ------------------------------------------------------------------------
def test_no_message_writes_a_plural_in_brackets() -> None:
    """Plurals are real forms (`{count:entry|entries}`), never `(s)`, `(x)`, `(y/ies)`."""
    bracketed = re.compile(r"\w\((s|x|es|e|y/ies|s/x)\)")
    for key, message in MESSAGES.items():
        for text in message:
            assert not bracketed.search(text), (key, text)


def test_every_plural_has_two_forms_and_counts_a_placeholder() -> None:
    for key, message in MESSAGES.items():
        for text in message:
            for _, name, spec, _ in string.Formatter().parse(text):
                if spec and "|" in spec:
                    assert name and spec.count("|") >= 1 and not spec.startswith("|"), key


@pytest.mark.parametrize(("count", "en", "fr"), [
    (0, "0 entries remain blocked", "0 entrée reste bloquée"),
    (1, "1 entry remains blocked", "1 entrée reste bloquée"),
    (2, "2 entries remain blocked", "2 entrées restent bloquées"),
])
def test_the_form_follows_each_language_s_rule(count: int, en: str, fr: str) -> None:
    """English: 1 is singular; French: 0 and 1 are."""
    assert Messages("en")("apply.blocked", count=count).startswith(en)
    assert Messages("fr")("apply.blocked", count=count).startswith(fr)


def test_a_form_may_hold_the_number_itself() -> None:
    fr = Messages("fr")
    assert "applique l'action restante et" in fr("apply.ending.rest", count=1)
    assert "applique les 3 actions restantes et" in fr("apply.ending.rest", count=3)
