"""The command line in French, from `--help` to the last question, and in English without a
French word: help of every command, click's own words, usage errors, `--lang` before or
after the command, the locale read in POSIX's order, yes-or-no answers on a terminal."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import EXAMPLE, REPO, on_terminal, run

from reconciler.catalog import language_from_env
from reconciler.cli import cli
from reconciler.cli_words import CLICK_SENTENCES, language_of

EXE = Path(sys.executable).parent / "rvsq-access"

# Words of English that French output must not hold (whole words, case as written), and
# the reverse. Option names (--allow-mass-delete), format names (text, json) and the
# domain's values (madame, medecin) are the same in both languages and are not listed.
ENGLISH = re.compile(
    r"\b(Usage|Options:|Commands|Show|message|exit|required|default|Error|No such|Aborted|"
    r"invalid|input|Missing|Try|Got unexpected|Did you mean|Choose|the|and|of|with|this|"
    r"or|to|file|folder|value|more)\b"
)
FRENCH = re.compile(
    r"«|»|\b(Utilisation|Commandes|Afficher|quitter|défaut|obligatoire|Erreur|fichier|"
    r"dossier|les|des|et|ou|pour|dans|avec|une|est|inconnue|manque)\b"
)


def _commands(group: click.Group = cli, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's path, groups included: (), ('state',), ('state', 'init'), …"""
    paths = [path]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += _commands(command, (*path, name))
        else:
            paths.append((*path, name))
    return paths


