"""Portal tasks end to end, on SQLite and PostgreSQL: two portal-mode sites applied (no code,
no email), `tasks list` in each format, `tasks done` and `tasks reopen` audited, a move
between the two sites in the runbook (released at the old site first), a hostile state
made inert in every format, and the open tasks in `state`, the report and the Markdown
plan (and nothing of them once every task is done)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from golden_files import assert_golden
from helpers import cli, ok, run
from paths import REPO

from reconciler.store import open_store, state_location

SITE_A = """\
version: 1
establishment:
  id: clinique-a
  name: Clinique A
  region: "06"
  type: clinique
  mode: portal
representative:
  name: Anne Rep
  email: anne.rep@example.org
users:
  - username: IELP20417
    email: nathalie.belanger@chudequebec.ca
    title: madame
    first_name: Nathalie
    last_name: Bélanger
    profile: personnel-administratif
    services: [rvsq, rvsq-reorientation-clinique]
"""
PAUL = """\
  - email: paul.martin@example.org
    title: monsieur
    first_name: Paul
    last_name: Martin
    profile: personnel-administratif
    services: [{services}]
"""
SITE_B = """\
version: 1
establishment:
  id: clinique-b
  name: Clinique B
  region: "06"
  type: clinique
  mode: portal
representative:
  name: Bruno Rep
  email: bruno.rep@example.org
users:
  - email: zoe.roy@example.org
    title: madame
    first_name: Zoé
    last_name: Roy
    profile: personnel-administratif
    services: [rvsq]
"""
A, B = Path("access/06/clinique-a.yaml"), Path("access/06/clinique-b.yaml")
# What the example's settings might leak into a test (as conftest's fixtures clear them).
OUTSIDE = ("RVSQ_SMTP_URL", "RVSQ_SMTP_USER", "RVSQ_SMTP_PASSWORD", "RVSQ_MAIL_FROM",
           "RVSQ_CHANGE_REF", "GITHUB_SHA", "CI_COMMIT_SHA")


@pytest.fixture
def portal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_url: str) -> Path:
    """Two portal-mode sites applied: Nathalie (an existing RAMQ account) and Paul (new)
    at Clinique A, Zoé (new) at Clinique B; tasks 3, 4, 5 at A and 7 at B."""
    monkeypatch.chdir(tmp_path)
    for name in OUTSIDE:
        monkeypatch.delenv(name, raising=False)
    A.parent.mkdir(parents=True)
    A.write_text(SITE_A + PAUL.format(services="rvsq"), encoding="utf-8")
    B.write_text(SITE_B, encoding="utf-8")
    ok(cli("state", "init"))
    ok(cli("state", "import-directory", str(REPO / "examples" / "ramq-directory.csv")))
    ok(cli("apply", "--auto-approve"))  # exit 0: no email waits, no code to seal
    return tmp_path


@pytest.fixture
def moved(portal: Path) -> Path:
    """`portal`, then Paul moves to Clinique B with one more service: tasks 8 (grant) and 9
    (the move) at B."""
    A.write_text(SITE_A, encoding="utf-8")
    B.write_text(SITE_B + PAUL.format(services="rvsq, rvsq-reorientation-clinique"),
                 encoding="utf-8")
    ok(cli("apply", "--auto-approve"))
    return portal


def _tasks(*args: str) -> dict[str, Any]:
    return json.loads(ok(cli("tasks", "list", "--format", "json", *args)).stdout)


def _where() -> tuple[str, str]:
    """The state's place as commands show it, and its id (golden files hold others)."""
    store = open_store(state_location(None), "2026-11-26T00:00:00Z")
    try:
        return store.location.shown, store.state_id()
    finally:
        store.close()


