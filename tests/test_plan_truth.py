"""The plan tells the whole truth: four results a reviewer could not see were wrong.

Each test edits a copy of the example as a representative would, then checks what the text,
JSON and Markdown plans say, and that apply does what the plan said. Every test runs on the
embedded SQLite state and on PostgreSQL (the `state_url` fixture).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import cli, edit, ok
from helpers import plan_json as planned

GMF = Path("access/06/gmf-hill-valley.yaml")
URGENCE = Path("access/03/urgence-chu-de-quebec.yaml")
DOC = "doc.brown@example.org"
# A new entry at the end of the GMF file, whose access ended long ago.
ENDED = f"""\
  - email: {DOC}
    title: docteur
    first_name: Emmett
    last_name: Doc
    profile: personnel-administratif
    services: [rvsq]
    secret_code: {{rotate: "t1"}}
    expires: 2020-01-01
"""

# CE10455 (Emmett Brown) named by its email, with a new email of its own.
EMMETT_BY_EMAIL = """\
  - username: emmettbrown@ramq.gouv.qc.ca
    email: e.brown@example.org
    title: docteur
    first_name: Emmett
    last_name: Brown
    profile: medecin
    professional_number: "1-85012"
    services: [rvsq]
"""


def plan_json(*args: str, cache: bool = True) -> dict[str, Any]:
    """The JSON plan without its time, so that a warm and a cold plan compare equal."""
    data = planned(*args, cache=cache)
    data.pop("created_at")
    return data


def plan_text(*args: str) -> str:
    return ok(cli("plan", *args)).output


def plan_markdown() -> str:
    return ok(cli("plan", "--format", "markdown")).stdout


def warnings(plan: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [w for w in plan["warnings"] if w["code"] == code]


def audited(username: str) -> list[str]:
    """The actions the audit log holds for one account."""
    log = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)
    return [entry["action"] for entry in log if entry["username"] == username]


def line_of(path: Path, text: str) -> int:
    """The line of `path` that holds `text`: where the plan cites an entry."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def add_users(path: Path, entries: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(entries)


# --- 1. a new entry whose access has already ended creates nothing -------------------------
def test_a_new_entry_whose_access_has_ended_creates_nothing(repo: Path) -> None:
    add_users(GMF, ENDED)
    source = f"{GMF.as_posix()}:{line_of(GMF, DOC)}"

    text = plan_text()
    assert DOC not in "".join(line for line in text.splitlines() if line.startswith("  +"))
    assert (f"  {source}: warning[W204] the access of '{DOC}' ended on 2020-01-01: "
            "no account is created\n"
            "      hint: remove the entry, or correct 'expires' if the access goes on.") in text
    plan = plan_json()
    assert DOC not in {a.get("username") for a in plan["actions"]}
    assert plan["summary"]["create_account"] == 7  # the example's own seven, as before
    assert [(w["source"], w["message"]) for w in warnings(plan, "W204")] == [
        (source, f"the access of '{DOC}' ended on 2020-01-01: no account is created")]
    markdown = plan_markdown()
    assert f"- **W204** `{source}`: the access of 'doc.brown@…' ended on 2020-01-01" in markdown
    assert "Emmett Doc" not in markdown  # no line of its own among the changes by person

    # Apply does what the plan said: no account, no code, no email.
    ok(cli("apply", "--auto-approve"), 4)
    assert "error[E123] the state has no account" in ok(cli("state", "show", DOC), 1).output
    assert audited(DOC) == []
    assert not [p for p in Path(".rvsq/outbox").glob("*.eml") if DOC in p.read_text()]
    # Next plan: still nothing to do, still said, the same with and without the cache.
    assert "No changes." in plan_text()
    assert warnings(plan_json(), "W204") and plan_json() == plan_json(cache=False)


def test_an_existing_account_whose_access_has_ended_loses_its_services(repo: Path) -> None:
    ok(cli("apply", "--auto-approve"), 4)
    edit(URGENCE, "expires: \"2027-06-30\"", "expires: 2020-06-30")  # CE20931, a resident
    plan = plan_json()
    assert [(a["action"], a["username"]) for a in plan["actions"]] == [
        ("revoke_services", "CE20931"), ("update_account", "CE20931")]
    assert not warnings(plan, "W204")


def test_as_of_moves_the_day_an_access_ends(repo: Path) -> None:
    add_users(GMF, ENDED.replace("2020-01-01", "2099-12-31"))
    assert f"+ create account {DOC}" in plan_text()
    on_the_day = plan_text("--as-of", "2099-12-31")
    assert f"+ create account {DOC}" not in on_the_day
    assert f"warning[W204] the access of '{DOC}' ended on 2099-12-31" in on_the_day


