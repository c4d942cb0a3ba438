"""`rvsq-access user add` on a terminal follows the portal's form « Inscription
d'utilisateurs par un représentant désigné »: the account question first, each answer
checked as it is typed, the four service boxes, a summary to confirm, the whole access
repository checked; Ctrl-C or the end of input at any question writes nothing.

Each test is a real session on a pseudo-terminal: the installed command, its questions
answered one by one as they appear.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, terminal_session, typeset

EXE = Path(sys.executable).parent / "rvsq-access"
FILE = "access/06/gmf-hill-valley.yaml"
OTHER = "access/03/urgence-chu-de-quebec.yaml"
NEW = "clara.clayton@example.org"

# A question, and what is typed at it (bytes, a line end added) or the signal sent.
Step = tuple[str, str | int]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the example access repository (three files and the policy)."""
    shutil.copytree(EXAMPLE, tmp_path / "access")
    return tmp_path


def session(repo: Path, steps: list[Step], *options: str,
            lang: str = "en") -> tuple[int, str]:
    """Run `user add FILE OPTIONS` on a pseudo-terminal; wait for each step's question
    (after the previous one), then answer it (a line typed, or a signal sent). The exit
    code and everything written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
    env.update({"RVSQ_LANG": lang, "COLUMNS": "200"})
    code, text = terminal_session(
        [str(EXE), "--no-color", "user", "add", FILE, *options], repo,
        [(question.encode(), answer if isinstance(answer, int) else answer.encode() + b"\n")
         for question, answer in steps], env)
    assert "Traceback" not in text and "Aborted!" not in text, text
    return code, text


def entry_of(text: str, first_line: str) -> str:
    """The entry that starts with `  - first_line`, its lines indented under it."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"  - {first_line}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return "".join(lines[start:end])


# --- the two paths of the form ------------------------------------------------------------


def test_an_existing_account_is_named_by_its_username_then_profile_and_number(
        repo: Path) -> None:
    before = (repo / FILE).read_text(encoding="utf-8")
    code, out = session(repo, [
        ("Does the user already have an account? [y/N]", "y"),
        ("Username", "CE-20001"),  # not a username: asked again
        ("Username", "ce20001"),
        ("Title", "docteure"),
        ("First name", "Clara"),
        ("Last name", "Clayton"),
        ("Email", NEW),
        ("Profile", "medecin"),
        ("Professional number", "5-12345"),  # a resident's number: asked again
        ("Professional number", "1-23456"),
        ("Services", "1"),
        ("Add it? [y/N]", "y"),
    ])
    assert code == 0, out
    assert "'CE-20001' is not a RAMQ username" in out
    assert "'5-12345' is not a physician's professional number; write it like 1-12345." in out
    expected = ("  - username: CE20001\n"
                f"    email: {NEW}\n"
                "    title: docteure\n"
                "    first_name: Clara\n"
                "    last_name: Clayton\n"
                "    profile: medecin\n"
                '    professional_number: "1-23456"\n'
                "    services: [rvsq]\n")
    assert f"The entry to add to {FILE}:\n{expected}" in out  # the summary is the entry
    assert f"Added CE20001 to {FILE}" in out
    assert (repo / FILE).read_text(encoding="utf-8") == before + expected


def test_a_new_account_in_french_each_check_rejecting_then_accepting(repo: Path) -> None:
    before = (repo / FILE).read_text(encoding="utf-8")
    code, out = session(repo, [
        (typeset("L'utilisateur a-t-il déjà un compte? [o/N]"), "peut-être"),  # asked again
        (typeset("L'utilisateur a-t-il déjà un compte? [o/N]"), "non"),
        ("Titre de civilité", "dre"),
        ("Titre de civilité", "Madame"),
        ("Prénom", " "),
        ("Prénom", "Anne"),
        ("Nom", "Tremblay"),
        ("Courriel", "anne.tremblay@"),
        ("Courriel", "anne..tremblay@example.org"),
        ("Courriel", "anne.tremblay@example.org"),
        ("Profil", "infirmière"),
        ("Profil", "personnel-infirmier"),
        ("Services", "5"),
        ("Services", "rvsq-811 2"),
        (typeset("L'ajouter? [o/N]"), "oui"),
    ], lang="fr")
    assert code == 0, out
    assert typeset("« dre » n'est pas un titre de civilité; utilisez :") in out
    assert typeset("ce champ ne peut pas rester vide.") in out
    assert typeset("« anne.tremblay@ » n'est pas une adresse courriel que le portail "
                   "accepte : une adresse s'écrit nom@domaine.exemple, sans espaces.") in out
    assert typeset("deux points de suite.") in out
    assert typeset("« infirmière » n'est pas un profil; utilisez :") in out
    assert typeset("« 5 » n'est pas un service; indiquez un numéro de 1 à 4") in out
    for label in ("[1] Rendez-vous santé Québec (rvsq)",
                  "[2] Rendez-vous santé Québec – 811 (rvsq-811)"):
        assert label in out
    added = ("  - email: anne.tremblay@example.org\n"
             "    title: madame\n"
             "    first_name: Anne\n"
             "    last_name: Tremblay\n"
             "    profile: personnel-infirmier\n"
             "    services: [rvsq-811]\n")
    assert (repo / FILE).read_text(encoding="utf-8") == before + added
    assert "anne.tremblay@example.org ajouté à" in out


