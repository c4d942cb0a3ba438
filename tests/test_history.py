"""The auditor's story (issue: the auditor's truth): every entry tells who, where and what
changed; `state list`, `state show` and `report` rebuild any moment gone by from the log
and never mix in the present; the report lists the changes of a period.

The example repository is applied, then Georges is granted a service, then the service is
revoked and Lorraine's account deleted, each apply a second apart, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from helpers import cli, edit, ok, remove_user, typeset

from reconciler.clock import iso, utc_now
from reconciler.store import open_store, state_location

GMF = Path("access/06/gmf-hill-valley.yaml")
GEORGES = "georgemacfly@ramq.gouv.qc.ca"
LORRAINE = "lorrainebainesmacfly@ramq.gouv.qc.ca"
GRANTED = "[rvsq, rvsq-reorientation-clinique]"
GEORGES_SERVICES = ("    first_name: Georges\n    last_name: MacFly\n"
                    "    profile: personnel-administratif\n"
                    "    services: [rvsq]\n")


class Story(NamedTuple):
    created: str  # a moment after the first apply, before the grant
    granted: str  # after the grant, before the revocation and the deletion
    now: str  # after everything


def _moment_after_now() -> str:
    """A moment later than every entry written so far, and earlier than any written once
    this returns (entries are timed to the second)."""
    moment = utc_now() + dt.timedelta(seconds=1)
    while utc_now() < moment:
        time.sleep(0.05)
    return iso(moment)


@pytest.fixture
def story(applied: Path) -> Story:
    created = _moment_after_now()
    edit(GMF, GEORGES_SERVICES, GEORGES_SERVICES.replace("[rvsq]", GRANTED))
    ok(cli("apply", "--auto-approve"), 4)  # the creation emails still wait
    granted = _moment_after_now()
    edit(GMF, GEORGES_SERVICES.replace("[rvsq]", GRANTED), GEORGES_SERVICES)
    remove_user(GMF, f"email: {LORRAINE}")
    ok(cli("--change-ref", "INC-4242", "apply", "--auto-approve", "--allow-mass-delete"), 4)
    return Story(created, granted, _moment_after_now())


def _log() -> list[dict[str, Any]]:
    return json.loads(ok(cli("audit", "log", "--format", "json")).stdout)


# --- 1. entries that tell the story alone --------------------------------------------------
def test_a_deletion_records_the_person_the_establishment_and_what_was_lost(story: Story) -> None:
    deleted = next(e for e in _log() if e["action"] == "delete_account")
    fields = deleted["fields"]
    assert deleted["username"] == LORRAINE and deleted["change_ref"] == "INC-4242"
    assert fields["person"] == {
        "username": LORRAINE, "email": LORRAINE, "title": "madame", "first_name": "Lorraine",
        "last_name": "Baines MacFly", "profile": "infirmiere-clinicienne",
        "professional_number": None, "origin": "created"}
    assert fields["establishment_name"] == "GMF Hill Valley"
    assert fields["services_before"] == ["rvsq", "rvsq-reorientation-clinique"]
    assert fields["services_after"] == []
    assert fields["account"]["establishment"] == "gmf-hill-valley"
    assert fields["account"]["reviewed"] == "2026-05-01"


def test_a_grant_and_a_revocation_record_the_services_before_and_after(story: Story) -> None:
    entries = [e for e in _log() if e["username"] == GEORGES]
    grant = next(e["fields"] for e in entries if e["action"] == "grant_services")
    revoke = next(e["fields"] for e in entries if e["action"] == "revoke_services")
    assert (grant["services"], grant["services_before"], grant["services_after"]) == (
        ["rvsq-reorientation-clinique"], ["rvsq"], ["rvsq", "rvsq-reorientation-clinique"])
    assert (revoke["services"], revoke["services_before"], revoke["services_after"]) == (
        ["rvsq-reorientation-clinique"], ["rvsq", "rvsq-reorientation-clinique"], ["rvsq"])
    assert grant["person"]["first_name"] == revoke["person"]["first_name"] == "Georges"
    creation = next(e["fields"] for e in entries if e["action"] == "create_account")
    assert creation["last_name"] == "MacFly" and creation["code"] == "sealed"  # its person
    assert creation["establishment_name"] == "GMF Hill Valley"


def test_the_entries_still_verify(story: Story) -> None:
    ok(cli("audit", "verify"))


# --- 3. any moment ---------------------------------------------------------------------------
def _listed(*args: str) -> tuple[list[str], dict[str, str]]:
    """`state list`'s lines before its table, and each account's services."""
    lines = ok(cli("state", "list", *args)).stdout.splitlines()
    # (a `portal` column follows while portal tasks are open: the example's emergency
    # department works in the portal)
    header = next((n for n, line in enumerate(lines)
                   if line.startswith("username\temail\testablishment\torigin\tservices")),
                  len(lines))
    rows = [line.split("\t") for line in lines[header + 1:]]
    return lines[:header], {row[0]: row[4] for row in rows}


def test_state_list_rebuilds_each_moment_and_says_so(story: Story) -> None:
    said, now = _listed()
    assert said == [] and LORRAINE not in now and now[GEORGES] == "rvsq"
    said, then = _listed("--as-of", story.granted)
    assert said[0].startswith("Rebuilt from the audit log: the state as it was on ")
    assert "Nothing of today's state is mixed in." in said[0]
    assert then[LORRAINE] == "rvsq, rvsq-reorientation-clinique"
    assert then[GEORGES] == "rvsq, rvsq-reorientation-clinique"
    _, first = _listed("--as-of", story.created)
    assert first[GEORGES] == "rvsq" and LORRAINE in first
    said, before = _listed("--as-of", "2020-01-01")
    assert said == ["Rebuilt from the audit log: the state held nothing at the end of "
                    "January 1, 2020, before the log's first entry.",
                    "The state held no account then."]
    assert before == {}


def test_state_show_rebuilds_a_deleted_account(story: Story) -> None:
    shown = ok(cli("state", "show", LORRAINE, "--as-of", story.granted)).stdout
    assert shown.startswith("Rebuilt from the audit log")
    assert "services: rvsq, rvsq-reorientation-clinique" in shown
    gone = cli("state", "show", LORRAINE)
    assert gone.exit_code == 1 and "error[E123]" in gone.output
    before = cli("state", "show", LORRAINE, "--as-of", "2020-01-01")
    assert before.exit_code == 1 and "error[E216]" in before.output
    assert "No account 'lorrainebainesmacfly@ramq.gouv.qc.ca' at the end of January 1, " \
           "2020" in before.output


def test_state_show_says_the_last_change_of_any_kind(story: Story) -> None:
    """A revocation leaves the account's own record as it was: the last change is the
    revocation's, not the record's."""
    revoked = next(e for e in _log() if e["action"] == "revoke_services")
    shown = ok(cli("state", "show", GEORGES)).stdout
    last = next(line for line in shown.splitlines() if line.startswith("last change: "))
    assert last.endswith("(revoke, applied by " + revoked["actor"] + ")")
    french = ok(cli("--lang", "fr", "state", "show", GEORGES)).stdout
    assert typeset("dernière modification : ") in french and "(retirer, appliqué par" in french


def test_a_moment_that_is_not_one_is_refused_with_the_forms_accepted(story: Story) -> None:
    for args in (("state", "list", "--as-of", "15 mars"), ("report", "--as-of", "2026-13-01"),
                 ("report", "--since", "hier")):
        refused = cli(*args)
        assert refused.exit_code == 1 and "error[E210]" in refused.output, args
        assert "YYYY-MM-DD" in refused.output
    french = cli("--lang", "fr", "state", "list", "--as-of", "hier")
    assert typeset("« hier » n'est ni une date ni une heure") in french.output


# --- 2 and 3. the report: changes in the period; a past moment -----------------------------
def _report(*args: str) -> dict[str, Any]:
    return json.loads(ok(cli("report", "--format", "json", *args)).stdout)


def test_the_report_lists_the_changes_of_the_period(story: Story) -> None:
    data = _report()
    changes = data["changes"]
    deleted = next(c for c in changes if c["action"] == "delete_account")
    assert deleted["name"] == "Lorraine Baines MacFly"
    assert deleted["removed"] == ["rvsq", "rvsq-reorientation-clinique"]
    assert deleted["change_ref"] == "INC-4242"
    revoked = next(c for c in changes if c["action"] == "revoke_services")
    assert revoked["name"] == "Georges MacFly"
    assert revoked["removed"] == ["rvsq-reorientation-clinique"]
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert data["header"]["rebuilt"] is None
    markdown = ok(cli("report")).stdout
    assert "## Changes in the period" in markdown and "Lorraine Baines MacFly" in markdown
    french = ok(cli("--lang", "fr", "report")).stdout
    assert "## Changements de la période" in french


def test_the_period_is_chosen_with_since_and_until(story: Story) -> None:
    only_last = _report("--since", story.granted)["changes"]
    assert {c["action"] for c in only_last} == {"revoke_services", "delete_account"}
    only_first = _report("--until", story.created)["changes"]
    assert {c["action"] for c in only_first} >= {"create_account", "create_establishment"}
    assert "delete_account" not in {c["action"] for c in only_first}
    empty = cli("report", "--since", story.now, "--until", story.created)
    assert empty.exit_code == 1 and "error[E217]" in empty.output


def test_a_report_of_a_moment_gone_by_mixes_in_nothing_of_today(story: Story) -> None:
    data = _report("--as-of", story.granted)
    rebuilt = data["header"]["rebuilt"]
    assert rebuilt["as_of"] == story.granted and rebuilt["seq"] > 0
    assert rebuilt["hash"].startswith("sha256:")
    accounts = {a["username"]: a for a in data["accounts"]}
    assert accounts[LORRAINE]["services"] == ["rvsq", "rvsq-reorientation-clinique"]
    assert accounts[GEORGES]["services"] == ["rvsq", "rvsq-reorientation-clinique"]
    assert data["actions"] == [] and data["reviews"] == [] and data["expiring"] == []
    assert all(c["at"] < story.granted for c in data["changes"])
    assert "delete_account" not in {c["action"] for c in data["changes"]}
    markdown = ok(cli("report", "--as-of", story.granted)).stdout
    assert "rebuilt from the audit log" in markdown and "## Pending changes" not in markdown
    later = cli("report", "--as-of", story.granted, "--until", story.now)
    assert later.exit_code == 1 and "error[E218]" in later.output


def test_the_changes_as_a_spreadsheet(story: Story) -> None:
    text = ok(cli("report", "--format", "csv", "--table", "changes", "--delimiter", ";")).stdout
    past = ok(cli("report", "--format", "csv", "--as-of", story.granted))
    assert past.stderr.startswith("Rebuilt from the audit log: the state as it was on ")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Entry", "Applied (UTC)", "Action"]
    deleted = next(r for r in rows if r[2] == "delete_account")
    assert deleted[5] == "Lorraine Baines MacFly"
    assert deleted[9] == "rvsq rvsq-reorientation-clinique"


def test_an_invalid_file_stops_each_command_with_its_problems_only(sqlite_repo: Path) -> None:
    """Its problems, their count, exit 1: never an "internal error" after them."""
    edit(GMF, GEORGES_SERVICES, GEORGES_SERVICES.replace("[rvsq]", "[rvsq, rvsq-811]"))
    for args in (("plan",), ("apply", "--auto-approve"), ("report",), ("validate",)):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert "error[E057]" in result.output and "E199" not in result.output, args


def _forge(statement: str) -> None:
    """SQL on the test's state, as someone who can write the database would run it."""
    store = open_store(state_location(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        store._execute(statement)
    finally:
        store.close()


def test_an_entry_forged_unreadable_stops_the_rebuild_and_says_which(story: Story) -> None:
    _forge("""UPDATE audit_log SET fields = '{"services": "rvsq"}'
              WHERE action = 'grant_services'""")
    for args in (("state", "list"), ("report",), ("state", "show", GEORGES)):
        refused = cli(*args, "--as-of", story.now)
        assert refused.exit_code == 1 and "error[E219]" in refused.output, args
        assert "(grant_services, " in refused.output and "Traceback" not in refused.output


def test_names_forged_in_an_entry_stay_inert_in_the_report(story: Story) -> None:
    hostile = '{"person": {"first_name": "<script>x</script>", "last_name": "| [a](http://e)"}'
    _forge(f"""UPDATE audit_log SET fields = '{hostile}, "services": ["rvsq"]}}'
               WHERE action = 'grant_services'""")
    markdown = ok(cli("report")).stdout
    assert "<script>" not in markdown and "](http" not in markdown
    html = ok(cli("report", "--format", "html")).stdout
    assert "<script>x" not in html and "&lt;script&gt;" in html