# --- 2. an entry naming a known account by its email is that account ---------------------
def test_an_entry_naming_a_known_account_by_its_email_is_that_account(repo: Path) -> None:
    edit(GMF, "username: CE10455", "username: emmettbrown@ramq.gouv.qc.ca")
    source = f"{GMF.as_posix()}:{line_of(GMF, 'username: emmettbrown@')}"

    text = plan_text()
    assert "  + grant CE10455 (Emmett Brown): rvsq\n" in text
    assert "has no RAMQ account yet" not in text and "! blocked" not in text
    assert (f"  {source}: warning[W205] 'emmettbrown@ramq.gouv.qc.ca' is the email of the "
            "account 'CE10455': the entry is planned as that account\n"
            "      hint: write 'username: CE10455' in this entry, as the state knows it.") in text
    plan = plan_json()
    assert plan["blocked"] == []
    named = {(a["action"], a.get("username")) for a in plan["actions"]}
    assert {("grant_services", "CE10455"), ("update_account", "CE10455")} <= named
    assert "emmettbrown@ramq.gouv.qc.ca" not in {username for _, username in named}
    [notice] = warnings(plan, "W205")
    assert notice["source"] == source
    assert notice["hint"] == "write 'username: CE10455' in this entry, as the state knows it."
    assert ("- **W205** `" + source + "`: 'emmettbrown@…' is the email of the account "
            "'CE10455': the entry is planned as that account") in plan_markdown()
    french = ok(cli("--lang", "fr", "plan")).output
    assert ("avertissement[W205] «\u00a0emmettbrown@ramq.gouv.qc.ca\u00a0» est le courriel "
            "du compte «\u00a0CE10455\u00a0»\u00a0: l'entrée est planifiée comme ce "
            "compte") in french

    # Apply grants the real account; the next plans neither grant it again nor remove it.
    ok(cli("apply", "--auto-approve"), 4)
    shown = ok(cli("state", "show", "CE10455")).output
    assert "establishment: gmf-hill-valley" in shown and "services: rvsq" in shown
    assert audited("CE10455") == ["grant_services", "update_account"]
    assert audited("emmettbrown@ramq.gouv.qc.ca") == []
    again = plan_text()
    assert "No changes." in again and "warning[W205]" in again
    assert plan_json() == plan_json(cache=False)  # the warm plan says it too


def test_a_warm_plan_finds_an_account_named_by_its_email(repo: Path) -> None:
    """The cache skips the accounts of settled establishments: an account named by its
    email must still be read, here one held by an establishment left out of the input."""
    ok(cli("apply", "--auto-approve"), 4)
    assert "No changes." in plan_text()  # every establishment is settled
    add_users(URGENCE, EMMETT_BY_EMAIL)
    warm = plan_json("access/03")
    assert warm == plan_json("access/03", cache=False)
    assert [(b["code"], b["username"]) for b in warm["blocked"]] == [("B04", "CE10455")]
    assert [w["code"] for w in warm["warnings"]] == ["W205", "W201", "W202"]


def test_an_account_listed_twice_once_by_its_email_is_an_error(repo: Path) -> None:
    # CE10455 stays listed (with a new email); another entry names it by its old email.
    edit(GMF, "email: emmettbrown@ramq.gouv.qc.ca", "email: emmett.brown@example.org")
    add_users(GMF, EMMETT_BY_EMAIL)
    listed = f"{GMF.as_posix()}:{line_of(GMF, 'username: CE10455')}"
    alias = f"{GMF.as_posix()}:{line_of(GMF, 'username: emmettbrown@')}:"
    result = ok(cli("plan"), 1)
    assert alias in result.output
    assert ("error[E071] 'emmettbrown@ramq.gouv.qc.ca' is the email of the account 'CE10455', "
            f"which is also listed in {listed}\n") in result.output
    assert "hint: keep one entry for this account, with 'username: CE10455'." in result.output


def test_a_new_entry_with_a_known_email_is_still_blocked(repo: Path) -> None:
    """Without a username the file asks for a new account: taking over the existing one
    would change who holds its keys (rule K), so the representative writes it (B03)."""
    add_users(GMF, """\
  - email: biff.tannen@example.org
    title: monsieur
    first_name: Biff
    last_name: Tannen
    profile: personnel-administratif
    services: [rvsq]
""")
    [blocked] = plan_json()["blocked"]
    assert (blocked["code"], blocked["username"]) == ("B03", "biff.tannen@example.org")
    assert blocked["hint"].startswith("write 'username: CE55120'")