def test_services_by_number_and_id_only_those_the_profile_may_have(repo: Path) -> None:
    code, out = session(repo, [
        ("Does the user already have an account? [y/N]", ""),  # Enter: no
        ("Services", ""),  # none ticked: the form requires one
        ("Services", "2"),  # 811 is for nurses
        ("Services", "1, rvsq-reorientation-clinique,3"),
        ("Add it? [y/N]", "y"),
    ], "--email", NEW, "--title", "monsieur", "--first-name", "Paul", "--last-name", "Roy",
        "--profile", "personnel-administratif")
    assert code == 0, out
    assert "Does the user already have an account?" in out
    assert "the service rvsq-811 is not for the profile personnel-administratif" in out
    assert ("[2] Rendez-vous santé Québec – 811 (rvsq-811): not for the profile "
            "personnel-administratif") in out
    text = (repo / FILE).read_text(encoding="utf-8")
    assert entry_of(text, f"email: {NEW}").endswith(
        "    services: [rvsq, rvsq-reorientation-clinique, rvsq-reorientation-hopital]\n")


def test_a_clinical_nurse_cannot_be_added_to_an_existing_account(repo: Path) -> None:
    code, out = session(repo, [
        ("[y/N]", "y"), ("Username", "IELP30001"), ("Title", "madame"),
        ("First name", "Lise"), ("Last name", "Roy"), ("Email", "lise.roy@example.org"),
        ("Profile", "infirmiere-clinicienne"),  # rule C: asked again
        ("Profile", "personnel-infirmier"),
        ("Services", "rvsq"), ("Add it?", "y"),
    ])
    assert code == 0, out
    assert "a clinical nurse cannot add RVSQ to an existing account (IELP30001)" in out


# --- the whole access repository ----------------------------------------------------------


def test_a_username_or_email_of_another_file_is_refused_with_its_place_and_the_fix(
        repo: Path) -> None:
    before = (repo / FILE).read_text(encoding="utf-8")
    code, out = session(repo, [
        ("[y/N]", "y"),
        ("Username", "CE20931"),  # listed in urgence-chu-de-quebec
        ("Username", "CE20932"),
        ("Title", "monsieur"), ("First name", "Olivier"), ("Last name", "Roy"),
        ("Email", "Olivier.Roy@umontreal.ca"),  # the same email, whatever its case
        ("Email", "o.roy@umontreal.ca"),
        ("Profile", "resident"), ("Professional number", "5-12345"),
        ("Services", "rvsq"), ("Add it?", "n"),
    ])
    assert code == 0, out
    assert (f"'CE20931' is already used in {OTHER}:41, by another establishment's entry; "
            "an account and an email belong to one person at one establishment: give "
            f"another, or to move this person to {FILE}, first run 'rvsq-access user remove "
            f"{OTHER} CE20931'.") in out
    assert f"'Olivier.Roy@umontreal.ca' is already used in {OTHER}:42" in out
    assert f"Nothing was written to {FILE}." in out  # the summary declined
    assert (repo / FILE).read_text(encoding="utf-8") == before