def _sql(statement: str, *params: Any) -> None:
    store = open_store(state_location(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.transaction():
            store._execute(statement, params)
    finally:
        store.close()


def _audit(*args: str) -> list[dict[str, Any]]:
    return json.loads(ok(cli("audit", "log", "--format", "json", *args)).stdout)


# --- apply in portal mode ------------------------------------------------------------------
def test_apply_records_tasks_and_issues_no_code_and_sends_no_email(portal: Path) -> None:
    listed = _tasks()
    assert [(t["id"], t["establishment"], t["username"], t["action"]) for t in listed["tasks"]] \
        == [(3, "clinique-a", "IELP20417", "grant_services"),
            (4, "clinique-a", "IELP20417", "update_account"),
            (5, "clinique-a", "paul.martin@example.org", "create_account"),
            (7, "clinique-b", "zoe.roy@example.org", "create_account")]
    assert listed["counts"] == {"open": 4, "done": 0}
    first = listed["tasks"][0]
    assert first["services"] == ["rvsq", "rvsq-reorientation-clinique"]
    assert first["status"] == "open" and first["age_days"] == 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["created_at"])
    assert json.loads(ok(cli("outbox", "list", "--all", "--format", "json")).stdout)[
        "messages"] == []
    assert not (portal / ".rvsq" / "codes").exists()
    created = _audit("--action", "create_account")
    assert {e["username"] for e in created} == {"paul.martin@example.org", "zoe.roy@example.org"}


# --- tasks list ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md"),
                                             ("runbook", "md")])
def test_each_format_in_english_and_french(moved: Path, lang: str, fmt: str,
                                           suffix: str) -> None:
    result = run("--lang", lang, "--no-color", "tasks", "list", "--format", fmt)
    assert result.exit_code == 0, result.output
    location, state_id = _where()
    name = "runbook" if fmt == "runbook" else "list"
    assert_golden(f"tasks-{name}.{lang}.{suffix}", result.stdout, state_location=location,
                  state_id=state_id)


def test_one_establishment_and_the_empty_list(moved: Path) -> None:
    assert [t["id"] for t in _tasks("--establishment", "clinique-a")["tasks"]] == [3, 4, 5]
    said = ok(cli("tasks", "list", "--establishment", "clinique-a")).stdout
    assert "Clinique A (clinique-a)" in said and "Zoé" not in said
    ok(cli("tasks", "done", "3", "4", "5"))
    assert ok(cli("tasks", "list", "--establishment", "clinique-a")).stdout == (
        "No portal task is open at Clinique A (clinique-a); 3 tasks are done there.\n")
    everything = ok(cli("tasks", "list", "--establishment", "clinique-a", "--all")).stdout
    assert "done" in everything and "3 done" in everything
    unknown = cli("tasks", "list", "--establishment", "clinique-z")
    assert unknown.exit_code == 1 and "E223" in unknown.output


# --- done and reopen -------------------------------------------------------------------------
def test_done_with_a_note_is_audited_then_reopened(moved: Path) -> None:
    said = ok(cli("--actor", "anne", "tasks", "done", "3", "4", "--note", "INC-4521"))
    assert said.stdout == "Confirmed 2 portal tasks: 3, 4.\n"
    again = ok(cli("tasks", "done", "4", "5"))
    assert again.stdout == ("Confirmed 1 portal task: 5.\n"
                            "Already done, left as it was: 4.\n")
    entries = _audit("--action", "confirm_task")
    assert [(e["username"], e["actor"]) for e in entries][:2] == [("IELP20417", "anne")] * 2
    assert "INC-4521" in ok(cli("audit", "log", "--action", "confirm_task")).stdout
    done = {t["id"]: t for t in _tasks("--all")["tasks"]}
    assert done[3]["status"] == "done" and done[3]["done_by"] == "anne"
    assert done[3]["note"] == "INC-4521" and done[3]["done_at"]
    assert [t["id"] for t in _tasks()["tasks"]] == [7, 8, 9]

    assert ok(cli("tasks", "reopen", "3", "--note", "not in the portal")).stdout == (
        "Task 3 is open again.\n")
    assert ok(cli("tasks", "reopen", "3")).stdout == "Task 3 is already open: nothing changed.\n"
    assert [e["action"] for e in _audit("--action", "reopen_task")] == ["reopen_task"]
    assert [t["id"] for t in _tasks()["tasks"]] == [3, 7, 8, 9]