# --- 3. W202 leaves out the accounts the plan adopts ---------------------------------------
def test_accounts_the_plan_adopts_are_not_said_to_belong_to_no_establishment(repo: Path
                                                                             ) -> None:
    # The directory has five accounts; the example adopts four of them.
    expected = "1 account in the state belongs to no establishment (CE55120)"
    assert f"warning[W202] {expected}\n" in plan_text()
    assert [w["message"] for w in warnings(plan_json(), "W202")] == [expected]
    assert f"- **W202**: {expected}" in plan_markdown()
    ok(cli("apply", "--auto-approve"), 4)
    assert f"warning[W202] {expected}\n" in plan_text()
    add_users(GMF, """\
  - username: CE55120
    email: biff.tannen@example.org
    title: monsieur
    first_name: Biff
    last_name: Tannen
    profile: personnel-administratif
    services: [rvsq]
""")
    text = plan_text()
    assert "+ grant CE55120 (Biff Tannen): rvsq" in text and "W202" not in text
    assert warnings(plan_json(), "W202") == []


# --- 4. one blocked request, one entry ------------------------------------------------------
def test_a_blocked_request_is_listed_once(repo: Path) -> None:
    ok(cli("apply", "--auto-approve"), 4)
    edit(GMF, '    professional_number: "1-85012"\n',  # CE10455, a physician: rule K
         '    professional_number: "1-85012"\n    secret_code: {rotate: "t1"}\n'
         '    password_reset: {requested: "r1"}\n')
    validated = ok(cli("validate")).output  # no state: validate foresees the block
    assert "warning[W102]" in validated and "warning[W103]" in validated

    text = plan_text()
    assert text.count("! blocked CE10455") == 2
    assert "W102" not in text and "W103" not in text
    plan = plan_json()
    assert sorted(b["code"] for b in plan["blocked"]) == ["B05", "B06"]
    assert not warnings(plan, "W102") and not warnings(plan, "W103")
    markdown = plan_markdown()
    assert "### Blocked (2)" in markdown and "W102" not in markdown and "W103" not in markdown

    result = ok(cli("apply", "--auto-approve"), 4)  # the creation emails wait: 4 wins over 3
    assert "2 entries remain blocked" in result.output
    assert audited("CE10455") == ["grant_services", "update_account"]  # the first apply only


def test_a_request_already_carried_out_is_not_said_to_be_blocked(repo: Path) -> None:
    """A token recorded when the account was made, then a profile whose keys the
    representative does not hold: the plan asks for nothing, so it warns of nothing."""
    edit(GMF, "    profile: personnel-administratif\n    services: [rvsq]\n",  # Georges
         "    profile: personnel-administratif\n    services: [rvsq]\n"
         "    secret_code: {rotate: \"t1\"}\n")
    ok(cli("apply", "--auto-approve"), 4)
    edit(GMF, "  - email: georgemacfly@ramq.gouv.qc.ca\n",
         "  - username: georgemacfly@ramq.gouv.qc.ca\n    email: georgemacfly@ramq.gouv.qc.ca\n")
    edit(GMF, "    profile: personnel-administratif\n    services: [rvsq]\n",
         "    profile: medecin\n    professional_number: \"1-24680\"\n    services: [rvsq]\n")
    assert "warning[W102]" in ok(cli("validate")).output
    plan = plan_json()
    assert [(a["action"], a["username"]) for a in plan["actions"]] == [
        ("update_account", "georgemacfly@ramq.gouv.qc.ca")]
    assert plan["blocked"] == [] and not warnings(plan, "W102")


def test_a_request_of_an_entry_blocked_otherwise_is_still_foreseen(repo: Path) -> None:
    """A physician with no account yet (B01) who asks for a code: the plan cannot judge
    the request, so the validation warning stays."""
    edit(GMF, "username: CE10455", "username: CE99999")
    edit(GMF, '    professional_number: "1-85012"\n',
         '    professional_number: "1-85012"\n    secret_code: {rotate: "t1"}\n')
    plan = plan_json()
    assert [(b["code"], b["username"]) for b in plan["blocked"]] == [("B01", "CE99999")]
    assert [w["message"] for w in warnings(plan, "W102")] == [
        "the representative cannot regenerate the secret code of 'CE99999'"]
