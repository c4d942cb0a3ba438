"""French typography, set on every French message: a non-breaking space before « : ; ! ? »
and inside « »; what the reader types (YAML, a command) kept exactly as written."""

from __future__ import annotations

import re

import pytest

from reconciler.catalog import EN, FR, Messages
from reconciler.catalog.typography import NBSP, YAML_KEYS, french

CASES = [
    ("le fichier n'est pas du YAML valide : {detail}",
     f"le fichier n'est pas du YAML valide{NBSP}: {{detail}}"),
    ("la clé « {key} » apparaît deux fois", f"la clé «{NBSP}{{key}}{NBSP}» apparaît deux fois"),
    ("dire « {suggestion} »?", f"dire «{NBSP}{{suggestion}}{NBSP}»{NBSP}?"),
    ("retirez l'étiquette; si la valeur", f"retirez l'étiquette{NBSP}; si la valeur"),
    ("**En date du:** {date}", f"**En date du{NBSP}:** {{date}}"),
    ("Prénom:", f"Prénom{NBSP}:"),
    ("Attention!", f"Attention{NBSP}!"),
    # What the reader types stays as it is: YAML keys, quoted examples, code, URLs, places.
    ("par exemple services: [rvsq]", "par exemple services: [rvsq]"),
    ("écrivez {field}: true", "écrivez {field}: true"),
    ("« version: 1 »", f"«{NBSP}version: 1{NBSP}»"),
    ("lancez `rvsq-access plan` : il", f"lancez `rvsq-access plan`{NBSP}: il"),
    ("sqlite:///x et {file}:{line}", "sqlite:///x et {file}:{line}"),
    ("{count:>5} comptes, {{accolades}}", "{count:>5} comptes, {{accolades}}"),
]


@pytest.mark.parametrize(("written", "typeset"), CASES)
def test_french_typography(written: str, typeset: str) -> None:
    assert french(written) == typeset


def test_every_french_message_is_typeset() -> None:
    """In the prose of every French message (quotations, code, placeholders and YAML keys
    taken out), a high mark that ends a phrase has a non-breaking space before it, and no
    « » has an ordinary space inside."""
    keys = "|".join(sorted(YAML_KEYS))
    for key in FR:
        prose = re.sub(rf"«[^»]*»|`[^`]*`|\{{[^}}]*\}}:?|\w+://\S*|\b({keys}):", "\0", FR[key])
        assert not re.search(r"[^\u00a0][:;!?](\s|$)", prose), (key, FR[key])
        assert not re.search(r"« | »", FR[key]), (key, FR[key])


def test_a_message_is_said_with_its_typography() -> None:
    assert Messages("fr")("E012", path="x") == f"«{NBSP}x{NBSP}» n'existe pas"


def test_english_is_left_as_written() -> None:
    assert all(NBSP not in text for text in EN.values())
