"""The Markdown plan (PR comment) and the portal runbook, against golden files.

The scenario is built in-process on a real SQLite state: the example repository with the
RAMQ directory imported is planned and applied, then edited so that a second plan holds
every action kind (a new establishment, create, add an existing account, grant, revoke,
update, release, new code, reset with its own ticket, delete), blocked entries and
warnings. That second plan is rendered in both languages and compared byte for byte with
tests/golden/. To accept a deliberate change:

    RVSQ_UPDATE_GOLDEN=1 pytest tests/test_render_plan.py
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from golden_files import assert_golden
from helpers import EXAMPLE, REPO, add_cascades, edit, new_store, remove_user, run

from reconciler import pipeline
from reconciler.applying.executor import Settings, apply_plan
from reconciler.catalog import Messages
from reconciler.checking.validation import validate_paths
from reconciler.planning import planfile, refusals
from reconciler.planning.planner import ACTION_KINDS, KINDS, Action, Plan, make_plan
from reconciler.reading import directory_csv as directory
from reconciler.reading.model import AccessFile
from reconciler.records import EMPTY, EstablishmentRecord, State
from reconciler.render import plan_markdown, runbook
from reconciler.render.formats import PLAN_FORMATS
from reconciler.render.plan_view import PlanView
from reconciler.store import SQLStore

GOLDEN_STATE_LOCATION = "/srv/rvsq/state.db"
GOLDEN_STATE_ID = "0123456789abcdef0123456789abcdef"
TODAY = dt.date(2026, 11, 26)
NOW = "2026-11-26T12:00:00Z"
RENDERERS: dict[str, Callable[[Plan, list[AccessFile], State, Messages], str]] = {
    "plan": plan_markdown.render,
    "runbook": runbook.render,
}
GMF = Path("access/06/gmf-hill-valley.yaml")
URGENCE = Path("access/03/urgence-chu-de-quebec.yaml")
INFO_SANTE = Path("access/03/info-sante-811-capitale-nationale.yaml")


class Planned(NamedTuple):
    plan: Plan
    files: list[AccessFile]
    state: State


# --- building the scenario ------------------------------------------------------------------
def add_users(path: Path, entries: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(entries)


def plan_now(store: SQLStore, lang: str = "en") -> Planned:
    """Validate ./access and plan it against the store, as `rvsq-access plan` does."""
    found = pipeline.plan_paths(store, [Path("access")], today=TODAY, now=NOW)
    validation, state, result = found.validation, found.state, found.result
    assert not result.problems, result.problems
    warnings = (*planfile.notices(validation.problems, result.plan, validation.files),
                *result.plan.warnings)
    # The state's place and id differ from run to run: the golden files name these.
    plan = result.plan._replace(warnings=warnings, state_location=GOLDEN_STATE_LOCATION,
                                state_id=GOLDEN_STATE_ID)
    return Planned(plan._replace(refusals=refusals.of(plan, state, refusals.Limits())),
                   validation.files, state)


def example_state(tmp_path: Path) -> SQLStore:
    """A copy of the example in `tmp_path` (the cwd), and a state with the RAMQ directory."""
    shutil.copytree(EXAMPLE, tmp_path / "access")
    store = new_store(f"sqlite:///{tmp_path}/state.db", NOW)
    csv = REPO / "examples" / "ramq-directory.csv"
    rows, problems = directory.read(csv, "ramq-directory.csv", store.snapshot())
    assert not problems
    with store.transaction():
        store.import_accounts(rows, NOW)
    return store


def edit_for_every_kind() -> None:
    """What representatives change after the first apply (see the module docstring)."""
    # GMF Hill Valley: a new code and a reset for Martin, services for Georges and
    # Lorraine, a corrected name, an existing account added, a new account, and requests
    # the plan must block.
    edit(GMF, "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n",
         "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n"
         "    secret_code: {rotate: \"2026-11-26\"}\n"
         "    password_reset: {requested: \"INC-4411\"}\n    ticket: INC-4411\n")
    edit(GMF, "    services: [rvsq]\n    reviewed: \"2026-05-01\"\n  # Rule C",
         "    services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n"
         "    expires: 2026-12-05\n  # Rule C")
    edit(GMF, "    last_name: Baines MacFly\n    profile: infirmiere-clinicienne\n"
         "    services: [rvsq, rvsq-reorientation-clinique]",
         "    last_name: Baines\n    profile: infirmiere-clinicienne\n"
         "    services: [rvsq, rvsq-811]")
    edit(GMF, "    services: [rvsq]\n    reviewed: \"2026-05-01\"\n",  # Emmett Brown (CE10455)
         "    services: [rvsq]\n    reviewed: \"2026-05-01\"\n"
         "    secret_code: {rotate: \"2026-11-26\"}\n")
    add_users(GMF, """\
  - username: CE55120
    email: biff.tannen@example.org
    title: monsieur
    first_name: Biff
    last_name: Tannen
    profile: personnel-administratif
    services: [rvsq]
    reviewed: 2026-11-20
  - email: marie_eve.tremblay@ramq.gouv.qc.ca
    title: madame
    first_name: Marie-Ève
    last_name: Tremblay
    profile: personnel-infirmier
    services: [rvsq, rvsq-reorientation-clinique]
    reviewed: 2026-11-20
    ticket: INC-4502
  - username: CE77777
    email: clara.clayton@example.org
    title: docteure
    first_name: Clara
    last_name: Clayton
    profile: medecin
    professional_number: "1-77777"
    services: [rvsq]
