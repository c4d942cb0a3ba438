"""The plan foresees apply's refusals: what would make apply refuse the whole plan before
changing anything is in every plan a reviewer reads, and apply refuses with the same code
and message. Through the CLI, on SQLite and PostgreSQL (CliRunner is not a terminal, as
in CI).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from golden_files import assert_golden
from helpers import cli, edit, example_repository, ok, remove_user, sqlite_only
from helpers import plan_json as planned

from reconciler.catalog import Messages
from reconciler.planning.planner import Plan, Refusal
from reconciler.records import EMPTY
from reconciler.render import plan_markdown

GMF = Path("access/06/gmf-hill-valley.yaml")
NEW = Path("access/06/clinique-nouvelle.yaml")
AS_OF = ("--as-of", "2026-11-26")  # the warnings, hence the goldens, depend on the day
NEW_ESTABLISHMENT = """\
version: 1
establishment:
  id: clinique-nouvelle
  name: Clinique Nouvelle
  region: "06"
  type: clinique
representative:
  name: Rose Tremblay
  email: rose.tremblay@clinique-nouvelle.example
users:
  - email: anne.gagnon@clinique-nouvelle.example
    title: madame
    first_name: Anne
    last_name: Gagnon
    profile: personnel-administratif
    services: [rvsq]
    reviewed: 2026-11-01
