"""`rvsq-access report`: golden files on a deterministic scenario, and what auditors rely on.

The scenario is built in-process on a real SQLite state: the example repository with the
RAMQ directory imported, applied on 2026-09-01; a new user and a new secret code applied
on 2026-11-05; then the files are edited as a representative would (a pending grant and a
pending new account, an expired resident, an access ending soon, a review past due, a
professional with no RAMQ account yet) and one establishment's file is left out. The
report is made as of 2026-11-20.

Regenerate the golden files with RVSQ_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
from html import unescape
from pathlib import Path
from typing import NamedTuple

import pytest
from golden_files import assert_golden
from helpers import EXAMPLE, REPO, new_store, run
from hypothesis import given, settings
from hypothesis import strategies as st

from reconciler import pipeline
from reconciler.applying.executor import Settings, apply_plan
from reconciler.catalog import Messages
from reconciler.clock import iso, moment_of
from reconciler.commands.report import BOM, encode
from reconciler.domain import SERVICES
from reconciler.history import story
from reconciler.history.replay import replay
from reconciler.planning.planner import Plan
from reconciler.reading import directory_csv as directory
from reconciler.reading.model import AccessFile
from reconciler.reading.policy import Policy
from reconciler.records import State
from reconciler.render import report_csv, report_html, report_json, report_markdown
from reconciler.render import report_view as report
from reconciler.render.markdown import code, elide, live_parts
from reconciler.store import SQLStore, open_store, parse_location
from reconciler.terminal import inert

FIRST_APPLY = dt.datetime(2026, 9, 1, 13, 0, tzinfo=dt.UTC)
SECOND_APPLY = dt.datetime(2026, 11, 5, 15, 30, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 20)
ACCESS = Path("access")
GMF = ACCESS / "06" / "gmf-hill-valley.yaml"
URGENCE = ACCESS / "03" / "urgence-chu-de-quebec.yaml"
INFO_SANTE = ACCESS / "03" / "info-sante-811-capitale-nationale.yaml"
EN = Messages("en")


class Scenario(NamedTuple):
    folder: Path
    state_url: str
    report: report.Report
    past: report.Report  # `report --as-of 2026-11-20`: that moment, rebuilt from the log


# The changes the report lists by default: the 30 days up to TODAY's end, in Quebec.
SINCE = iso(moment_of((TODAY - dt.timedelta(days=report.CHANGE_DAYS)).isoformat()))
UNTIL = iso(moment_of(TODAY.isoformat(), end=True))


# --- building the scenario ---------------------------------------------------------------
def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_user(path: Path, entry: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(entry)


def plan_for(store: SQLStore, today: dt.date,
             now: dt.datetime) -> tuple[list[AccessFile], State, Plan, Policy]:
    """Validate ./access and plan it against the store: what `report.build` takes."""
    # Reports show when accounts were created (history).
    planned = pipeline.plan_paths(store, [ACCESS], today=today, now=iso(now), history=True)
    assert not planned.result.problems, planned.result.problems
    return planned.validation.files, planned.state, planned.plan, planned.validation.policy


def apply_at(store: SQLStore, moment: dt.datetime, work_dir: Path) -> None:
    _, _, plan, _ = plan_for(store, moment.date(), moment)
    settings = Settings(actor="test", git_commit=None, work_dir=work_dir, interactive=False,
                        allow_mass_delete=True)
    apply_plan(plan, store, settings, clock=lambda: moment)


def import_directory(store: SQLStore) -> None:
    rows, problems = directory.read(REPO / "examples" / "ramq-directory.csv",
                                    "ramq-directory.csv", store.snapshot())
    assert not problems
    with store.transaction():  # audited as `state import-directory` does: the log rebuilds it
        store.import_accounts(rows, iso(FIRST_APPLY))
        store.append_audit(iso(FIRST_APPLY), "test", None, "import", "import_directory", None,
                           None, {"file": "ramq-directory.csv", "accounts": len(rows),
                                  "usernames": sorted(r["username"] for r in rows),
                                  "rows": story.imported_rows(rows)})


def second_change() -> None:
    """Applied on 2026-11-05: a new nurse at the ER, a new secret code for Martin."""
    add_user(URGENCE, """  - email: zoe.lefebvre@chudequebec.ca
    title: madame
    first_name: Zoé
    last_name: Lefebvre-Ouellet
    profile: personnel-infirmier
    services: [rvsq-reorientation-hopital]
    reviewed: 2026-11-05
