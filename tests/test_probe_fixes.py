"""What an outside probe found, each reproduced through the command line first: passwords
in messages, the commit the audit names, what an establishment update changes, a change
reference the plan did not foresee, tracebacks, and the French of the refusals.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from conftest import postgres_admin_url
from helpers import EXAMPLE, PLAN_SCHEMA, REPO, cli, edit, ok, plan_json, sqlite_only

from reconciler.catalog import FR

GMF = Path("access/06/gmf-hill-valley.yaml")
GMF_KEY = "age1t36qu64m5zp945vsfujpkxvcf0dnj8s39v9fg7vzu7ecmpefd9uqldqkdn"
CHU_KEY = "age15ttpjx3973vmz65g64qpgrr6wlyxm54dsv2n094y5jl6qpf3dd8q2vhrw8"  # another demo key


def no_traceback(output: str) -> str:
    assert "Traceback" not in output and "Error:" not in output, output
    return output


# --- 1. passwords in messages ---------------------------------------------------------------
@sqlite_only
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_state_url_is_shown_without_its_user_information(applied: Path, lang: str) -> None:
    result = ok(cli("--lang", lang, "--state",
                    "postgresql://rvsq:my s3cr3t@db.example:99999/rvsq", "plan"), 1)
    assert "[E111] " in result.stderr
    assert "postgresql://db.example:99999/rvsq" in result.stderr
    assert "s3cr3t" not in result.output and "rvsq:" not in result.output
    # A URL urllib cannot split at all is the same error, not a traceback.
    result = ok(cli("--state", "postgresql://rvsq:pw@[::1:5432/rvsq", "plan"), 1)
    assert "error[E111] 'postgresql://[::1:5432/rvsq'" in no_traceback(result.output)
    # A password given with no host at all reads as a port: hidden too.
    result = ok(cli("--state", "postgresql://rvsq:hunter2", "plan"), 1)
    assert "error[E111] 'postgresql://rvsq:***'" in result.stderr
    assert "hunter2" not in result.output
    # A space around the URL is kept in sight (it is the mistake), the password is not.
    result = ok(cli("--state", " postgresql://rvsq:my s3cr3t@db.example/rvsq", "plan"), 1)
    assert "' postgresql://db.example/rvsq'" in result.stderr and "s3cr3t" not in result.output


@sqlite_only
def test_an_smtp_url_is_shown_without_its_password_in_every_plan(
        applied: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RVSQ_SMTP_URL", "smtp://mailer:top s3cr3t@mail.example:99999")
    markdown = ok(cli("plan", "--format", "markdown")).stdout  # posted on pull requests
    assert ("- **E133**: '`smtp://mail.example:99999`' is not a mail server address this tool "
            "can use") in markdown
    text = ok(cli("plan")).stdout
    assert "error[E133] 'smtp://mail.example:99999' is not" in text
    saved = plan_json()
    assert saved["refusals"][0]["params"] == {"url": "smtp://mail.example:99999"}
    applied = ok(cli("apply", "--auto-approve"), 1)
    for output in (markdown, text, json.dumps(saved, ensure_ascii=False), applied.output):
        assert "s3cr3t" not in output and "mailer" not in output


@pytest.fixture
def postgres_server() -> str:
    """host:port of the test suite's PostgreSQL server (started if need be)."""
    parts = urlsplit(postgres_admin_url())
    return f"{parts.hostname}:{parts.port}"


