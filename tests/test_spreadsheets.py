"""Spreadsheets both ways: `state import-directory` reads what a French Excel saves
(semicolons, Windows-1252, empty rows, French headers), and every CSV the tool writes opens
in one (a byte order mark, and `--delimiter ';'`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers import REPO, cli, example_repository, run

from reconciler.reading import directory_csv as directory

ENGLISH = "username,email,title,first_name,last_name,profile,professional_number"
# As a French Excel saves « CSV (séparateur : point-virgule) »: French headers in capitals
# and accents, semicolons, Windows-1252, CRLF, and a row left empty.
FRENCH = ("Nom d'utilisateur;Courriel;Titre;Prénom;Nom;Profil;Numéro de professionnel\r\n"
          "CE10455;emmettbrown@ramq.gouv.qc.ca;Docteur;Emmett;Brown;Médecin;1-85012\r\n"
          ";;;;;;\r\n"
          "IELP30001;helene.cote@example.org;madame;Hélène;Côté;Personnel administratif;\r\n")


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    monkeypatch.delenv("RVSQ_CHANGE_REF", raising=False)
    assert cli("state", "init").exit_code == 0
    return tmp_path


def accounts() -> dict[str, str]:
    """username → the `state list` line of each account."""
    lines = cli("state", "list").stdout.splitlines()[1:]
    return {line.split("\t")[0]: line for line in lines}


def test_a_french_excel_file_is_imported_and_its_encoding_said(state: Path) -> None:
    (state / "annuaire.csv").write_bytes(FRENCH.encode("cp1252"))
    result = cli("state", "import-directory", "annuaire.csv")
    assert result.exit_code == 0, result.output
    assert "annuaire.csv is not UTF-8: it was read as Windows-1252" in result.stdout
    assert result.stdout.startswith("annuaire.csv is not UTF-8")  # said before the rest
    shown = cli("state", "show", "IELP30001").stdout
    assert "Hélène" in shown and "Côté" in shown and "personnel-administratif" in shown
    assert "physician" in cli("state", "show", "CE10455").stdout  # its profile, in words


def test_the_encoding_is_said_in_french_too(state: Path) -> None:
    (state / "annuaire.csv").write_bytes(FRENCH.encode("cp1252"))
    result = run("--lang", "fr", "state", "import-directory", "annuaire.csv")
    assert result.exit_code == 0, result.output
    assert ("annuaire.csv n'est pas en UTF-8\u00a0: il a été lu en Windows-1252" in result.stdout)
    assert "Hélène" in cli("state", "show", "IELP30001").stdout


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_utf8_with_or_without_bom_and_either_separator(state: Path, encoding: str,
                                                      delimiter: str) -> None:
    text = (f"{ENGLISH}\n"
            "CE10455,emmettbrown@ramq.gouv.qc.ca,docteur,Emmett,Brown,medecin,1-85012\n"
            ",,,,,,\n"
            "IELP30001,helene.cote@example.org,madame,Hélène,Côté,,\n"
            "\n").replace(",", delimiter)
    (state / "d.csv").write_bytes(text.encode(encoding))
    result = cli("state", "import-directory", "d.csv")
    assert result.exit_code == 0, result.output
    assert "Windows-1252" not in result.output
    assert set(accounts()) == {"CE10455", "IELP30001"}
    assert "Côté" in cli("state", "show", "IELP30001").stdout


def test_an_empty_row_is_skipped_and_lines_keep_their_numbers(state: Path) -> None:
    (state / "d.csv").write_text(f"{ENGLISH}\n,,,,,,\n\n  , ,\nCE1,not-an-email,,,,,\n",
                                 encoding="utf-8")
    result = cli("state", "import-directory", "d.csv")
    assert result.exit_code == 1
    assert "d.csv:5:1: error[E082] 'not-an-email'" in result.output
    assert result.output.count("error[") == 1  # the empty rows are not errors


def test_errors_name_the_line_in_french_with_french_column_names(state: Path) -> None:
    (state / "d.csv").write_text("Prénom;Nom\r\nMartin;MacFly\r\n", encoding="utf-8")
    result = run("--lang", "fr", "state", "import-directory", "d.csv")
    assert result.exit_code == 1
    assert ("d.csv:1:1: erreur[E080] le fichier CSV n'a pas de colonne nom_utilisateur; "
            "courriel") in result.output
    assert "nom_utilisateur, courriel, titre, prénom" in result.output
    (state / "d.csv").write_text("courriel;utilisateur;titre\r\n\r\n"
                                 "a@example.org;CE1;sir\r\n", encoding="utf-8")
    result = run("--lang", "fr", "state", "import-directory", "d.csv")
    assert ("d.csv:3:1: erreur[E083] «\u00a0sir\u00a0» n'est pas une valeur acceptée pour titre"
            in result.output), result.output


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_explained(state: Path) -> None:
    (state / "d.csv").write_bytes(f"{ENGLISH}\nCE1,a@example.org,\x81\n".encode("latin-1"))
    english = cli("state", "import-directory", "d.csv")
    assert "byte 0x81 on line 2 is neither UTF-8 nor Windows-1252 text" in english.output
    assert "CSV UTF-8" in english.output and "codec" not in english.output
    french = run("--lang", "fr", "state", "import-directory", "d.csv")
    assert "l'octet 0x81 de la ligne 2 n'est un texte ni en UTF-8" in french.output


def test_a_quote_left_open_is_explained_without_pythons_words(state: Path) -> None:
    (state / "d.csv").write_text(f"{ENGLISH}\nCE1,\"a@example.org\n" + "x" * 200_000,
                                 encoding="utf-8")
    result = cli("state", "import-directory", "d.csv")
    assert result.exit_code == 1 and "error[E124]" in result.output
    assert "a quote left open" in result.output and "field larger" not in result.output


@pytest.mark.parametrize(("header", "column"), [
    ("username", "username"), ("Nom d'utilisateur", "username"), ("UTILISATEUR", "username"),
    ("Courriel", "email"), ("adresse courriel", "email"), ("E-mail", "email"),
    ("Titre", "title"), ("Prénom", "first_name"), ("PRENOM", "first_name"),
    ("Nom", "last_name"), ("nom de famille", "last_name"), ("Profil", "profile"),
    ("Numéro de professionnel", "professional_number"),
    ("N° de professionnel", "professional_number")])
def test_headers_are_read_without_case_accents_or_spaces(header: str, column: str) -> None:
    assert directory.COLUMN_OF[directory.folded(header)] == column


# --- every CSV the tool writes --------------------------------------------------------
def read_back(payload: bytes, delimiter: str) -> list[list[str]]:
    """The rows Python's csv module (as Excel) reads, after the byte order mark."""
    assert payload.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    monkeypatch.delenv("RVSQ_CHANGE_REF", raising=False)
    example_repository(tmp_path)
    assert cli("apply", "--auto-approve").exit_code == 4
    return tmp_path