""")
    edit(GMF, "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n",
         "    services: [rvsq, rvsq-reorientation-clinique]\n"
         "    secret_code: {rotate: \"2026-11-05\"}\n    reviewed: \"2026-05-01\"\n")


def pending_edits() -> None:
    """Not applied: what the report's plan shows."""
    edit(GMF, "    first_name: Georges\n    last_name: MacFly\n"
              "    profile: personnel-administratif\n    services: [rvsq]\n",
         "    first_name: Georges\n    last_name: MacFly\n"
         "    profile: personnel-administratif\n"
         "    services: [rvsq, rvsq-reorientation-clinique]\n")
    add_user(GMF, """  - email: clara.clayton@ramq.gouv.qc.ca
    title: madame
    first_name: Clara
    last_name: Clayton
    profile: personnel-administratif
    services: [rvsq]
  - username: CE30117
    email: douglas.needles@umontreal.ca
    title: docteur
    first_name: Douglas
    last_name: Needles
    profile: resident
    professional_number: "5-30117"
    services: [rvsq]
    reviewed: 2026-11-01
""")
    edit(URGENCE, "    expires: \"2027-06-30\"\n", "    expires: 2026-11-10\n")
    edit(URGENCE, "    first_name: Marc-André\n    last_name: Côté\n"
                  "    profile: personnel-infirmier\n"
                  "    services: [rvsq-reorientation-hopital]\n",
         "    first_name: Marc-André\n    last_name: Côté\n"
         "    profile: personnel-infirmier\n"
         "    services: [rvsq-reorientation-hopital]\n    expires: 2026-11-30\n")
    edit(URGENCE, "    first_name: Sophie\n    last_name: Gagnon\n"
                  "    profile: personnel-infirmier\n"
                  "    services: [rvsq-reorientation-hopital]\n    reviewed: \"2026-09-15\"\n",
         "    first_name: Sophie\n    last_name: Gagnon\n"
         "    profile: personnel-infirmier\n"
         "    services: [rvsq-reorientation-hopital]\n    reviewed: 2025-09-15\n")


@pytest.fixture
def scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    shutil.copytree(EXAMPLE, tmp_path / "access")
    monkeypatch.chdir(tmp_path)  # file names in the report are relative, as a user sees them
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    url = f"sqlite:///{tmp_path / 'state.db'}"
    store = new_store(url, iso(FIRST_APPLY))
    try:
        import_directory(store)
        apply_at(store, FIRST_APPLY, tmp_path / ".rvsq")
        second_change()
        apply_at(store, SECOND_APPLY, tmp_path / ".rvsq")
        INFO_SANTE.unlink()  # a file missing from the input: its accounts are not reconciled
        pending_edits()
        period = report.Period.of(SINCE, UNTIL, store.audit_entries(SINCE, UNTIL))
        built = report.build(*plan_for(store, TODAY, SECOND_APPLY), TODAY,
                             store.last_audit_entry(), period)
        rebuilt = replay(store.audit_entries(until=UNTIL), UNTIL, store.state_id(),
                         store.location.shown)
        past = report.build_past(rebuilt, TODAY.isoformat(), store.audit_extent()[0], period)
    finally:
        store.close()
    return Scenario(tmp_path, url, built, past)


def check_golden(name: str, content: bytes, header: report.Header) -> None:
    """Compared byte for byte, but for the state's place and id (new at every run)."""
    assert_golden(name, content, state_location=header.state_location,
                  state_id=header.state_id)


# --- golden files ------------------------------------------------------------------------
def test_markdown_matches_golden(scenario: Scenario) -> None:
    check_golden("report.md", encode("markdown", report_markdown.render(scenario.report, EN)),
                 scenario.report.header)


def test_html_matches_golden(scenario: Scenario) -> None:
    check_golden("report.html", encode("html", report_html.render(scenario.report, EN)),
                 scenario.report.header)


def test_csv_matches_golden(scenario: Scenario) -> None:
    check_golden("report.csv", encode("csv", report_csv.render(scenario.report, EN)),
                 scenario.report.header)