@pytest.mark.parametrize("password, leaks", [
    ("Tr0ub@dor&3", ("Tr0ub", "dor&3")),  # libpq ends the user information at the first @
    ("Pa%ss99!", ("Pa%ss99!", "ss99")),  # not percent-encoded
    ("s3cr3t pw", ("s3cr3t",)),  # a space
    # libpq quotes a piece that runs across the password's own `/` and space
    ("p@ss/wo rd:x?y#z%41", ("wo rd", "ss/wo", "z%41")),
], ids=["at-sign", "percent", "space", "at-slash-space-query"])
@pytest.mark.parametrize("given", ["--state", "RVSQ_STATE"])
def test_a_driver_message_never_quotes_a_part_of_the_password(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_server: str, password: str,
        leaks: tuple[str, ...], given: str) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"postgresql://rvsq:{password}@{postgres_server}/rvsq"
    if given == "--state":
        result = cli("--state", url, "plan")
    else:
        result = cli("plan", env={"RVSQ_STATE": url})
    ok(result, 1)
    assert result.stderr.startswith("error[E127] the state cannot be used: "), result.stderr
    assert "***" in result.stderr  # the driver's message is there, with the password hidden
    for leak in leaks:
        assert leak not in no_traceback(result.output)


def test_a_password_in_the_query_is_never_quoted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_server: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = ok(cli("--state", f"postgresql://rvsq@{postgres_server}/rvsq"
                               "?password=p@ss/wo rd%41x", "plan"), 1)
    assert result.stderr.startswith("error[E127] the state cannot be used: "), result.stderr
    for leak in ("wo rd", "p@ss", "%41x", "rd%4"):
        assert leak not in no_traceback(result.output)


# --- 2. the commit the audit names ------------------------------------------------------------
def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=folder,
                          capture_output=True, text=True, check=True).stdout.strip()


def new_repository(folder: Path) -> str:
    """`folder` as a repository with everything in it committed; its HEAD."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "first", "--allow-empty")
    return git(folder, "rev-parse", "HEAD")


def last_commit() -> str:
    entries = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)
    return entries[-1]["git_commit"]


NEW_FILE = f"""\
version: 1
establishment:
  id: clinique-ignoree
  name: Clinique Ignorée
  region: "06"
  type: clinique
representative:
  name: Rose Tremblay
  email: rose.tremblay@example.org
  age_recipient: {GMF_KEY}
users:
  - email: anne.gagnon@example.org
    title: madame
    first_name: Anne
    last_name: Gagnon
    profile: personnel-administratif
    services: [rvsq]
