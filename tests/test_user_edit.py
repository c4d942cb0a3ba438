"""`rvsq-access user ...`: edit an access file in place, keep everything else byte for byte,
and never write a file that does not validate.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import EXAMPLE

from reconciler.cli import cli
from reconciler.commands import user as user_command
from reconciler.reading import loader

FILE = "access/06/gmf-hill-valley.yaml"
MARTIN = "martinmacfly@ramq.gouv.qc.ca"
GEORGE = "georgemacfly@ramq.gouv.qc.ca"
LORRAINE = "lorrainebainesmacfly@ramq.gouv.qc.ca"
NEW = "clara.clayton@example.org"
TOKEN = re.compile(r'"\d{4}-\d\d-\d\dT\d\d:\d\d"')
EVERY_OPTION = ["--username", "CE20000", "--email", NEW, "--title", "docteure",
                "--first-name", "Clara", "--last-name", "Clayton", "--profile", "medecin",
                "--professional-number", "1-23456", "--service", "rvsq"]


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example file, with its policy, in a folder of its own (the cwd)."""
    (tmp_path / "access" / "06").mkdir(parents=True)
    shutil.copy(EXAMPLE / "policy.yaml", tmp_path / "access" / "policy.yaml")
    shutil.copy(EXAMPLE / "06" / "gmf-hill-valley.yaml", tmp_path / FILE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    return tmp_path / FILE


def user(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--lang", "en", "user", *args], input=input)


def entry(text: str, key: str) -> list[str]:
    """The lines of the entry whose first line names `key`: its '- ' line and the lines
    indented under it (comments between entries are not part of it)."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("  - ") and line.split(":", 1)[1].strip() == key)
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return lines[start:end]


def outside(text: str, key: str | None) -> str:
    """The text without the lines of `key`'s entry (all of it when there is none)."""
    if key is None or not any(line.startswith("  - ") and line.split(":", 1)[1].strip() == key
                              for line in text.splitlines()):
        return text
    lines = text.splitlines(keepends=True)
    first = lines.index(entry(text, key)[0])
    return "".join(lines[:first] + lines[first + len(entry(text, key)):])


def assert_only_entry_changed(before: str, after: str, key: str) -> None:
    assert outside(before, key) == outside(after, key)


def assert_valid() -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", "access"])
    assert result.exit_code == 0, result.output


def no_leftovers(path: Path) -> None:
    assert [p.name for p in path.parent.iterdir()] == [path.name]


# --- add --------------------------------------------------------------------------------


def test_add_with_every_option_appends_the_entry_and_the_file_validates(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    result = user("add", FILE, *EVERY_OPTION)
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Added CE20000 to {FILE}; run 'rvsq-access plan' to see what "
                             "it changes.\n")
    after = path.read_text(encoding="utf-8")
    assert after == before + (
        "  - username: CE20000\n"
        f"    email: {NEW}\n"
        "    title: docteure\n"
        "    first_name: Clara\n"
        "    last_name: Clayton\n"
        "    profile: medecin\n"
        '    professional_number: "1-23456"\n'
        "    services: [rvsq]\n"
    )
    assert_only_entry_changed(before, after, "CE20000")
    assert_valid()
    no_leftovers(path)


def test_add_refuses_a_key_already_in_the_file(path: Path) -> None:
    before = path.read_bytes()
    result = user("add", FILE, "--email", MARTIN.upper(), "--title", "monsieur",
                  "--first-name", "M", "--last-name", "M", "--profile",
                  "personnel-administratif", "--service", "rvsq")
    assert result.exit_code == 1
    assert "[E091]" in result.stderr and "line 15" in result.stderr
    assert path.read_bytes() == before


def test_add_without_a_terminal_names_the_missing_options(path: Path) -> None:
    before = path.read_bytes()
    result = user("add", FILE, "--email", NEW, "--profile", "medecin")
    assert result.exit_code == 1
    assert "[E092]" in result.stderr
    assert ("--title, --first-name, --last-name, --username, --professional-number, "
            "--service") in result.stderr
    assert path.read_bytes() == before


def test_add_on_a_terminal_asks_like_the_portal_form(path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_command, "_is_terminal", lambda: True)
    before = path.read_text(encoding="utf-8")
    answers = ["n",  # no account yet
               "doctor", "madame",  # not a title: asked again
               "Anne", "NO",
               "personnel-infirmier",
               "rvsq, rvsq-911", "rvsq, rvsq-811",  # not a service: asked again
               "y"]  # the summary confirmed
    result = user("add", FILE, "--email", NEW, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    for prompt in ("Title", "First name", "Last name", "Profile", "Services"):
        assert prompt in result.output
    assert "Email" not in result.output  # given as an option
    assert "'rvsq-911' is not a service" in result.output
    after = path.read_text(encoding="utf-8")
    assert entry(after, NEW) == [
        f"  - email: {NEW}\n",
        "    title: madame\n",
        "    first_name: Anne\n",
        '    last_name: "NO"\n',
        "    profile: personnel-infirmier\n",
        "    services: [rvsq, rvsq-811]\n",
    ]
    assert_only_entry_changed(before, after, NEW)
    assert_valid()


def test_a_professional_is_asked_for_their_account_and_number(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_command, "_is_terminal", lambda: True)
    answers = ["n", "docteure", "Clara", "Clayton", NEW, "resident", "CE20001", "5-12345",
               "rvsq", "y"]
    result = user("add", FILE, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert entry(text, "CE20001")[0] == "  - username: CE20001\n"
    assert '    professional_number: "5-12345"\n' in entry(text, "CE20001")
    assert_valid()


def test_a_name_that_yaml_would_misread_is_written_quoted_and_read_back_as_text(
        path: Path) -> None:
    result = user("add", FILE, "--email", NEW, "--title", "madame", "--first-name", "06",
                  "--last-name", "NO", "--profile", "personnel-infirmier", "--service", "rvsq")
    assert result.exit_code == 0, result.output
    lines = entry(path.read_text(encoding="utf-8"), NEW)
    assert '    first_name: "06"\n' in lines and '    last_name: "NO"\n' in lines
    doc = loader.load_file(path, FILE).document
    assert doc is not None and doc.data["users"][-1]["last_name"] == "NO"
    assert doc.data["users"][-1]["first_name"] == "06"
    # A later edit elsewhere keeps the quotes.
    assert user("rotate-code", FILE, GEORGE, "--token", "T1").exit_code == 0
    assert entry(path.read_text(encoding="utf-8"), NEW) == lines
    assert_valid()


# --- remove -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", [MARTIN, GEORGE, "CE10455"])
def test_remove_takes_out_the_entry_only(path: Path, key: str) -> None:
    before = path.read_text(encoding="utf-8")
    result = user("remove", FILE, key)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Removed {key} from {FILE};")
    after = path.read_text(encoding="utf-8")
    assert outside(before, key) == after  # comments around it stay, byte for byte
    assert_valid()
    no_leftovers(path)


def test_remove_matches_emails_and_usernames_without_case(path: Path) -> None:
    assert user("remove", FILE, "GeorgeMacFly@RAMQ.gouv.qc.ca").exit_code == 0
    assert user("remove", FILE, "ce10455").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert GEORGE not in text and "CE10455" not in text


def test_an_unknown_key_suggests_close_ones(path: Path) -> None:
    before = path.read_bytes()
    result = user("remove", FILE, "georgemacfly@ramq.gouv.qc.com")
    assert result.exit_code == 1
    assert f"[E090] there is no user 'georgemacfly@ramq.gouv.qc.com' in {FILE}" in result.stderr
    assert f"did you mean {GEORGE}?" in result.stderr
    # The email of a user who is keyed by username points to that username.
    result = user("remove", FILE, "emmettbrown@ramq.gouv.qc.ca")
    assert result.exit_code == 1 and "did you mean CE10455?" in result.stderr
    assert path.read_bytes() == before


# --- services ---------------------------------------------------------------------------


def test_services_add_and_remove_change_the_services_line_only(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    result = user("services", FILE, LORRAINE, "--add", "rvsq-811",
                  "--remove", "rvsq-reorientation-clinique")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Removed the service rvsq-reorientation-clinique from {LORRAINE} in {FILE}; run "
        "'rvsq-access plan' to see what it changes.",
        f"Added the service rvsq-811 to {LORRAINE} in {FILE}; run 'rvsq-access plan' to see "
        "what it changes.",
    ]
    after = path.read_text(encoding="utf-8")
    changed = [line for line in entry(after, LORRAINE) if line not in entry(before, LORRAINE)]
    assert changed == ["    services: [rvsq, rvsq-811]\n"]
    assert len(entry(after, LORRAINE)) == len(entry(before, LORRAINE))
    assert_only_entry_changed(before, after, LORRAINE)
    assert "W101" in result.stderr  # new: 811 is unusual for a GMF
    assert_valid()


def test_adding_a_service_already_there_changes_nothing(path: Path) -> None:
    before = path.read_bytes()
    result = user("services", FILE, MARTIN, "--add", "rvsq", "--remove", "rvsq-811")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Nothing to change: {FILE} already says so.\n"
    assert path.read_bytes() == before


def test_services_needs_something_to_do(path: Path) -> None:
    assert "[E097]" in user("services", FILE, MARTIN).stderr
    result = user("services", FILE, MARTIN, "--add", "rvsq", "--remove", "rvsq")
    assert result.exit_code == 1 and "[E098]" in result.stderr


def test_an_edit_that_makes_the_file_invalid_is_not_written(path: Path) -> None:
    before = path.read_bytes()
    result = user("services", FILE, MARTIN, "--add", "rvsq-811")
    assert result.exit_code == 1
    assert re.search(rf"^{FILE}:20:\d+: error\[E057\] the service 'rvsq-811' is not for the "
                     "profile 'personnel-administratif'", result.stderr, re.MULTILINE)
    assert ".rvsq-edit" not in result.stderr  # problems name the real file
    assert f"[E093] the change would make {FILE} invalid" in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before
    no_leftovers(path)


def test_removing_the_last_service_is_refused(path: Path) -> None:
    before = path.read_bytes()
    result = user("services", FILE, GEORGE, "--remove", "rvsq")
    assert result.exit_code == 1 and "[E093]" in result.stderr
    assert path.read_bytes() == before


# --- one-time requests ------------------------------------------------------------------


@pytest.mark.parametrize(("command", "field", "name", "message"), [
    ("rotate-code", "secret_code", "rotate", "Requested a new secret code"),
    ("reset-password", "password_reset", "requested", "Requested a password reset"),
])
def test_a_request_with_a_token_adds_one_line(path: Path, command: str, field: str,
                                              name: str, message: str) -> None:
    before = path.read_text(encoding="utf-8")
    result = user(command, FILE, GEORGE, "--token", "2026-11-26T10:00")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{message} for {GEORGE} in {FILE} (token "
                                    "'2026-11-26T10:00');")
    after = path.read_text(encoding="utf-8")
    new_lines = entry(after, GEORGE)
    assert new_lines[-2:] == [f'    {field}: {{{name}: "2026-11-26T10:00"}}\n',
                              "    reviewed: \"2026-05-01\"\n"]
    assert [line for line in new_lines if line not in entry(before, GEORGE)] == [new_lines[-2]]
    assert_only_entry_changed(before, after, GEORGE)
    assert_valid()
    # The same token again asks for nothing new.
    again = user(command, FILE, GEORGE, "--token", "2026-11-26T10:00")
    assert again.exit_code == 0 and again.stdout.startswith("Nothing to change")
    assert path.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(("command", "field"), [("rotate-code", "secret_code"),
                                                ("reset-password", "password_reset")])
def test_a_request_without_a_token_uses_the_date_and_time_quoted(path: Path, command: str,
                                                                 field: str) -> None:
    before = path.read_text(encoding="utf-8")
    result = user(command, FILE, MARTIN)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    line = next(x for x in entry(after, MARTIN) if x.startswith(f"    {field}: "))
    assert TOKEN.search(line), line
    assert_only_entry_changed(before, after, MARTIN)
    assert_valid()


def test_a_new_token_replaces_the_old_one_in_place(path: Path) -> None:
    assert user("rotate-code", FILE, MARTIN, "--token", "A").exit_code == 0
    before = path.read_text(encoding="utf-8")
    assert user("rotate-code", FILE, MARTIN, "--token", "B").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('secret_code: {rotate: "A"}', 'secret_code: {rotate: "B"}')


def test_a_request_for_a_ramq_account_warns_that_it_will_be_blocked(path: Path) -> None:
    result = user("reset-password", FILE, "CE10455", "--token", "INC-1")
    assert result.exit_code == 0, result.output
    assert "warning[W103]" in result.stderr


# --- the file's own format --------------------------------------------------------------


def test_windows_line_ends_are_kept(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert user("services", FILE, GEORGE, "--add", "rvsq-reorientation-clinique").exit_code == 0
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"    services: [rvsq, rvsq-reorientation-clinique]\r\n" in raw


def test_a_missing_file_is_a_user_error(path: Path) -> None:
    result = user("remove", "access/06/nope.yaml", MARTIN)
    assert result.exit_code == 1 and "[E170] 'access/06/nope.yaml' does not exist" in result.stderr