def test_a_key_of_the_same_file_is_refused_with_the_services_command(repo: Path) -> None:
    code, out = session(repo, [
        ("[y/N]", "n"), ("Title", "monsieur"), ("First name", "Martin"),
        ("Last name", "MacFly"), ("Email", "martinmacfly@ramq.gouv.qc.ca"),
        ("Email", "martin.macfly@example.org"), ("Profile", "personnel-administratif"),
        ("Services", "1"), ("Add it?", "n"),
    ])
    assert code == 0, out
    assert (f"'martinmacfly@ramq.gouv.qc.ca' is already in {FILE}:15; each person appears "
            f"once: to change their services, use 'rvsq-access user services {FILE} "
            "martinmacfly@ramq.gouv.qc.ca --add SERVICE'.") in out


def test_options_alone_are_checked_against_the_whole_repository(repo: Path) -> None:
    """Without a terminal the command asks nothing, as before; a duplicate in another file
    is refused by the validation of the repository, both places named."""
    before = (repo / FILE).read_bytes()
    result = subprocess.run(
        [str(EXE), "--no-color", "--lang", "en", "user", "add", FILE,
         "--email", "sophie.gagnon@chudequebec.ca", "--title", "madame",
         "--first-name", "Sophie", "--last-name", "Gagnon", "--profile",
         "personnel-infirmier", "--service", "rvsq"],
        cwd=repo, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 1, result.stderr
    assert (f"{FILE}:47:12: error[E061] the email 'sophie.gagnon@chudequebec.ca' is also "
            f"used in {OTHER} line 17") in result.stderr
    assert "each person needs their own" in result.stderr
    assert "[E093]" in result.stderr
    assert (repo / FILE).read_bytes() == before


# --- endings that write nothing -----------------------------------------------------------


@pytest.mark.parametrize("at", ["[y/N]", "Username", "Profile", "Services", "Add it?"])
def test_ctrl_c_at_any_question_leaves_the_file_untouched(repo: Path, at: str) -> None:
    before = (repo / FILE).read_bytes()
    steps: list[Step] = [
        ("[y/N]", "y"), ("Username", "IELP30002"), ("Title", "madame"),
        ("First name", "Lise"), ("Last name", "Roy"), ("Email", "lise.roy@example.org"),
        ("Profile", "personnel-administratif"), ("Services", "1"), ("Add it?", "y"),
    ]
    cut = next(i for i, (question, _) in enumerate(steps) if question == at)
    code, out = session(repo, [*steps[:cut], (at, signal.SIGINT)])
    assert code == 1, out
    assert f"error[E099] interrupted: nothing was written to {FILE}" in out
    assert (repo / FILE).read_bytes() == before
    assert [p.name for p in (repo / FILE).parent.iterdir()] == [Path(FILE).name]


def test_the_end_of_input_in_french_leaves_the_file_untouched(repo: Path) -> None:
    before = (repo / FILE).read_bytes()
    code, out = session(repo, [("[o/N]", "non"), ("Prénom", "\x04")],
                        "--title", "madame", lang="fr")
    assert code == 1, out
    assert typeset(f"erreur[E099] interrompu : rien n'a été écrit dans {FILE}") in out
    assert (repo / FILE).read_bytes() == before


def test_the_summary_declined_in_french_writes_nothing(repo: Path) -> None:
    before = (repo / FILE).read_bytes()
    code, out = session(repo, [
        ("[o/N]", "oui"), ("Nom d'utilisateur", "IELP30003"), ("Prénom", "Luc"),
        ("Nom", "Roy"), ("Courriel", "luc.roy@example.org"),
        ("Profil", "personnel-administratif"), ("Services", "1 4"),
        (typeset("L'ajouter? [o/N]"), "n"),
    ], "--title", "monsieur", lang="fr")
    assert code == 0, out
    assert typeset(f"L'entrée à ajouter à {FILE} :") in out
    assert "    services: [rvsq, rvsq-reorientation-clinique]\n" in out
    assert f"Rien n'a été écrit dans {FILE}." in out
    assert (repo / FILE).read_bytes() == before


def test_every_option_given_on_a_terminal_asks_nothing(repo: Path) -> None:
    code, out = session(repo, [], "--email", NEW, "--title", "madame", "--first-name",
                        "Clara", "--last-name", "Clayton", "--profile",
                        "personnel-administratif", "--service", "rvsq")
    assert code == 0, out
    assert out == (f"Added {NEW} to {FILE}; run 'rvsq-access plan' to see what it "
                   "changes.\n")