COMMANDS = _commands()
NO_LOCALE = {"RVSQ_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
FRENCH_WAYS = {
    "--lang fr before": (("--lang", "fr"), (), {}),
    "--lang fr after": ((), ("--lang", "fr"), {}),
    "--lang=fr after": ((), ("--lang=fr",), {}),
    "LANG": ((), (), {"LANG": "fr_CA.UTF-8"}),
    "LC_ALL over LANG": ((), (), {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_CA.UTF-8"}),
    "LANGUAGE": ((), (), {"LANGUAGE": "fr_CA:en", "LANG": "en_CA.UTF-8"}),
}
ENGLISH_WAYS = {
    "--lang en before": (("--lang", "en"), (), {"LANG": "fr_CA.UTF-8"}),
    "--lang en after": ((), ("--lang", "en"), {"LC_ALL": "fr_CA.UTF-8"}),
    "LC_ALL=C over LANG": ((), (), {"LC_ALL": "C", "LANG": "fr_CA.UTF-8"}),
    "no locale": ((), (), {}),
}


def plain(text: str) -> str:
    """`text` with its non-breaking spaces (French typography's) as ordinary ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _help(command: tuple[str, ...], way: tuple[tuple[str, ...], tuple[str, ...],
                                               dict[str, str]]) -> str:
    before, after, env = way
    result = run(*before, *command, *after, "--help", env={**NO_LOCALE, **env})
    assert result.exit_code == 0, result.output
    return plain(result.output)


OPTION_NAME = re.compile(r"--[\w-]+")  # --as-of, --no-color: the same in both languages


def _english_in(text: str) -> list[str]:
    return sorted({m.group(0) for m in ENGLISH.finditer(OPTION_NAME.sub("", text))})


def _french_in(text: str) -> list[str]:
    return sorted({m.group(0) for m in FRENCH.finditer(OPTION_NAME.sub("", text))})


@pytest.mark.parametrize("way", FRENCH_WAYS.values(), ids=FRENCH_WAYS.keys())
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "rvsq-access")
def test_every_help_is_french(command: tuple[str, ...], way: tuple) -> None:
    text = _help(command, way)
    assert text.startswith("Utilisation :"), text
    assert "Afficher cette aide et quitter." in text and "--lang" in text
    assert not _english_in(text), (_english_in(text), text)


@pytest.mark.parametrize("way", ENGLISH_WAYS.values(), ids=ENGLISH_WAYS.keys())
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "rvsq-access")
def test_every_help_is_english(command: tuple[str, ...], way: tuple) -> None:
    text = _help(command, way)
    assert text.startswith("Usage:"), text
    assert "Show this message and exit." in text
    assert not _french_in(text), (_french_in(text), text)


def test_help_says_defaults_ranges_and_metavars_in_french() -> None:
    text = _help(("apply",), FRENCH_WAYS["--lang fr before"])
    assert "Options :" in text and "[CHEMIN]..." in text
    assert "--max-deletes N" in text and "[par défaut : 10 ; 0 ou plus]" in text
    assert "--lock-timeout SECONDES" in text and "[par défaut : 60.0]" in text
    text = _help(("codes", "reveal"), FRENCH_WAYS["--lang fr before"])
    assert "--identity FICHIER-CLÉ" in text and "[obligatoire]" in text
    text = _help((), FRENCH_WAYS["--lang fr before"])
    assert "COMMANDE [ARGUMENTS]..." in text and "Commandes :" in text
    text = _help(("tasks", "list"), FRENCH_WAYS["--lang fr before"])
    assert "--establishment IDENTIFIANT" in text and "--all" in text
    assert "[text|json|markdown|runbook]" in text
    text = _help(("tasks", "done"), FRENCH_WAYS["--lang fr before"])
    assert "NUMÉRO..." in text and "--note TEXTE" in text
    assert "--note TEXTE" in _help(("tasks", "reopen"), FRENCH_WAYS["--lang fr before"])


def test_help_in_english_reads_naturally() -> None:
    text = _help(("apply",), ENGLISH_WAYS["--lang en before"])
    assert "[default: 10; 0 or more]" in text and "x>=0" not in text
    assert "--identity KEYFILE" in _help(("codes", "reveal"), ENGLISH_WAYS["--lang en before"])
    text = _help(("tasks", "done"), ENGLISH_WAYS["--lang en before"])
    assert "NUMBER..." in text and "--note TEXT" in text
    assert "[text|json|markdown|runbook]" in _help(("tasks", "list"),
                                                   ENGLISH_WAYS["--lang en before"])


def test_drift_says_its_options_in_both_languages() -> None:
    french = _help(("drift",), FRENCH_WAYS["--lang fr before"])
    assert "drift [OPTIONS] EXPORT_CSV" in french
    for option in ("--establishment IDENTIFIANT", "--format [text|json|markdown]",
                   "--directory", "--adopt"):
        assert option in french, french
    assert "Consigner dans l'état ce que montre le portail" in french
    english = _help(("drift",), ENGLISH_WAYS["--lang en before"])
    for option in ("--establishment ID", "--format [text|json|markdown]", "--directory",
                   "--adopt"):
        assert option in english, english
    assert "Exit 0 in step, 2 drift, 1 error." in " ".join(english.split())


USAGE_ERRORS = {
    "unknown option": (("validate", "--nope"), "Pour de l'aide, lancez « cli validate --help"),
    "unknown option, near one": (("validate", "--strikt"),
                                 "option inconnue : --strikt. Vouliez-vous dire '--strict' ?"),
    "unknown command": (("valider",), "commande inconnue : « valider »"),
    "missing argument": (("state", "show"), "il manque l'argument « NOM_UTILISATEUR »."),
    "missing option": (("codes", "reveal", "x.age"), "il manque l'option « --identity »."),
    "bad choice": (("validate", "--format", "xml"), "« xml » n'est pas une des valeurs"),
    "out of range": (("plan", "--max-deletes", "-1"),
                     "valeur refusée pour « --max-deletes » : -1 n'est pas 0 ou plus."),
    "not a number": (("apply", "--lock-timeout", "abc"), "« abc » n'est pas un nombre"),
    "not a date": (("validate", "--as-of", "demain"), "« demain » n'est pas une date"),
    "no value": (("validate", "--format"), "l'option --format demande une valeur"),
    "extra argument": (("state", "list", "x"), "argument en trop"),
    "no task number": (("tasks", "done"), "il manque l'argument « NUMÉRO »."),
    "task number out of range": (("tasks", "reopen", "0"),
                                 "valeur refusée pour « NUMÉRO » : 0 n'est pas 1 ou plus."),
    "task number not a number": (("tasks", "done", "x"), "« x » n'est pas un nombre"),
    "bad tasks format": (("tasks", "list", "--format", "pdf"),
                         "« pdf » n'est pas une des valeurs"),
    "bad report table": (("report", "--table", "people"), "« people » n'est pas une des valeurs"),
    "missing command": (("state",), "Utilisation :"),
}


@pytest.mark.parametrize(("args", "said"), USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
@pytest.mark.parametrize("where", ["before", "after"])
def test_usage_errors_are_french(args: tuple[str, ...], said: str, where: str) -> None:
    lang = ("--lang", "fr")
    full = [*lang, *args] if where == "before" else [*args[:1], *lang, *args[1:]]
    result = run(*full, env=NO_LOCALE)
    output = plain(result.output)
    assert result.exit_code == 2, output
    assert said in output, output
    assert not _english_in(output), (_english_in(output), output)
    if args != ("state",):  # a group without its command shows its help
        assert "Erreur : " in output


def test_usage_errors_in_english_hold_no_french() -> None:
    result = run("validate", "--lang", "en", "--nope", env={**NO_LOCALE, "LANG": "fr_CA.UTF-8"})
    assert result.exit_code == 2 and "Error: No such option: --nope." in result.output
    assert not _french_in(result.output), result.output


def test_an_unknown_language_is_refused_in_the_environments() -> None:
    result = run("validate", "--lang", "de", env={**NO_LOCALE, "LANG": "fr_CA.UTF-8"})
    assert result.exit_code == 2 and "« de » n'est pas une des valeurs" in plain(result.output)


def test_version_is_said_in_both() -> None:
    assert run("--lang", "fr", "--version").output.startswith("cli, version ")


def test_every_sentence_click_says_has_a_message() -> None:
    from reconciler.catalog import MESSAGES

    assert set(CLICK_SENTENCES.values()) <= set(MESSAGES)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"RVSQ_LANG": "fr", "LANG": "en_CA.UTF-8"}, "fr"),
    ({"RVSQ_LANG": "en", "LC_ALL": "fr_CA.UTF-8"}, "en"),
    ({"LANGUAGE": "fr_CA:en", "LC_ALL": "en_CA.UTF-8"}, "fr"),
    ({"LANGUAGE": "en:fr", "LANG": "fr_CA.UTF-8"}, "en"),
    ({"LC_ALL": "fr_CA.UTF-8", "LC_MESSAGES": "en_CA", "LANG": "en_CA.UTF-8"}, "fr"),
    ({"LC_ALL": "C", "LANG": "fr_CA.UTF-8"}, "en"),
    ({"LC_MESSAGES": "fr_FR", "LANG": "en_CA.UTF-8"}, "fr"),
    ({"LANG": "fr_CA.UTF-8"}, "fr"),
    ({"LANGUAGE": "", "LC_ALL": "", "LANG": "fr_CA.UTF-8"}, "fr"),
    ({}, "en"),
])
def test_the_locale_is_read_in_posix_order(environ: dict[str, str], expected: str) -> None:
    assert language_from_env(environ) == expected


def test_lang_on_the_command_line_wins_wherever_it_is() -> None:
    french = {"LANG": "fr_CA.UTF-8"}
    assert language_of(["validate", "--lang", "en"], french) == "en"
    assert language_of(["--lang=en", "validate"], french) == "en"
    assert language_of(["--lang", "en", "validate", "--lang", "fr"], {}) == "fr"
    assert language_of(["validate", "--", "--lang", "en"], french) == "fr"  # a path
    assert language_of(["validate", "--lang", "de"], french) == "fr"  # click refuses it


def test_output_follows_lang_given_after_the_command() -> None:
    result = run("validate", "--lang", "fr", str(EXAMPLE), env=NO_LOCALE)
    assert result.exit_code == 0 and result.output.rstrip().endswith("valides."), result.output


# --- yes or no, on a terminal --------------------------------------------------------------


def _example(folder: Path, env: dict[str, str]) -> Path:
    shutil.copytree(EXAMPLE, folder / "access")
    for args in (["state", "init"],
                 ["state", "import-directory", str(REPO / "examples" / "ramq-directory.csv")]):
        done = subprocess.run([str(EXE), *args], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    return folder


def _env(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RVSQ_", "LC_"))}
    return {**env, **NO_LOCALE, "LANG": f"{lang}_CA.UTF-8", "COLUMNS": "200"}


ANSWERS = {
    "o": ("fr", b"o\n", True), "oui": ("fr", b"OUI\n", True), "non": ("fr", b"non\n", False),
    "n": ("fr", b"n\n", False), "Enter": ("fr", b"\n", False),
    "yes in French is not understood": ("fr", b"yes\nn\n", False),
    "y": ("en", b"y\n", True), "yes": ("en", b"yes\n", True), "no": ("en", b"no\n", False),
    "o in English is not understood": ("en", b"o\nno\n", False),
}


@pytest.mark.parametrize(("lang", "typed", "applied"), ANSWERS.values(), ids=ANSWERS.keys())
def test_apply_asks_in_the_users_language(tmp_path: Path, lang: str, typed: bytes,
                                          applied: bool) -> None:
    env = _env(lang)
    repo = _example(tmp_path, env)
    asked = b"[o/N]" if lang == "fr" else b"[y/N]"
    code, out = on_terminal([str(EXE), "--no-color", "apply"], repo, typed, env, asked)
    out = plain(out)
    assert "Traceback" not in out and "Error: invalid input" not in out, out
    if typed.count(b"\n") == 2:  # a first answer not understood: said, and asked again
        refused = ("Erreur : répondez o (oui) ou n (non)." if lang == "fr"
                   else "Error: answer y (yes) or n (no).")
        assert refused in out and out.count(asked.decode()) == 2, out
    if applied:
        assert code == 4, out  # applied; the creation emails wait for a mail server
    else:
        assert code == 0, out
        assert ("Rien n'a été changé." if lang == "fr" else "Nothing was changed.") in out
    if lang == "fr":
        asking = [line for line in out.splitlines() if "[o/N] :" in line or "répondez" in line]
        assert asking and not _english_in("\n".join(asking)), asking


def test_user_add_asks_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconciler.commands import user as user_command

    (tmp_path / "access" / "06").mkdir(parents=True)
    shutil.copy(EXAMPLE / "policy.yaml", tmp_path / "access" / "policy.yaml")
    shutil.copy(EXAMPLE / "06" / "gmf-hill-valley.yaml", tmp_path / "access" / "06" / "g.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(user_command, "_is_terminal", lambda: True)
    answers = ["non", "dre", "madame", "Anne", "Roy", "profil", "personnel-infirmier", "rvsq",
               "oui"]
    result = CliRunner().invoke(cli, ["--lang", "fr", "user", "add", "access/06/g.yaml",
                                      "--email", "anne.roy@example.org"],
                                env=NO_LOCALE, input="\n".join(answers) + "\n")
    output = plain(result.output)
    assert result.exit_code == 0, output
    assert "Titre de civilité (madame, monsieur, docteur, docteure) : " in output
    assert "Erreur : « dre » n'est pas un titre de civilité" in output
    assert "Erreur : « profil » n'est pas un profil" in output
    assert not _english_in(output), (_english_in(output), output)