""")
    # Urgence: a new representative, a deleted account, a released resident, a new email,
    # a reset with its ticket, a review past due, and a new account whose email another
    # account holds.
    edit(URGENCE, "  name: Hélène Tremblay\n  email: helene.tremblay@chudequebec.ca",
         "  name: Karine Lévesque\n  email: karine.levesque@chudequebec.ca")
    remove_user(URGENCE, "email: sophie.gagnon@chudequebec.ca")
    remove_user(URGENCE, "username: CE20931")
    edit(URGENCE, "  - email: marc-andre.cote@chudequebec.ca\n",
         "  - username: marc-andre.cote@chudequebec.ca\n"
         "    email: marcandre.cote@chudequebec.ca\n")
    edit(URGENCE, "    reviewed: 2025-09-15\n",
         "    reviewed: 2025-09-15\n"
         "    password_reset: {requested: \"INC-5120\", ticket: INC-5120}\n")
    add_users(URGENCE, """\
  - email: chantal.morin@ciusss-capitalenationale.gouv.qc.ca
    title: madame
    first_name: Chantal
    last_name: Morin
    profile: personnel-infirmier
    services: [rvsq-reorientation-hopital]
""")
    # Info-Santé 811's file is left out of this input: nothing of it changes (a warning).
    INFO_SANTE.unlink()
    # A new establishment, with one new account.
    add_cascades()


@pytest.fixture
def scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[SQLStore, Planned]:
    """The second plan; the first one is applied. cwd is the temp copy, so that paths in
    the output are the same on every machine."""
    monkeypatch.chdir(tmp_path)
    store = example_state(tmp_path)
    # Nathalie Bélanger's access was last reviewed over a year ago (a warning).
    edit(URGENCE, "    services: [rvsq-reorientation-hopital]\n    reviewed: \"2026-09-15\"\n"
         "  # A resident",
         "    services: [rvsq-reorientation-hopital]\n    reviewed: 2025-09-15\n  # A resident")
    first = plan_now(store)
    settings = Settings(actor="test", git_commit=None, work_dir=tmp_path / ".rvsq",
                        interactive=False, allow_mass_delete=True)
    apply_plan(first.plan, store, settings)
    edit_for_every_kind()
    yield store, plan_now(store)
    store.close()


# --- golden files -------------------------------------------------------------------------------
def test_the_scenario_holds_every_action_kind(scenario: tuple[SQLStore, Planned]) -> None:
    _, planned = scenario
    kinds = {a.action for a in planned.plan.actions}
    assert kinds == set(KINDS)
    assert any(a.is_removal and a.action == "update_account" for a in planned.plan.actions)
    assert {b.code for b in planned.plan.blocked} == {"B01", "B03", "B05"}
    assert {w.code for w in planned.plan.warnings} >= {"W101", "W106", "W201", "W203"}
    assert planned.plan.refusals == ()  # apply would take it: see test_refusals.py for more


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", ["plan", "runbook"])
def test_golden(scenario: tuple[SQLStore, Planned], kind: str, lang: str) -> None:
    _, planned = scenario
    text = RENDERERS[kind](planned.plan, planned.files, planned.state, Messages(lang))
    assert_golden(f"{kind}.{lang}.md", text)


# --- the Markdown comment ---------------------------------------------------------------------
def test_markdown_keeps_personal_emails_out(scenario: tuple[SQLStore, Planned]) -> None:
    _, planned = scenario
    text = plan_markdown.render(planned.plan, planned.files, planned.state, Messages("en"))
    assert not re.search(r"@[a-z0-9-]+\.[a-z]", text), "an email domain reached the comment"
    assert ("- Martin MacFly (martinmacfly@…): new secret code, password reset, updated: "
            "ticket — ticket INC-4411") in text
    assert "CE10455" in text  # RAMQ usernames are shown in full


def test_first_plan_adds_existing_accounts_with_oui(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = example_state(tmp_path)
    first = plan_now(store)
    try:
        steps = runbook.render(first.plan, first.files, first.state, Messages("fr"))
        comment = plan_markdown.render(first.plan, first.files, first.state, Messages("fr"))
    finally:
        store.close()
    assert steps.count("cochez «\u00a0Oui\u00a0»") == 4  # CE10455, IP40562, CE20931, IELP20417
    assert steps.count("cochez «\u00a0Non\u00a0»") == 7
    assert steps.count("Infirmière clinicienne\u00a0: RVSQ exige un nouveau compte") == 2
    assert steps.count("«\u00a0Inscription d'utilisateurs par un représentant désigné\u00a0»") == 3
    assert "- Emmett Brown (CE10455)\u00a0: compte RAMQ existant ajouté, +rvsq" in comment
    # Every establishment is new to this state: its record is counted first.
    assert "| **Total** | | **3** | **0** | **7** | **4** | **0** | **4** |" in comment


def _many_users(count: int) -> str:
    users = "".join(
        f"  - email: user{i:05d}@example.org\n    title: madame\n"
        f"    first_name: Prénom{i}\n    last_name: Nom-de-famille-assez-long{i}\n"
        "    profile: personnel-administratif\n    services: [rvsq, rvsq-reorientation-clinique]\n"
        for i in range(count))
    return (
        "version: 1\nestablishment:\n  id: gmf-grande\n  name: GMF Grande | *ville*\n"
        "  region: \"06\"\n  type: gmf\nrepresentative:\n  name: Rep\n  email: rep@example.org\n"
        f"users:\n{users}"
        "  - username: CE12345\n    email: prof@example.org\n    title: docteur\n"
        "    first_name: Pro\n    last_name: Fessionnel\n    profile: medecin\n"
        "    professional_number: \"1-12345\"\n    services: [rvsq]\n"
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_huge_plan_is_cut_under_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "access" / "06").mkdir(parents=True)
    (tmp_path / "access" / "06" / "gmf-grande.yaml").write_text(_many_users(3000),
                                                                 encoding="utf-8")
    validation = validate_paths([Path("access")], today=TODAY)
    assert not validation.errors, validation.problems[:3]
    plan = make_plan(validation.files, EMPTY, today=TODAY, now=NOW,
                     config_digest=validation.digest, paths=("access",)).plan
    text = plan_markdown.render(plan, validation.files, EMPTY, Messages(lang))
    assert len(text) <= plan_markdown.LIMIT
    # The totals are whole: the new establishment, 3,000 creations and the blocked
    # professional.
    assert ("| **Total** | | **1** | **0** | **3000** | **0** | **0** | **0** | **0** | **0** "
            "| **0** | **1** |") in text
    assert "| 06 | GMF Grande \\| \\*ville\\* | 1 | 0 | 3000 |" in text
    assert "rvsq-access plan" in text and ("left out" in text or "omise" in text)
    left = re.search(r"(\d+) (line|ligne)", text.split("\n> ", 1)[1])
    assert left is not None and 3000 < int(left.group(1)) < 6002
    # The blocked entry and its header survive the cut; the comment still ends cleanly.
    blocked = text.split("### ", 2)[1]
    assert blocked.startswith(Messages(lang)("md.blocked", count=1)) and "CE12345" in blocked
    assert text.rstrip().endswith("</details>")


def test_a_province_wide_table_folds_into_regions() -> None:
    """Thousands of establishments: one row per region keeps the totals under the limit."""
    records = {f"clinique-{i:04d}": EstablishmentRecord(
        f"clinique-{i:04d}", f"Clinique médicale numéro {i}", f"{i % 18 + 1:02d}", "clinique",
        "Rep", "rep@example.org", None, False) for i in range(3000)}
    actions = tuple(Action("grant_services", est, f"CE{i}", name=f"Personne {i}",
                           services=("rvsq",)) for i, est in enumerate(sorted(records)))
    plan = Plan(7, "sha256:" + "1" * 64, NOW, ("access",), actions, (), ())
    text = plan_markdown.render(plan, [], State(7, records, {}), Messages("en"))
    assert len(text) <= plan_markdown.LIMIT
    assert "| 01 | 167 establishments | 0 | 167 |" in text
    assert "| **Total** | | **0** | **3000** |" in text
    assert "rvsq-access plan" in text


def test_user_text_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "access" / "06").mkdir(parents=True)
    (tmp_path / "access" / "06" / "gmf-x.yaml").write_text(
        "version: 1\nestablishment:\n  id: gmf-x\n  name: \"GMF <b>X</b> | A_B\"\n"
        "  region: \"06\"\n  type: gmf\nrepresentative:\n  name: Rep\n  email: rep@example.org\n"
        "users:\n  - email: a_b@example.org\n    title: madame\n"
        "    first_name: \"Ann|e *bold* _x_\"\n    last_name: \"<script>\"\n"
        "    profile: personnel-administratif\n    services: [rvsq]\n",
        encoding="utf-8")
    validation = validate_paths([Path("access")], today=TODAY)
    assert not validation.errors, validation.problems
    plan = make_plan(validation.files, EMPTY, today=TODAY, now=NOW,
                     config_digest=validation.digest, paths=("access",)).plan
    text = plan_markdown.render(plan, validation.files, EMPTY, Messages("en"))
    assert r"- Ann\|e \*bold\* \_x\_ \<script\> (a\_b@…): new account, +rvsq" in text
    assert r"| 06 | GMF \<b\>X\</b\> \| A\_B | 1 |" in text
    assert "<script>" not in text.split("<details>")[0]
    steps = runbook.render(plan, validation.files, EMPTY, Messages("en"))
    assert r"Create an account: Ann\|e \*bold\* \_x\_ \<script\>" in steps
    assert "« Prénom » (first name): `Ann|e *bold* _x_`" in steps  # form values: as typed
    assert "`a_b@example.org`" in steps


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_empty_plan_says_there_is_nothing_to_do(lang: str) -> None:
    plan = Plan(3, "sha256:" + "0" * 64, NOW, ("access",), (), (), ())
    messages = Messages(lang)
    text = plan_markdown.render(plan, [], EMPTY, messages)
    assert messages("plan.no_changes") in text
    assert "|" not in text and "<details>" not in text
    assert messages("runbook.nothing") in runbook.render(plan, [], EMPTY, messages)


# --- the command line -----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["markdown", "runbook"])
def test_plan_command_writes_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        fmt: str) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "access")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    csv = str(REPO / "examples" / "ramq-directory.csv")
    assert run("state", "init").exit_code == 0
    assert run("--lang", "fr", "state", "import-directory", csv).exit_code == 0
    result = run("--lang", "fr", "--no-color", "plan", "--format", fmt)
    assert result.exit_code == 0, result.output
    heading = Messages("fr")("md.title" if fmt == "markdown" else "runbook.title")
    assert heading in result.stdout


# --- the plan view ------------------------------------------------------------------------------
def test_every_kind_carries_its_sign_order_and_words() -> None:
    assert [ACTION_KINDS[name].order for name in KINDS] == list(range(len(KINDS)))
    for kind in ACTION_KINDS.values():
        assert kind.sign in "+-~"
        assert Messages("en").has(kind.words) and Messages("fr").has(kind.words)
    assert {k.name for k in ACTION_KINDS.values() if k.on_establishment} == {
        "create_establishment", "update_establishment"}


def test_the_view_says_what_renderers_would_otherwise_derive(
        scenario: tuple[SQLStore, Planned]) -> None:
    _, planned = scenario
    view = PlanView(planned.plan, planned.files, planned.state)
    every = {a.establishment for a in planned.plan.actions} | {
        b.establishment for b in planned.plan.blocked}
    assert set(view.groups) == every
    ordered = [(g.place.region, g.place.name.casefold()) for g in view.by_place()]
    assert ordered == sorted(ordered)
    released = [a for a in planned.plan.actions if a.releases]
    assert released and all(a.is_removal and a.action == "update_account" for a in released)
    for entry in planned.plan.blocked:
        assert entry.message_params == {**entry.params, "key": entry.username}
    assert view.place("nowhere") == ("nowhere", "?")
    assert set(PLAN_FORMATS) == {"text", "json", "markdown", "runbook"}


def test_the_command_line_offers_exactly_the_formats_the_tables_hold() -> None:
    from reconciler.render import PLAN_FORMAT_NAMES, REPORT_FORMAT_NAMES
    from reconciler.render.formats import PLAN_FORMATS
    from reconciler.render.report_formats import REPORT_FORMATS

    assert tuple(PLAN_FORMATS) == PLAN_FORMAT_NAMES
    assert tuple(REPORT_FORMATS) == REPORT_FORMAT_NAMES