# `csv.writer` everywhere the tool writes one: each command that writes CSV, and how.
WRITERS = {
    "report": ("report", "--format", "csv"),
    "audit log": ("audit", "log", "--format", "csv"),
}


def test_every_csv_writer_is_listed_here() -> None:
    sources = [p for p in (REPO / "reconciler").rglob("*.py") if "csv.writer" in p.read_text()]
    # One writer, shared: report_csv.sheet (the report and the audit log use it).
    assert [p.name for p in sources] == ["report_csv.py"]


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("command", WRITERS, ids=str)
def test_every_csv_has_a_bom_and_takes_the_delimiter(applied: Path, command: str,
                                                     delimiter: str) -> None:
    args = [*WRITERS[command], *(["--delimiter", delimiter] if delimiter != "," else [])]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    rows = read_back(result.stdout_bytes, delimiter)
    widths = {len(row) for row in rows}
    assert len(rows) > 5 and len(widths) == 1 and widths.pop() > 5  # a real table


def test_the_report_csv_keeps_accents_and_columns_with_semicolons(applied: Path) -> None:
    result = run("--lang", "fr", "report", "--format", "csv", "--delimiter", ";",
                 "--out", "rapport.csv")
    assert result.exit_code == 0, result.output
    rows = read_back((applied / "rapport.csv").read_bytes(), ";")
    header = rows[0]
    assert "rvsq-811" in header and any("Prénom" in cell for cell in header)
    assert any("Hélène" in cell or "Québec" in cell or "é" in cell
               for row in rows[1:] for cell in row)


def test_the_audit_csv_keeps_iso_utc_times(applied: Path) -> None:
    rows = read_back(cli("audit", "log", "--format", "csv", "--delimiter", ";").stdout_bytes,
                     ";")
    at = rows[0].index("at")
    assert all(row[at].endswith("Z") and "T" in row[at] for row in rows[1:])