# --- what the scenario must show ---------------------------------------------------------
def test_report_content(scenario: Scenario) -> None:
    r = scenario.report
    gmf = next(row for row in r.inventory.establishments if row.establishment == "gmf-hill-valley")
    assert (gmf.region, gmf.type, gmf.accounts) == ("06", "gmf", 4)
    assert gmf.services == {"rvsq": 4, "rvsq-811": 0, "rvsq-reorientation-hopital": 0,
                            "rvsq-reorientation-clinique": 2}
    assert r.inventory.total.accounts == 12
    kinds = {(a.action, a.username) for a in r.actions}
    assert ("grant_services", "georgemacfly@ramq.gouv.qc.ca") in kinds
    assert ("create_account", "clara.clayton@ramq.gouv.qc.ca") in kinds
    assert ("revoke_services", "CE20931") in kinds  # expired on 2026-11-10
    assert [(b.username, b.code) for b in r.blocked] == [("CE30117", "B01")]
    assert [a.username for a in r.recent] == ["zoe.lefebvre@chudequebec.ca"]
    assert r.codes[0] == report.CodeIssued("martinmacfly@ramq.gouv.qc.ca", "Martin MacFly",
                                           "gmf-hill-valley", "2026-11-05T15:30:00Z")
    assert [(x.status, x.key) for x in r.reviews] == [
        ("overdue", "sophie.gagnon@chudequebec.ca"), ("never", "clara.clayton@ramq.gouv.qc.ca")]
    assert [(x.status, x.key, x.days_left) for x in r.expiring] == [
        ("expired", "CE20931", -10), ("ending", "marc-andre.cote@chudequebec.ca", 10)]
    assert {(u.reason, u.username) for u in r.unowned} == {
        ("no_establishment", "CE55120"),
        ("no_file", "IP40562"),
        ("no_file", "francois.pelletier@ciusss-capitalenationale.gouv.qc.ca"),
        ("no_file", "julie.bouchard@ciusss-capitalenationale.gouv.qc.ca"),
    }
    statuses = {a.username: a.status for a in r.accounts}
    assert statuses["clara.clayton@ramq.gouv.qc.ca"] == "pending"
    assert statuses["CE30117"] == "blocked"
    assert statuses["CE10455"] == "applied"


def test_no_secret_reaches_any_format(scenario: Scenario) -> None:
    with sqlite3.connect(scenario.folder / "state.db") as conn:
        hashes = [h for (h,) in conn.execute("SELECT code_hash FROM accounts") if h]
    # Five created on 2026-09-01 at the register-mode sites: the emergency department's
    # (portal mode, Zoé's of 2026-11-05 too) have no code of the tool's.
    assert len(hashes) == 5
    for renderer in (report_markdown, report_html, report_csv, report_json):
        text = renderer.render(scenario.report, EN)
        assert not any(h in text or h.removeprefix("sha256:") in text for h in hashes)
        assert "code_token" not in text and "code_hash" not in text


def test_json_has_everything_in_a_stable_order(scenario: Scenario) -> None:
    text = report_json.render(scenario.report, EN)
    assert text == report_json.render(scenario.report, EN)
    data = json.loads(text)
    assert list(data) == ["format_version", "language", "header", "inventory", "summary",
                          "actions", "blocked", "refusals", "accounts", "recent", "codes",
                          "reviews", "expiring", "unowned", "changes"]
    assert data["header"]["today"] == "2026-11-20"
    assert list(data["inventory"]["total"]["services"]) == list(SERVICES)
    assert data["blocked"][0]["code"] == "B01"
    assert "reference number" in data["blocked"][0]["hint"]
    account = next(a for a in data["accounts"] if a["username"] == "CE10455")
    assert list(account) == list(report.AccountRow._fields)
    assert account["services"] == ["rvsq"]
    assert len(data["accounts"]) == len(scenario.report.accounts)


