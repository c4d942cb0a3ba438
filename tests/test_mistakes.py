"""The mistakes representatives really make, each explained in French with its fix.

Each case is in the invalid corpus (tests/cases/invalid/, where expected.tsv holds its
line, column and code); here its French message and hint are asserted as a person reads
them, and that no sentence of the YAML parser, Python or the system reaches them.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from helpers import typeset
from test_invalid_corpus import CASES

from reconciler import edit
from reconciler.catalog import Messages
from reconciler.cli import cli
from reconciler.errors import UserError

# case → (location and code, words the French message holds, words its hint holds)

FRENCH = {
    "107-mistake-tab-in-user.yaml": (
        "21:1 E003", "une tabulation sert à indenter cette ligne",
        "indentez avec des espaces, pas des tabulations : remplacez la tabulation de la "
        "colonne 1 par des espaces",
    ),
    "108-mistake-no-break-space-after-colon.yaml": (
        "21:16 E003", "une espace insécable (U+00A0) à la colonne 16",
        "effacez l'espace insécable de la colonne 16 et tapez une espace ordinaire",
    ),
    "109-mistake-no-break-space-indent.yaml": (
        "5:1 E003", "une espace insécable (U+00A0) à la colonne 1",
        "effacez l'espace insécable de la colonne 1",
    ),
    "110-mistake-curly-double-quotes.yaml": (
        "6:11 E046", "« region: “06” » est entre guillemets typographiques",
        "utilisez des guillemets droits : region: \"06\"",
    ),
    "111-mistake-curly-single-quotes.yaml": (
        "21:17 E046", "« first_name: ‘Georges’ » est entre guillemets typographiques",
        "utilisez des guillemets droits : first_name: \"Georges\"",
    ),
    "112-mistake-missing-dash.yaml": (
        "19:5 E045", "l'utilisateur 2 commence ici sans « - »",
        "chaque utilisateur commence par « - » : écrivez « - email: … » sur cette ligne",
    ),
    "113-mistake-spaces-around-email.yaml": (
        "19:12 E041", "« email » commence ou finit par des espaces",
        "retirez les espaces autour de la valeur",
    ),
    "114-mistake-secret-code-yes.yaml": (
        "25:18 E022", "« secret_code » doit être un bloc de champs",
        "secret_code: {rotate: \"2026-12-02\"}",
    ),
    "115-mistake-misspelt-titel.yaml": (
        "20:5 E021", "« titel » n'est pas un champ connu dans l'utilisateur 2 (Georges MacFly)",
        "vouliez-vous dire « title »",
    ),
    "116-mistake-missing-services-named.yaml": (
        "19:5 E020", "« services » manque dans l'utilisateur 2 (Georges MacFly)",
        "ajoutez la ligne « services: ... »",
    ),
    "117-mistake-saved-as-windows-1252.yaml": (
        "21:22 E001", "l'octet 0xE9 à la ligne 21, colonne 22 n'est pas de l'UTF-8",
        "probablement été enregistré en Windows-1252 ou en Latin-1",
    ),
}
# What the parser, Python or the system would have said: none of it reaches a user.
FOREIGN = ("found a", "could not find", "mapping values", "while scanning", "codec",
           "can't decode", "Errno", "No such file", "appears twice", "write a full address",
           "is missing")


def problems(case: str, lang: str) -> list[dict[str, str]]:
    args = ["--lang", lang, "--no-color", "--no-cache", "validate", "--format", "json", case]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    return [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]


@pytest.mark.parametrize("case", sorted(FRENCH))
def test_mistake_is_explained_in_french(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    where, message, hint = FRENCH[case]
    found = problems(case, "fr")
    first = found[0]
    assert f"{first['line']}:{first['column']} {first['code']}" == where
    assert typeset(message) in first["message"], first
    assert typeset(hint) in first["hint"], first
    for p in found:
        said = f"{p['message']} {p['hint']}"
        assert not any(word in said for word in FOREIGN), said


def test_a_missing_dash_is_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    assert [p["code"] for p in problems("112-mistake-missing-dash.yaml", "fr")] == ["E045"]


def test_a_misspelt_key_is_not_also_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    assert [p["code"] for p in problems("115-mistake-misspelt-titel.yaml", "en")] == ["E021"]


def test_password_reset_yes_gets_its_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    hints = [p["hint"] for p in problems("114-mistake-secret-code-yes.yaml", "fr")]
    assert any("password_reset: {requested: \"INC-1234\"}" in h for h in hints), hints


# Words of one language that the other's output never needs (the files' own values, field
# names and YAML's `true`/`false` are not among them).
ENGLISH = {"the", "is", "not", "found", "while", "scanning", "expected", "missing", "should",
           "cannot", "could", "line", "column", "file", "user", "error", "hint", "with",
           "and", "or", "of", "in", "an", "at", "this", "here", "must", "allowed",
           "character", "value", "write", "remove", "use", "save", "did", "you", "mean"}
FRENCH_WORDS = {"le", "la", "les", "est", "pas", "fichier", "ligne", "colonne",
                "utilisateur", "erreur", "conseil", "vouliez", "dire", "manque", "avec",
                "dans", "une", "un", "du", "des", "retirez", "écrivez", "caractère"}
_NOT_PROSE = re.compile(r"« [^»]*»|(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|U\+[0-9A-F]+( [A-Z-]+)*"
                        r"|\S*[./_@+-]\S*")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _words(text: str) -> set[str]:
    """The lower-case words people read: names of Unicode characters (in capitals), quoted
    values, file names, fields and emails are what the files hold, not the tool's words."""
    text = _NOT_PROSE.sub(" ", text)
    return {w.split("'")[-1] for w in _WORD.findall(text) if w.islower()}


def _corpus_output(lang: str) -> str:
    outputs = []
    for case in sorted(p.name for p in CASES.iterdir() if p.name != "expected.tsv"):
        args = ["--lang", lang, "--no-color", "--no-cache", "validate", case]
        outputs.append(CliRunner().invoke(cli, args).output)
    return "\n".join(outputs)


def test_the_corpus_in_french_holds_no_english_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    found = _words(_corpus_output("fr")) & ENGLISH
    assert not found, sorted(found)


def test_the_corpus_in_english_holds_no_french_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    found = _words(_corpus_output("en")) & FRENCH_WORDS
    assert not found, sorted(found)


@pytest.mark.parametrize(("text", "french"), [
    ("a: b: c\n", "des deux-points là où ils ne peuvent pas être"),
    ("a:\n\tb: 1\n", "une tabulation sert à indenter cette ligne"),
    ("a: 1\na: 2\n", "une clé apparaît deux fois dans le même bloc"),
    ("a: 'x\n", "un guillemet ouvert ici n'est jamais fermé"),
])
def test_a_file_user_cannot_edit_says_why_in_french(text: str, french: str) -> None:
    with pytest.raises(UserError) as caught:
        edit.load(text)
    said = Messages("fr")(caught.value.code, **{"file": "f.yaml", **caught.value.params})
    assert said.startswith(typeset(f"f.yaml ne peut pas être modifié : {french}")), said