def test_an_unknown_number_changes_nothing(moved: Path) -> None:
    before = _audit()
    refused = cli("tasks", "done", "7", "99")
    assert refused.exit_code == 1
    assert "E220" in refused.output and "99" in refused.output
    assert "Traceback" not in refused.output
    assert _audit() == before
    assert [t["id"] for t in _tasks()["tasks"]] == [3, 4, 5, 7, 8, 9]
    french = run("--lang", "fr", "tasks", "reopen", "98")
    assert french.exit_code == 1 and "Aucune tâche de portail ne porte le numéro 98" in (
        french.output.replace("\u00a0", " "))
    bad_note = cli("tasks", "done", "7", "--note", "two\nlines")
    assert bad_note.exit_code == 1 and "E222" in bad_note.output
    assert _audit() == before


# --- the runbook -------------------------------------------------------------------------------
def test_a_move_is_released_at_the_old_site_first(moved: Path) -> None:
    book = ok(cli("tasks", "list", "--format", "runbook")).stdout
    release = book.index("Release for a move: Paul Martin")
    added = book.index("Add RVSQ to an existing account: Paul Martin")
    assert book.index("## Clinique A") < release < book.index("## Clinique B") < added
    assert "_Part of tasks 8, 9: confirm them once the whole procedure is done._" in book
    assert book.count("`rvsq-access tasks done 8 9`") == 1
    assert book.index("`rvsq-access tasks done 8 9`") > added
    assert "`rvsq-access tasks done 3 4`" in book  # a grant and its join: one procedure
    # Carried out and confirmed: the runbook shrinks to what is left.
    ok(cli("tasks", "done", "3", "4", "5", "8", "9"))
    left = ok(cli("tasks", "list", "--format", "runbook")).stdout
    assert "Paul Martin" not in left and "`rvsq-access tasks done 7`" in left


# --- the open tasks elsewhere -------------------------------------------------------------------
def test_state_says_what_waits_for_the_portal(moved: Path) -> None:
    shown = ok(cli("state", "show", "paul.martin@example.org")).stdout
    assert shown.endswith("portal: requested, not yet confirmed in the portal "
                          "(portal tasks 5, 8, 9)\n")  # created at A, then moved to B
    listed = ok(cli("state", "list")).stdout.splitlines()
    assert listed[0].endswith("\tportal")
    assert all(line.count("\t") == 5 for line in listed)
    assert any(line.startswith("IELP20417\t") and line.endswith("(portal tasks 3, 4)")
               for line in listed)
    ok(cli("tasks", "done", "3", "4", "5", "7", "8", "9"))
    assert "\nportal:" not in ok(cli("state", "show", "paul.martin@example.org")).stdout
    assert "portal" not in ok(cli("state", "list")).stdout.splitlines()[0]


def test_every_report_format_shows_the_open_tasks_oldest_first(moved: Path) -> None:
    md = ok(cli("report")).stdout
    section = md[md.index("## Open portal tasks"):]
    section = section[:section.index("\n## ", 1)]
    assert [int(n) for n in re.findall(r"^\| (\d+) \|", section, re.M)] == [3, 4, 5, 7, 8, 9]
    assert "| today |" in section
    html = ok(cli("report", "--format", "html")).stdout
    assert 'href="#tasks"' in html and "Open portal tasks" in html
    data = json.loads(ok(cli("report", "--format", "json")).stdout)
    assert [t["id"] for t in data["tasks"]] == [3, 4, 5, 7, 8, 9]
    sheet = ok(cli("report", "--format", "csv", "--table", "tasks")).stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(sheet)))
    assert rows[0][0] == "Task" and [r[0] for r in rows[1:]] == ["3", "4", "5", "7", "8", "9"]
    assert rows[-1][5] == "establishment: clinique-a → clinique-b"
    # Every task done: no empty section, no key.
    ok(cli("tasks", "done", "3", "4", "5", "7", "8", "9"))
    assert "portal task" not in ok(cli("report")).stdout.split("## Changes")[0]
    assert "tasks" not in json.loads(ok(cli("report", "--format", "json")).stdout)
    assert 'href="#tasks"' not in ok(cli("report", "--format", "html")).stdout