def test_csv_opens_in_excel_with_accents_and_one_column_per_service(scenario: Scenario) -> None:
    payload = encode("csv", report_csv.render(scenario.report, EN))
    assert payload.startswith(BOM.encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(scenario.report.accounts)
    assert set(SERVICES) <= set(rows[0])
    zoe = next(r for r in rows if r["Username"] == "zoe.lefebvre@chudequebec.ca")
    assert (zoe["First name"], zoe["Last name"]) == ("Zoé", "Lefebvre-Ouellet")
    assert [zoe[s] for s in SERVICES] == ["", "", "x", ""]
    assert zoe["Created"] == "2026-11-05T15:30:00Z" and zoe["Status"] == "applied"
    clara = next(r for r in rows if r["Username"] == "clara.clayton@ramq.gouv.qc.ca")
    assert (clara["Status"], clara["Origin"], clara["rvsq"]) == ("pending", "created", "x")


def test_csv_cells_never_run_as_formulas(scenario: Scenario) -> None:
    row = scenario.report.accounts[0]._replace(first_name="=HYPERLINK(\"x\")", last_name="+1",
                                               email="@sum", profile="-2")
    text = report_csv.render(scenario.report._replace(accounts=(row,)), EN)
    line = next(csv.reader(io.StringIO(text.splitlines()[1])))
    assert "'=HYPERLINK(\"x\")" in line and "'+1" in line and "'@sum" in line
    assert "'-2" in line
    assert report_csv.safe("Côté") == "Côté" and report_csv.safe(None) == ""


def test_html_is_self_contained_escaped_and_printable(scenario: Scenario) -> None:
    edit(GMF, "first_name: Clara", 'first_name: "<script>alert(1)</script> & Co"')
    store = open_store(parse_location(scenario.state_url), iso(SECOND_APPLY), writing=True)
    try:
        planned = pipeline.plan_paths(store, [ACCESS], today=TODAY, now=iso(SECOND_APPLY),
                                      history=True)  # reports show when accounts were created
    finally:
        store.close()
    validation, state, plan = planned.validation, planned.state, planned.plan
    built = report.build(validation.files, state, plan, validation.policy, TODAY)
    html = report_html.render(built, EN)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html.replace("<wbr>", "")
    assert "http" not in html and "src=" not in html and "@import" not in html
    assert '<html lang="en">' in html and "@media print" in html
    assert html.count("<thead>") == html.count("<table") > 0
    markdown = report_markdown.render(built, EN)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_french_report_uses_the_french_catalog(scenario: Scenario) -> None:
    fr = Messages("fr")
    html = report_html.render(scenario.report, fr)
    assert '<html lang="fr">' in html and "Rapport des accès RVSQ" in html
    assert "Comptes qu'aucun fichier ne détient" in unescape(html)
    markdown = report_markdown.render(scenario.report, fr)
    assert "## Révisions des accès à faire" in markdown and "jamais révisé" in markdown
    header = report_csv.render(scenario.report, fr).splitlines()[0]
    assert header.startswith("Statut,Nom d'utilisateur,Courriel,Prénom")


# --- the command -------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["markdown", "html", "csv", "json"])
def test_cli_writes_each_format(scenario: Scenario, fmt: str) -> None:
    out = scenario.folder / f"report.{fmt}"
    before = (scenario.folder / "state.db").read_bytes()
    result = run("--lang", "en", "--state", scenario.state_url, "report", "access",
                 "--format", fmt, "--out", str(out), "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    payload = out.read_bytes()
    # A day gone by: rebuilt from the audit log, as the scenario rebuilt it.
    expected = {"markdown": report_markdown, "html": report_html, "csv": report_csv,
                "json": report_json}[fmt].render(scenario.past, EN)
    assert payload == encode(fmt, expected)
    assert payload.startswith(BOM.encode("utf-8")) == (fmt == "csv")
    assert (scenario.folder / "state.db").read_bytes() == before  # a dry run


def test_cli_prints_to_stdout_and_never_creates_a_state(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "access")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    missing = run("--lang", "en", "report", "--as-of", "2026-11-20")
    assert missing.exit_code == 1 and "error[E138]" in missing.output  # no state, no report
    assert not (tmp_path / ".rvsq").exists()
    assert run("state", "init").exit_code == 0
    result = run("--lang", "en", "report", "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# RVSQ access report\n")
    assert "0 accounts in 0 establishments" in result.stdout


def test_cli_reports_an_unwritable_output_without_a_traceback(scenario: Scenario) -> None:
    out = scenario.folder / "missing" / "report.md"
    result = run("--lang", "en", "--state", scenario.state_url, "report", "access",
                 "--out", str(out))
    assert result.exit_code == 1
    assert "error[E190]" in result.output and "Traceback" not in result.output


def _cell_the_long_way(text: str) -> str:
    """report_markdown.cell without its shortcut: every cell escaped in full."""
    text = elide(inert(text))
    out, last = [], 0
    for live in live_parts(text):
        out += [text[last:live.start()].translate(report_markdown._ESCAPES),
                code(live.group())]
        last = live.end()
    out.append(text[last:].translate(report_markdown._ESCAPES))
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")) | st.sampled_from([
    "Zoé Lefebvre-Ouellet", "a|b", "x@y.example", "www.example.org", "http://e", "@alice",
    "<b>", "**", "`", "[a](b)", "\\", "a\nb", "\u202e", "2026-11-05T15:30:00Z", "&amp;"]))
def test_a_markdown_cell_is_the_same_with_or_without_its_shortcut(text: str) -> None:
    assert report_markdown.cell(text) == _cell_the_long_way(text)
