"""The plan tells the whole truth (issue 12, part): the ticket of a one-time request, a new
establishment, and `state import-directory` on accounts that access files manage.

Every test goes through the command line, as a representative or a CI job would, on the
embedded SQLite state and on PostgreSQL where the state matters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import CASCADES, REPO, add_cascades, cli, edit, ok, plan_json, sqlite_only

GMF = Path("access/06/gmf-hill-valley.yaml")
MARTIN = "martinmacfly@ramq.gouv.qc.ca"
# The GMF's demo key: a new establishment's codes must be sealed for an apply outside a
# terminal.


def audit() -> list[dict[str, Any]]:
    return json.loads(ok(cli("audit", "log", "--format", "json")).stdout)


# --- the ticket of a one-time request -----------------------------------------------------
def request_with_tickets(code_ticket: str = "INC-5001", reset_ticket: str = "INC-5002") -> None:
    """Martin MacFly asks for a new code and a reset, each with its own ticket; the user's
    own ticket (INC-4411) is new too, so his record is updated."""
    edit(GMF, "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n",
         "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n"
         f"    secret_code: {{rotate: \"2026-12-01\", ticket: {code_ticket}}}\n"
         f"    password_reset: {{requested: \"2026-12-01\", ticket: {reset_ticket}}}\n"
         "    ticket: INC-4411\n")


def test_the_ticket_of_a_request_reaches_every_plan_and_the_audit_log(applied: Path) -> None:
    request_with_tickets()
    text = ok(cli("plan")).stdout
    assert ("  ~ update martinmacfly@ramq.gouv.qc.ca (Martin MacFly): "
            'ticket — → "INC-4411" [ticket INC-4411]\n'
            "  ~ new secret code martinmacfly@ramq.gouv.qc.ca (Martin MacFly) [ticket INC-5001]\n"
            "  ~ reset password martinmacfly@ramq.gouv.qc.ca (Martin MacFly) [ticket INC-5002]\n"
            ) in text
    assert "[billet INC-5001]" in ok(cli("--lang", "fr", "plan")).stdout
    # The parse cache gives the same plan (the second plan reads the file from it), and so
    # does a plan that reads every file again.
    assert ok(cli("plan")).stdout == text
    assert ok(cli("--no-cache", "plan")).stdout == text

    tickets = {a["action"]: a.get("ticket") for a in plan_json()["actions"]
               if a.get("username") == MARTIN}
    assert tickets == {"update_account": "INC-4411", "regenerate_code": "INC-5001",
                       "reset_password": "INC-5002"}

    markdown = ok(cli("plan", "--format", "markdown")).stdout
    assert ("- Martin MacFly (martinmacfly@…): new secret code, password reset, updated: "
            "ticket — ticket INC-4411, INC-5001, INC-5002") in markdown
    assert ("~ new secret code martinmacfly@… (Martin MacFly) [ticket INC-5001]  "
            "(access/06/gmf-hill-valley.yaml:15)") in markdown
    assert ("~ reset password martinmacfly@… (Martin MacFly) [ticket INC-5002]  "
            "(access/06/gmf-hill-valley.yaml:15)") in markdown

    runbook = ok(cli("plan", "--format", "runbook")).stdout
    assert "### 1. New secret code: Martin MacFly\n\n_Ticket: INC-5001_\n" in runbook
    assert "### 2. Reset the password: Martin MacFly\n\n_Ticket: INC-5002_\n" in runbook

    ok(cli("apply", "--auto-approve"), 4)
    applied = {e["action"]: e["fields"].get("ticket") for e in audit()[-3:]
               if e["username"] == MARTIN}
    assert applied == {"update_account": "INC-4411", "regenerate_code": "INC-5001",
                       "reset_password": "INC-5002"}


@sqlite_only
def test_a_request_without_a_ticket_keeps_the_users_ticket(applied: Path) -> None:
    edit(GMF, "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n",
         "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n"
         "    secret_code: {rotate: \"2026-12-01\"}\n    ticket: INC-4411\n")
    assert ("  ~ new secret code martinmacfly@ramq.gouv.qc.ca (Martin MacFly) "
            "[ticket INC-4411]\n") in ok(cli("plan")).stdout


@sqlite_only
def test_a_hostile_ticket_reaches_no_terminal_or_comment_as_control_characters(
        applied: Path) -> None:
    # An escape sequence that would set the terminal's title is refused at the door (E016,
    # pointed at the ESC itself); a Markdown link, plain text, stays inert in every plan.
    request_with_tickets(code_ticket='"INC-\\e]0;owned\\a[x](http://e.example)"')
    refused = cli("plan")
    assert refused.exit_code == 1
    assert "error[E016] 'ticket' holds the invisible or control character U+001B ESCAPE" \
        in refused.output
    assert "\x1b" not in refused.output and "\x07" not in refused.output
    edit(GMF, '"INC-\\e]0;owned\\a[x](http://e.example)"', '"INC- ]0;owned [x](http://e.example)"')
    text = ok(cli("plan")).stdout
    assert "[ticket INC- ]0;owned [x](http://e.example)]" in text
    markdown = ok(cli("plan", "--format", "markdown")).stdout
    # The URL in a code span: GitHub does not link it.
    assert r"ticket INC- \]0;owned \[x\](`http://e.example`), INC-4411, INC-5002" in markdown
    runbook = ok(cli("plan", "--format", "runbook")).stdout
    assert r"_Ticket: INC- \]0;owned \[x\](`http://e.example`)_" in runbook


# --- a new establishment ------------------------------------------------------------------


def test_a_new_establishment_is_a_creation_in_every_format(applied: Path) -> None:
    add_cascades()
    text = ok(cli("plan")).stdout
    assert ("Establishment clinique-des-cascades (Clinique des Cascades, region 05)\n"
            "  + create establishment Clinique des Cascades\n"
            "  + create account helene.fortin@example.org (Hélène Fortin): rvsq\n") in text
    assert "update establishment" not in text
    assert "+ créer l'établissement Clinique des Cascades" in ok(cli("--lang", "fr", "plan")).stdout

    plan = plan_json()
    first = plan["actions"][0]
    assert (first["action"], first["establishment"]) == ("create_establishment",
                                                         "clinique-des-cascades")
    assert first["after"]["name"] == "Clinique des Cascades"
    assert (plan["summary"]["create_establishment"], plan["summary"]["update_establishment"]) \
        == (1, 0)

    markdown = ok(cli("plan", "--format", "markdown")).stdout
    assert "- New establishment: its record is created\n" in markdown
    assert ("+ create establishment Clinique des Cascades  "
            "(access/05/clinique-des-cascades.yaml:3)") in markdown
    runbook = ok(cli("plan", "--format", "runbook")).stdout
    assert ("Designated representative: Denise Roy\n\n_New establishment: the tool creates its "
            "record. Nothing to do for it in the portal: follow the steps below for its "
            "users._\n") in runbook
    report = json.loads(ok(cli("report", "--format", "json")).stdout)
    assert report["summary"]["create_establishment"] == 1
    assert [(a["action"], a["name"]) for a in report["actions"]
            if a["establishment"] == "clinique-des-cascades"] \
        == [("create_establishment", "Clinique des Cascades"), ("create_account", "Hélène Fortin")]
    assert "| create establishment | 1 |" in ok(cli("report", "--format", "markdown")).stdout

    # Saved, read back and applied: the schema and the reader agree on the new kind.
    ok(cli("plan", "--out", "plan.json"))
    ok(cli("apply", "--plan", "plan.json", "--auto-approve"), 4)
    created = [e for e in audit() if e["establishment"] == "clinique-des-cascades"]
    assert [e["action"] for e in created] == ["create_establishment", "create_account"]
    assert created[0]["fields"]["representative_name"] == "Denise Roy"
    assert "No changes." in ok(cli("plan")).stdout

    # Known from now on: a change to its record is an update.
    edit(CASCADES, "  name: Clinique des Cascades\n", "  name: Clinique des Cascades inc.\n")
    assert ('  ~ update establishment Clinique des Cascades inc.: name "Clinique des Cascades" '
            '→ "Clinique des Cascades inc."\n') in ok(cli("plan")).stdout


# --- state import-directory and managed accounts ------------------------------------------
DIRECTORY = """\
username,email,title,first_name,last_name,profile,professional_number
CE10455,e.brown@example.org,docteur,Emmett,Browne,medecin,1-85012
CE55120,biff.tannen@example.org,monsieur,Biff,Tannen-Jones,personnel-administratif,
IP40562,chantal.morin@ciusss-capitalenationale.gouv.qc.ca,madame,Chantal,Morin,ips,8-1406
CE99999,nouvelle.personne@example.org,madame,Nouvelle,Personne,personnel-administratif,
martinmacfly@ramq.gouv.qc.ca,martinmacfly@ramq.gouv.qc.ca,,Martin,McFly,,
"""
HINT = ("    hint: correct this row; or, if the directory is right, import again with "
        "--update-managed and correct the access file too, or the next plan will put its "
        "values back.\n")


def show(username: str) -> str:
    return ok(cli("state", "show", username)).stdout


def test_import_directory_refuses_to_change_managed_accounts_unless_told(applied: Path) -> None:
    Path("directory.csv").write_text(DIRECTORY, encoding="utf-8")
    entries = len(audit())

    refused = ok(cli("state", "import-directory", "directory.csv"), 1)
    assert refused.stderr == (
        "directory.csv:2:1: error[E150] 'CE10455' is managed by an access file "
        "(gmf-hill-valley): this row would change email 'emmettbrown@ramq.gouv.qc.ca' → "
        "'e.brown@example.org', last_name 'Brown' → 'Browne'\n" + HINT +
        "directory.csv:6:1: error[E150] 'martinmacfly@ramq.gouv.qc.ca' is managed by an "
        "access file (gmf-hill-valley): this row would change title 'monsieur' → —, "
        "last_name 'MacFly' → 'McFly', profile 'personnel-administratif' → —\n" + HINT +
        "Nothing was imported: fix the lines above, then import again.\n")
    assert refused.stdout == ""
    # Nothing was written: not the managed rows, not the others.
    assert "email: emmettbrown@ramq.gouv.qc.ca" in show("CE10455")
    assert "name: monsieur Biff Tannen\n" in show("CE55120")
    ok(cli("state", "show", "CE99999"), 1)
    assert len(audit()) == entries
    french = ok(cli("--lang", "fr", "state", "import-directory", "directory.csv"), 1).stderr
    assert ("directory.csv:2:1: erreur[E150] «\u00a0CE10455\u00a0» est géré par un fichier d'accès "
            "(gmf-hill-valley)\u00a0: cette ligne changerait email "
            "«\u00a0emmettbrown@ramq.gouv.qc.ca\u00a0» → «\u00a0e.brown@example.org\u00a0», "
            "last_name «\u00a0Brown\u00a0» → «\u00a0Browne\u00a0»\n") in french

    imported = ok(cli("state", "import-directory", "--update-managed", "directory.csv"))
    assert imported.stdout == (
        "Imported 5 existing RAMQ accounts from directory.csv; nothing was granted.\n"
        "Updated 2 accounts that access files manage: CE10455, "
        "martinmacfly@ramq.gouv.qc.ca. Correct those access files too, or the next plan "
        "will put their values back.\n")
    assert "email: e.brown@example.org" in show("CE10455")
    assert "establishment: gmf-hill-valley" in show("CE10455")  # still managed
    assert "name: monsieur Biff Tannen-Jones\n" in show("CE55120")
    entry = audit()[-1]
    assert entry["action"] == "import_directory" and entry["fields"]["accounts"] == 5
    assert entry["fields"]["managed_changes"] == {
        "CE10455": {"establishment": "gmf-hill-valley", "line": 2, "changes": {
            "email": {"old": "emmettbrown@ramq.gouv.qc.ca", "new": "e.brown@example.org"},
            "last_name": {"old": "Brown", "new": "Browne"}}},
        MARTIN: {"establishment": "gmf-hill-valley", "line": 6, "changes": {
            "title": {"old": "monsieur", "new": None},
            "last_name": {"old": "MacFly", "new": "McFly"},
            "profile": {"old": "personnel-administratif", "new": None}}},
    }
    ok(cli("audit", "verify"))
    # As the hint says: until the file is corrected, the next plan puts its values back.
    assert ('  ~ update CE10455 (Emmett Brown): email "e.brown@example.org" → '
            '"emmettbrown@ramq.gouv.qc.ca"; last name "Browne" → "Brown"\n'
            ) in ok(cli("plan")).stdout


@sqlite_only
def test_import_directory_of_unchanged_managed_accounts_needs_no_option(applied: Path) -> None:
    again = ok(cli("state", "import-directory", str(REPO / "examples" / "ramq-directory.csv")))
    assert again.stdout == ("Imported 5 existing RAMQ accounts from "
                            f"{REPO / 'examples' / 'ramq-directory.csv'}; nothing was "
                            "granted.\n")
    assert "managed_changes" not in audit()[-1]["fields"]
    assert "No changes." in ok(cli("plan")).stdout


@sqlite_only
def test_a_refused_managed_row_is_listed_with_the_other_bad_rows(applied: Path) -> None:
    Path("directory.csv").write_text(DIRECTORY.replace("CE99999,", "XX1,"), encoding="utf-8")
    refused = ok(cli("state", "import-directory", "--update-managed", "directory.csv"), 1)
    assert refused.stderr.startswith("directory.csv:5:1: error[E081] 'XX1' is not a RAMQ "
                                     "username\n")
    refused = ok(cli("state", "import-directory", "directory.csv"), 1)
    lines = [line.split(": error")[0] for line in refused.stderr.splitlines()
             if ": error[" in line]
    assert lines == ["directory.csv:2:1", "directory.csv:5:1", "directory.csv:6:1"]
    assert "email: emmettbrown@ramq.gouv.qc.ca" in show("CE10455")