"""


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
@sqlite_only
@pytest.mark.parametrize("how", ["gitignore", "exclude", "ignored-folder"])
def test_an_ignored_access_file_makes_the_commit_dirty(applied: Path, how: str) -> None:
    new_repository(applied)
    if how == "gitignore":
        target = applied / "access" / "06" / "clinique-ignoree.yaml"
        (applied / ".gitignore").write_text("clinique-ignoree.yaml\n", encoding="utf-8")
    elif how == "exclude":
        target = applied / "access" / "06" / "clinique-ignoree.yaml"
        (applied / ".git" / "info" / "exclude").write_text("access/06/clinique-ignoree.yaml\n",
                                                       encoding="utf-8")
    else:  # a whole folder ignored: git lists the folder, the tool reads the files in it
        target = applied / "access" / "06" / "drafts" / "clinique-ignoree.yaml"
        (applied / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    if how != "exclude":
        git(applied, "add", ".gitignore")
    git(applied, "commit", "-qm", "ignore", "--allow-empty")
    head = git(applied, "rev-parse", "HEAD")
    target.parent.mkdir(exist_ok=True)
    target.write_text(NEW_FILE, encoding="utf-8")
    assert git(applied, "status", "--porcelain") == ""  # git itself sees nothing to commit
    ok(cli("apply", "--auto-approve"), 4)
    assert last_commit() == f"{head}-dirty"  # the new establishment came from no commit


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_the_commit_is_that_of_the_repository_holding_the_access_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SHA", "CI_COMMIT_SHA", "RVSQ_STATE", "RVSQ_CHANGE_REF"):
        monkeypatch.delenv(name, raising=False)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copytree(EXAMPLE, a / "access")
    head_a = new_repository(a)
    (b / "notes.yaml").write_text("not an access file\n", encoding="utf-8")
    head_b = new_repository(b)
    assert head_a != head_b
    monkeypatch.chdir(b)  # the state and the working folder are B's; the files are A's
    ok(cli("state", "init"))
    ok(cli("state", "import-directory", str(REPO / "examples" / "ramq-directory.csv")))
    (b / "notes.yaml").write_text("B is dirty: that says nothing of A\n", encoding="utf-8")
    ok(cli("apply", str(a / "access"), "--auto-approve"), 4)
    assert last_commit() == head_a
    edit(a / GMF, "first_name: Martin", "first_name: Marty")  # now A's files are not HEAD
    ok(cli("apply", str(a / "access" / "06" / "gmf-hill-valley.yaml"), "--auto-approve"), 4)
    assert last_commit() == f"{head_a}-dirty"


# --- 3. what an establishment update changes ---------------------------------------------------
def test_an_establishment_update_says_what_changes_in_every_plan(applied: Path) -> None:
    edit(GMF, f"age_recipient: {GMF_KEY}", f"age_recipient: {CHU_KEY}")
    text = ok(cli("plan")).stdout
    assert (f'  ~ update establishment GMF Hill Valley: age key "{GMF_KEY}" → '
            f'"{CHU_KEY}"\n') in text
    assert text.rstrip().endswith(
        "Plan: 0 to create, 0 to grant, 0 to revoke, 0 to update, 0 new codes, 0 password "
        "resets, 0 to delete, 0 blocked; establishments: 0 to create, 1 to update.")
    french = ok(cli("--lang", "fr", "plan")).stdout
    assert french.rstrip().endswith("0 bloqué\u00a0; établissements\u00a0: 0 à créer, 1 à mettre à "
                                    "jour.")

    [action] = plan_json()["actions"]  # checked against the plan's schema
    assert action["action"] == "update_establishment"
    assert action["changes"] == {"age_recipient": {"old": GMF_KEY, "new": CHU_KEY}}

    markdown = ok(cli("plan", "--format", "markdown")).stdout
    assert "- Establishment record updated: age key\n" in markdown
    assert ("| Region | Establishment | New establishment | Record updated | Create | Grant "
            "|") in markdown
    assert "| 06 | GMF Hill Valley | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in markdown
    assert "| **Total** | | **0** | **1** | **0** |" in markdown

    ok(cli("plan", "--out", "plan.json"))  # saved, read back, applied as it was planned
    ok(cli("apply", "--plan", "plan.json", "--auto-approve"), 4)
    assert "No changes." in ok(cli("plan")).stdout


def test_closing_an_establishment_says_so_and_its_summary_counts_it(applied: Path) -> None:
    text = GMF.read_text(encoding="utf-8")
    GMF.write_text(text.replace("  type: gmf\n", "  type: gmf\n  retired: true\n").split(
        "users:\n")[0] + "users: []\n", encoding="utf-8")
    plan = ok(cli("plan", "--allow-mass-delete")).stdout
    assert "  ~ update establishment GMF Hill Valley: closed no → yes\n" in plan
    assert "; establishments: 0 to create, 1 to update." in plan
    markdown = ok(cli("plan", "--format", "markdown", "--allow-mass-delete")).stdout
    assert "- Establishment closed (retired): every account it owns" in markdown


def test_a_new_establishment_is_counted_and_the_everyday_line_is_unchanged(applied: Path) -> None:
    everyday = "Plan: 0 to create, 0 to grant, 0 to revoke, 1 to update, 0 new codes, 0 " \
               "password resets, 0 to delete, 0 blocked.\n"
    edit(GMF, "first_name: Martin", "first_name: Marty")
    assert ok(cli("plan")).stdout.endswith(everyday)  # what scripts and benchmarks read
    (applied / "access" / "06" / "clinique-ignoree.yaml").write_text(NEW_FILE, encoding="utf-8")
    text = ok(cli("plan")).stdout
    assert text.endswith("Plan: 1 to create, 0 to grant, 0 to revoke, 1 to update, 0 new "
                         "codes, 0 password resets, 0 to delete, 0 blocked; "
                         "establishments: 1 to create, 0 to update.\n")


# --- 4. an unusable change reference is a refusal the plan foresees ---------------------------
@pytest.mark.parametrize("given", ["RVSQ_CHANGE_REF", "--change-ref"])
def test_an_unusable_change_reference_is_refused_by_the_plan_first(
        applied: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    edit(GMF, "first_name: Martin", "first_name: Marty")
    options: tuple[str, ...] = ()
    if given == "RVSQ_CHANGE_REF":
        monkeypatch.setenv("RVSQ_CHANGE_REF", "PR\t12")
    else:
        options = ("--change-ref", "x" * 501)
    text = ok(cli(*options, "plan", "--detailed-exitcode"), 1).stdout  # not 2: refused
    assert ("Apply would refuse this plan, and change nothing:\n"
            "  error[E143] the change reference is not one line of printable text of at most "
            "500 characters\n") in text
    planned = json.loads(ok(cli(*options, "plan", "--format", "json")).stdout)
    jsonschema.validate(planned, PLAN_SCHEMA)
    assert planned["refusals"] == [{
        "code": "E143", "establishment": None, "params": {},
        "message": "the change reference is not one line of printable text of at most 500 "
                   "characters",
        "hint": "give a pull request's URL or a ticket number with --change-ref (or "
                "RVSQ_CHANGE_REF), in the plan as in the apply."}]
    serial = plan_json()["state"]["serial"]
    refused = ok(cli(*options, "apply", "--auto-approve"), 1)
    assert refused.stderr.startswith("error[E143] the change reference is not one line")
    assert "Nothing was changed." in refused.stderr
    assert "error[E143]" in refused.stdout  # the plan apply showed listed it first
    assert plan_json()["state"]["serial"] == serial
    french = ok(cli("--lang", "fr", *options, "apply", "--auto-approve"), 1)
    assert "Rien n'a été changé." in french.stderr
    # A directory import, which has no plan, refuses it too.
    imported = cli(*options, "state", "import-directory",
                   str(REPO / "examples" / "ramq-directory.csv"))
    assert ok(imported, 1).stderr.startswith("error[E143]")


# --- 5. tracebacks ------------------------------------------------------------------------------
@sqlite_only
def test_an_smtp_url_urllib_cannot_split_is_e133(applied: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RVSQ_SMTP_URL", "smtp://u:pw@[::1:25")
    text = no_traceback(ok(cli("plan", "--detailed-exitcode"), 1).output)
    assert "error[E133] 'smtp://[::1:25' is not a mail server address" in text
    applied = ok(cli("apply", "--auto-approve"), 1)
    assert no_traceback(applied.stderr).startswith("error[E133] 'smtp://[::1:25'")


@sqlite_only
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31"])
@pytest.mark.parametrize("command", ["plan", "report", "validate"])
def test_a_date_the_tool_cannot_work_with_is_refused(applied: Path, date: str,
                                                     command: str) -> None:
    result = ok(cli(command, "--as-of", date), 1)
    assert no_traceback(result.output) == (
        f"error[E155] --as-of {date} is outside the dates this tool can work with "
        "(1900-01-01 to 9998-12-31)\n"
        "    hint: give a date between 1900-01-01 and 9998-12-31: the day a review falls due "
        "or an access ends, say.\n")


@sqlite_only
def test_the_furthest_dates_and_a_review_dated_9999_are_worked_with(applied: Path) -> None:
    for date in ("9998-12-31", "1900-01-01"):
        for command in ("plan", "report", "validate"):
            ok(cli(command, "--as-of", date))
    edit(GMF, "reviewed: \"2026-05-01\"", "reviewed: 9999-12-31")
    for command in ("validate", "plan", "report"):
        no_traceback(ok(cli(command)).output)


# --- 6. the French of the refusals -------------------------------------------------------------
def test_the_french_refusals_name_the_apply_command() -> None:
    refusals = {key: text for key, text in FR.items()
                if key.startswith("plan.refusal.") or key.endswith(".hint.plan")
                or key in ("E114", "help.detailed_exitcode")}
    assert FR["plan.refusal.heading"] == "La commande apply refuserait ce plan, sans rien " \
                                         "changer\u00a0:"
    assert not [key for key, text in refusals.items() if "application" in text], refusals