def test_the_markdown_plan_shows_the_tasks_waiting_where_it_changes(moved: Path) -> None:
    B.write_text(B.read_text(encoding="utf-8") + '    expires: "2027-06-30"\n', encoding="utf-8")
    plan = ok(cli("plan", "--format", "markdown")).stdout
    section = plan[plan.index("### Portal tasks already waiting"):]
    assert plan[plan.index("### Portal tasks already waiting") - 2:].startswith("\n\n")
    assert re.findall(r"^- \*\*(\d+)\*\* \(today\) Clinique B", section, re.M) == ["7", "8", "9"]
    assert "Clinique A" not in section  # the plan does not touch it
    assert "Paul Martin (paul.martin@…), grant: rvsq-reorientation-clinique" in section
    assert "@example.org" not in section  # a pull request's comment holds no full email
    ok(cli("tasks", "done", "7", "8", "9"))
    assert "Portal tasks" not in ok(cli("plan", "--format", "markdown")).stdout


# --- hostile text --------------------------------------------------------------------------------
def _outside_code(markdown: str) -> str:
    """The Markdown without its code spans (shown literally: nothing in them is live)."""
    return re.sub(r"(`+).*?\1", "", markdown, flags=re.S)


HOSTILE = "Zoé\x1b[2J | <script>alert(1)</script> **x**"


def test_a_hostile_name_is_inert_in_every_format(moved: Path) -> None:
    """The state is hostile: a name with a terminal escape, a Markdown cell break and HTML,
    written in the task, the account and the establishment, is shown, never obeyed."""
    fields = {"action": "create_account", "establishment": "clinique-b", "name": HOSTILE,
              "services": ["rvsq"], "username": "zoe.roy@example.org",
              "after": {"title": "madame", "first_name": HOSTILE, "last_name": "Roy",
                        "email": "zoe.roy@example.org", "profile": "personnel-administratif"}}
    _sql("UPDATE portal_tasks SET fields = ? WHERE id = 7", json.dumps(fields))
    _sql("UPDATE accounts SET first_name = ? WHERE username = ?", HOSTILE, "zoe.roy@example.org")
    _sql("UPDATE establishments SET name = ? WHERE id = ?", "Clinique | <b>B</b>\x1b[31m",
         "clinique-b")
    for fmt in ("text", "markdown", "runbook"):
        out = ok(cli("tasks", "list", "--all", "--format", fmt)).stdout
        assert "\x1b" not in out, fmt
        if fmt != "text":  # Markdown: literal in a code span, escaped elsewhere
            prose = _outside_code(out)
            assert "<script>" not in prose and "<b>" not in prose, fmt
            assert " | <" not in prose and "**x**" not in prose, fmt
    text = ok(cli("tasks", "list")).stdout
    assert "\\u001b[2J" in text or "\\x1b[2J" in text
    raw = ok(cli("tasks", "list", "--format", "json")).stdout
    assert "\x1b" not in raw and json.loads(raw)["tasks"][3]["id"] == 7
    assert "\x1b" not in ok(cli("state", "list")).stdout
    for fmt in ("markdown", "html"):
        out = ok(cli("report", "--format", fmt)).stdout
        assert "\x1b" not in out and "<script>" not in _outside_code(out), fmt
    report = ok(cli("report", "--format", "json")).stdout  # JSON is JSON: no escape raw
    assert "\x1b" not in report and json.loads(report)["tasks"][3]["id"] == 7
    sheet = ok(cli("report", "--format", "csv", "--table", "tasks")).stdout
    assert "\x1b" not in sheet
    B.write_text(B.read_text(encoding="utf-8") + '    expires: "2027-06-30"\n', encoding="utf-8")
    plan = ok(cli("plan", "--format", "markdown")).stdout
    assert "\x1b" not in plan and "<script>" not in _outside_code(plan)
