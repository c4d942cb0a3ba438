"""One message catalog, two languages, the same keys and placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import reconciler
from reconciler.catalog import EN, FR, Messages, language_from_env

PACKAGE = Path(reconciler.__file__).parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_french_and_english_have_the_same_keys() -> None:
    assert set(EN) == set(FR)


def test_french_and_english_use_the_same_placeholders() -> None:
    for key, english in EN.items():
        assert _fields(english) == _fields(FR[key]), key


def test_every_problem_code_has_a_message_and_a_hint() -> None:
    codes = {k for k in EN if re.fullmatch(r"[EW]\d{3}", k)}
    assert codes
    for code in codes:
        assert f"{code}.hint" in EN, code


def test_every_code_the_package_raises_is_in_the_catalog() -> None:
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        if source.name != "catalog.py":
            used |= set(re.findall(r'"([EW]\d{3})"', source.read_text(encoding="utf-8")))
    assert used
    assert used <= set(EN), used - set(EN)


def test_language_comes_from_rvsq_lang_then_lang() -> None:
    assert language_from_env({"RVSQ_LANG": "fr"}) == "fr"
    assert language_from_env({"RVSQ_LANG": "en", "LANG": "fr_CA.UTF-8"}) == "en"
    assert language_from_env({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert language_from_env({"LANG": "C.UTF-8"}) == "en"
    assert language_from_env({}) == "en"


def test_messages_are_formatted_with_parameters() -> None:
    assert Messages("fr")("E012", path="x") == "« x » n'existe pas"