"""


def after_the_state_line(text: str) -> str:
    """The text plan without its first line (the state it read) and the blank after it."""
    first, blank, rest = text.split("\n", 2)
    assert first.startswith(("State: ", "État\u00a0: ")) and blank == "", text
    return rest


def plan_json(*options: str) -> dict[str, Any]:
    return planned(*AS_OF, *options)


def refusals(*options: str) -> list[tuple[str, str | None, dict[str, Any]]]:
    return [(r["code"], r["establishment"], r["params"]) for r in plan_json(*options)["refusals"]]


def serial() -> int:
    return plan_json()["state"]["serial"]


def apply_all() -> None:
    ok(cli("apply", "--auto-approve"), 4)


def close_gmf() -> None:
    """`retired: true` and `users: []`: every account it owns goes (4 of 4)."""
    text = GMF.read_text(encoding="utf-8")
    GMF.write_text(text[: text.index("users:")].replace("  type: gmf\n",
                   "  type: gmf\n  retired: true\n") + "users: []\n", encoding="utf-8")


def before(text: str, first: str, then: str) -> bool:
    return first in text and then in text and text.index(first) < text.index(then)


# --- a new establishment without age_recipient (E114) -----------------------------------
def test_a_new_establishment_without_recipient_is_refused_in_every_format(repo: Path) -> None:
    NEW.write_text(NEW_ESTABLISHMENT, encoding="utf-8")
    message = ("'clinique-nouvelle' would get 1 new secret code but has no 'age_recipient': "
               "without a terminal (as in CI), apply refuses to issue them")

    text = after_the_state_line(ok(cli("plan", *AS_OF)).stdout)
    assert text.startswith("Apply would refuse this plan, and change nothing:\n"
                           f"  error[E114] {message}\n"
                           "      hint: add the representative's age public key (from "
                           "'age-keygen') as 'age_recipient' under 'representative', or apply "
                           "from a terminal, where each code is shown once.\n\nEstablishment ")
    assert text.rstrip().endswith("Apply would refuse this plan: 1 refusal, listed at the top.")

    markdown = ok(cli("plan", "--format", "markdown", *AS_OF)).stdout
    assert "### Apply would refuse this plan (1)\n\n" in markdown
    assert f"- **E114**: {message}\n  - Hint: add the representative" in markdown
    assert before(markdown, "### Apply would refuse", "### Changes by person")

    [refusal] = plan_json()["refusals"]
    assert refusal == {
        "code": "E114", "establishment": "clinique-nouvelle",
        "params": {"count": 1, "establishment": "clinique-nouvelle"}, "message": message,
        "hint": Messages("en").hint("E114", _hint="plan")}
    assert after_the_state_line(ok(cli("plan", "--detailed-exitcode"), 1).stdout).startswith(
        "Apply would refuse")

    # The merge-time apply stops every establishment's changes, and says why.
    at = serial()
    result = ok(cli("apply", "--auto-approve"), 1)
    assert result.stderr.startswith(f"error[E114] {message}\n")
    assert "Nothing was changed." in result.stderr
    assert serial() == at
    # With the key, the same plan goes through.
    edit(NEW, "  email: rose.tremblay@clinique-nouvelle.example\n",
         "  email: rose.tremblay@clinique-nouvelle.example\n  age_recipient: "
         + re.search(r"age1\w+", GMF.read_text(encoding="utf-8")).group(0) + "\n")
    assert refusals() == []
    ok(cli("plan", "--detailed-exitcode"), 2)
    apply_all()


def test_a_portal_mode_site_needs_no_recipient(repo: Path) -> None:
    """The portal issues its codes: without an age key, nothing is refused, and apply
    records a portal task instead of a code (ARCHITECTURE §11)."""
    NEW.write_text(NEW_ESTABLISHMENT.replace("  type: clinique\n",
                                             "  type: clinique\n  mode: portal\n"),
                   encoding="utf-8")
    assert refusals() == []
    ok(cli("apply", "--auto-approve"), 4)  # the register-mode sites' emails wait
    [task] = json.loads(ok(cli("tasks", "list", "--establishment", "clinique-nouvelle",
                               "--format", "json")).stdout)["tasks"]
    assert task["action"] == "create_account"
    assert not list(Path(".rvsq/codes").glob("*-clinique-nouvelle.age"))


# --- closing a site (E113) and the per-run limit (E112) ----------------------------------
def test_closing_a_site_over_the_guard_is_refused_unless_allowed(repo: Path) -> None:
    apply_all()
    close_gmf()
    message = ("the plan removes 4 of the 4 accounts of 'gmf-hill-valley', more than the 3 "
               "one run may remove without --allow-mass-delete (a quarter of an "
               "establishment's accounts, or 3)")
    assert refusals() == [("E113", "gmf-hill-valley", {
        "count": 4, "total": 4, "limit": 3, "establishment": "gmf-hill-valley"})]
    assert f"  error[E113] {message}\n" in ok(cli("plan", *AS_OF)).stdout
    markdown = ok(cli("plan", "--format", "markdown", *AS_OF)).stdout
    assert f"- **E113**: {message}\n  - Hint: check that these removals are intended" in markdown
    runbook = ok(cli("plan", "--format", "runbook", *AS_OF)).stdout
    assert before(runbook, "## Caution: many removals", "## GMF Hill Valley")
    assert f"- {message[0].upper()}{message[1:]}.\n" in runbook
    report = ok(cli("report")).stdout  # today's: a day gone by would be rebuilt, with no plan
    assert before(report, "### Apply would refuse this plan", "### Summary")
    ok(cli("plan", "--detailed-exitcode"), 1)

    at = serial()
    result = ok(cli("apply", "--auto-approve"), 1)
    assert result.stderr.startswith(f"error[E113] {message}\n")
    assert serial() == at

    # The flag apply will be given: no refusal in any format, and the changes (2) show.
    assert refusals("--allow-mass-delete") == []
    for fmt in ("text", "markdown", "runbook"):
        out = ok(cli("plan", "--format", fmt, "--allow-mass-delete")).stdout
        assert "refuse" not in out and "E113" not in out and "many removals" not in out
    ok(cli("plan", "--allow-mass-delete", "--detailed-exitcode"), 2)
    ok(cli("apply", "--auto-approve", "--allow-mass-delete"), 4)
    ok(cli("plan", "--detailed-exitcode"), 0)


def test_more_removals_than_max_deletes(repo: Path) -> None:
    apply_all()
    for person in ("georgemacfly", "martinmacfly", "lorrainebainesmacfly"):
        remove_user(GMF, f"email: {person}@ramq.gouv.qc.ca")
    assert refusals() == []  # 3 removals: under the default 10, and 3 of a site is allowed
    assert refusals("--max-deletes", "3") == []
    assert refusals("--max-deletes", "2") == [("E112", None, {"count": 3, "limit": 2})]
    assert ("error[E112] the plan removes 3 accounts, more than the limit of 2 per run "
            "(--max-deletes)\n      hint: check the plan; if it is right, run apply (and plan) "
            "with --max-deletes 3 or --allow-mass-delete.") in ok(
        cli("plan", "--max-deletes", "2")).stdout
    ok(cli("plan", "--max-deletes", "2", "--detailed-exitcode"), 1)
    assert refusals("--max-deletes", "2", "--allow-mass-delete") == []
    ok(cli("apply", "--auto-approve", "--max-deletes", "2"), 1)
    ok(cli("apply", "--auto-approve", "--max-deletes", "3"), 4)


# --- plan and apply agree ------------------------------------------------------------------
class Case(NamedTuple):
    name: str
    edits: tuple[str, ...]  # names of the edits below, made after the first apply
    options: tuple[str, ...]  # given to both plan and apply
    expected: tuple[str, ...]  # the refusals' codes, in order
    environment: tuple[tuple[str, str], ...] = ()  # variables set for both


def _edit(name: str) -> None:
    if name == "close":
        close_gmf()
    elif name == "new":
        NEW.write_text(NEW_ESTABLISHMENT, encoding="utf-8")
    elif name == "remove":
        for person in ("georgemacfly", "martinmacfly"):
            remove_user(GMF, f"email: {person}@ramq.gouv.qc.ca")
    elif name == "rotate":
        edit(GMF, "    reviewed: \"2026-05-01\"\n",
             "    reviewed: \"2026-05-01\"\n    secret_code: {rotate: \"new\"}\n")
    elif name == "bad-key":  # a well-formed key whose checksum is wrong
        text = GMF.read_text(encoding="utf-8")
        key = re.search(r"age1\w+", text).group(0)
        GMF.write_text(text.replace(key, key[:-1] + ("q" if key[-1] != "q" else "p")),
                       encoding="utf-8")
    else:
        raise AssertionError(name)


CASES = [
    Case("nothing", ("remove",), (), ()),
    Case("per run", ("remove",), ("--max-deletes", "1"), ("E112",)),
    Case("per site", ("close",), (), ("E113",)),
    Case("per run and per site", ("close",), ("--max-deletes", "3"), ("E112", "E113")),
    Case("allowed", ("close",), ("--max-deletes", "0", "--allow-mass-delete"), ()),
    Case("no recipient", ("new",), (), ("E114",)),
    Case("everything", ("close", "new"), ("--max-deletes", "2"),
         ("E112", "E113", "E114", "E133"), (("RVSQ_SMTP_URL", "http://x"),)),
    Case("bad recipient", ("rotate", "bad-key"), (), ("E120",)),
    Case("bad mail server", (), (), ("E133",), (("RVSQ_SMTP_URL", "smtp://host:port"),)),
    Case("bad change reference", ("remove",), ("--max-deletes", "1"), ("E143", "E112"),
         (("RVSQ_CHANGE_REF", "PR\t12"),)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_apply_refuses_with_the_first_refusal_the_plan_shows(
        repo: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    apply_all()
    for name in case.edits:
        _edit(name)
    for variable, value in case.environment:
        monkeypatch.setenv(variable, value)
    planned = plan_json(*case.options)["refusals"]
    assert tuple(r["code"] for r in planned) == case.expected
    text = ok(cli("plan", *case.options, "--detailed-exitcode"), 1 if planned else 2).stdout
    assert all(f"error[{r['code']}] {r['message']}\n" in text for r in planned)
    ok(cli("plan", "--out", "plan.json", *case.options))

    at = serial()
    result = cli("apply", "--auto-approve", *case.options)
    if not planned:
        assert result.exit_code == 4, result.output  # applied; the creation emails wait
        return
    saved = cli("apply", "--plan", "plan.json", "--auto-approve", *case.options)
    first = planned[0]
    for refused in (result, saved):
        ok(refused, 1)
        assert refused.stderr.startswith(f"error[{first['code']}] {first['message']}\n")
        assert "Nothing was changed." in refused.stderr or first["code"] in ("E120", "E133")
    assert serial() == at
    # What the apply showed before it refused: every refusal the plan listed.
    assert all(f"error[{r['code']}] {r['message']}\n" in result.stdout for r in planned)


def test_a_saved_plan_with_refusals_is_read_and_apply_finds_its_own(repo: Path) -> None:
    apply_all()
    close_gmf()
    ok(cli("plan", "--out", "plan.json"))
    saved = json.loads(Path("plan.json").read_text(encoding="utf-8"))
    assert [r["code"] for r in saved["refusals"]] == ["E113"]
    # Made without the flag, applied with it: the saved refusal does not bind apply.
    ok(cli("apply", "--plan", "plan.json", "--allow-mass-delete"), 4)
    ok(cli("plan", "--detailed-exitcode"), 0)


# --- the Markdown comment's budget ----------------------------------------------------------
def _plan_with(count: int) -> Plan:
    refused = tuple(Refusal("E114", f"clinique-{i:04d}", {"count": 2,
                                                        "establishment": f"clinique-{i:04d}"})
                    for i in range(count))
    return Plan(3, "sha256:" + "0" * 64, "2026-11-26T12:00:00Z", ("access",), (), (), (),
                refusals=refused)


@sqlite_only
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_refusals_are_never_cut_for_the_rest_of_the_comment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_url: str, lang: str) -> None:
    """3,000 new accounts in an establishment without a key: the comment is cut, its
    refusal is not."""
    monkeypatch.chdir(tmp_path)
    example_repository(tmp_path)
    users = "".join(
        f"  - email: user{i:05d}@example.org\n    title: madame\n    first_name: Prénom{i}\n"
        f"    last_name: Nom-de-famille-assez-long{i}\n    profile: personnel-administratif\n"
        "    services: [rvsq, rvsq-reorientation-clinique]\n" for i in range(3000))
    NEW.write_text(NEW_ESTABLISHMENT.split("users:\n")[0] + "users:\n" + users, encoding="utf-8")
    text = ok(cli("--lang", lang, "plan", "--format", "markdown", *AS_OF)).stdout
    messages = Messages(lang)
    assert len(text) <= plan_markdown.LIMIT
    assert messages("md.truncated", count=0).split(":")[0] in text  # it was cut
    assert f"### {messages('plan.refusal.md', count=1)}" in text
    assert messages("E114", count=3000, establishment="clinique-nouvelle") in text


def test_hundreds_of_refusals_still_fit_in_a_comment() -> None:
    messages = Messages("en")
    few = plan_markdown.render(_plan_with(3), [], EMPTY, messages)
    assert few.count("- **E114**") == 3 and "left out" not in few
    many = plan_markdown.render(_plan_with(2000), [], EMPTY, messages)
    assert len(many) <= plan_markdown.LIMIT
    assert "### Apply would refuse this plan (2000)" in many
    kept = many.count("- **E114**")
    assert 10 < kept < 2000
    assert f"- _… {2000 - kept} more lines left out_" in many


# --- the option's help and the French plan ----------------------------------------------------
def test_plan_help_names_the_guard_options_and_the_exit_code() -> None:
    out = ok(cli("plan", "--help")).stdout
    assert "--max-deletes" in out and "--allow-mass-delete" in out
    assert "Exit 1 when apply would refuse the plan" in " ".join(out.split())


def test_the_french_plan(repo: Path) -> None:
    apply_all()
    close_gmf()
    text = after_the_state_line(ok(cli("--lang", "fr", "plan", *AS_OF)).stdout)
    assert text.startswith("La commande apply refuserait ce plan, sans rien changer\u00a0:\n"
                           "  erreur[E113] le plan retire 4 des 4 comptes de "
                           "«\u00a0gmf-hill-valley\u00a0», plus que les 3 qu'une exécution "
                           "peut retirer sans --allow-mass-delete (le quart des comptes d'un "
                           "établissement, ou 3)\n      conseil\u00a0: vérifiez que ces "
                           "retraits sont voulus")
    assert "La commande apply refuserait ce plan\u00a0: 1 refus, énuméré en haut." in text


# --- golden: the whole Markdown comment with every kind of guard refusal -----------------------
@sqlite_only
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_golden_markdown(repo: Path, lang: str) -> None:
    apply_all()
    close_gmf()
    NEW.write_text(NEW_ESTABLISHMENT, encoding="utf-8")
    text = ok(cli("--lang", lang, "plan", "--format", "markdown", "--max-deletes", "3",
                  *AS_OF)).stdout
    state = plan_json()["state"]
    assert_golden(f"refusals.{lang}.md", text, state_location=state["location"],
                  state_id=state["id"])
