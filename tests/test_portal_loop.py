"""The whole loop at a site that works by hand in RAMQ's portal (issue 18, item 5), on
SQLite and PostgreSQL: review the plan, apply (no code, no email), list the tasks, carry
them out from the runbook, confirm part of them with a partly done export of the portal
(one account the files do not declare is drift: exit 2), confirm the rest by hand, and end
with `plan` and `drift` both clean.

The example repository's emergency department (`access/03/urgence-chu-de-quebec.yaml`) is
in portal mode; its representative's export is written here as a French Excel saves it.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import cli, ok

SITE = "urgence-chu-de-quebec"
SOPHIE, MARC = "sophie.gagnon@chudequebec.ca", "marc-andre.cote@chudequebec.ca"
NATHALIE, OLIVIER = "IELP20417", "CE20931"
RVSQ = "Rendez-vous santé Québec"
HOSPITAL = f"{RVSQ} – Réorientation d'un patient d'un hôpital vers une clinique"
HEADER = ("Nom", "Prénom", "Nom d'utilisateur", RVSQ, HOSPITAL)


def _export(name: str, rows: list[tuple[str, ...]]) -> str:
    """As a French Excel saves the portal's list: semicolons, Windows-1252."""
    text = "\r\n".join(";".join(cells) for cells in (HEADER, *rows)) + "\r\n"
    Path(name).write_bytes(text.encode("cp1252"))
    return name


def _open_tasks() -> list[dict]:
    return json.loads(ok(cli("tasks", "list", "--format", "json")).stdout)["tasks"]


def _audit(action: str) -> list[dict]:
    return json.loads(ok(cli("audit", "log", "--action", action, "--format", "json")).stdout)


def test_a_portal_site_runs_the_whole_loop(repo: Path) -> None:
    # Review: the plan says the site's changes are carried out by hand.
    plan = ok(cli("plan")).stdout
    assert "By hand in RAMQ's portal: apply records 6 portal tasks" in plan

    # Apply: the state changes and the tasks are recorded; no code, no email for the site
    # (exit 4: the register-mode sites' creation emails wait).
    applied = ok(cli("apply", "--auto-approve"), 4)
    assert "6 portal tasks recorded" in applied.stdout
    assert not list(Path(".rvsq/codes").glob(f"*-{SITE}.age"))
    outbox = ok(cli("outbox", "list", "--format", "json")).stdout
    assert SOPHIE not in outbox and MARC not in outbox
    created = [e for e in _audit("create_account") if e["establishment"] == SITE]
    assert sorted(e["username"] for e in created) == [MARC, SOPHIE]
    assert {e["fields"]["code"] for e in created} == {"portal"}

    # The tasks, and the runbook a representative follows in the portal.
    tasks = _open_tasks()
    assert len(tasks) == 6 and {t["establishment"] for t in tasks} == {SITE}
    runbook = ok(cli("tasks", "list", "--format", "runbook", "--lang", "fr")).stdout
    assert "«\u00a0Ajouter un utilisateur\u00a0»" in runbook and "rvsq-access tasks done" in runbook
    assert "Gagnon" in runbook and "Côté" in runbook

    # A partly done export: Sophie added, Olivier given RVSQ; Marc-André and Nathalie not
    # yet; an account nobody declared is listed.
    partly = _export("portail-partiel.csv", [
        ("Gagnon", "Sophie", SOPHIE, "", "oui"),
        ("Roy", "Olivier", OLIVIER, "oui", ""),
        ("Tremblay", "Jean", "jean.tremblay@chudequebec.ca", "oui", ""),
    ])
    drift = ok(cli("drift", partly, "--establishment", SITE, "--format", "json"), 2)
    found = json.loads(drift.stdout)
    assert not found["in_step"]
    [site] = found["establishments"]
    confirmed = {(t["action"], t["username"]) for t in site["confirmed"]}
    assert confirmed == {("create_account", SOPHIE), ("grant_services", OLIVIER),
                         ("update_account", OLIVIER)}
    assert {t["username"] for t in site["waiting"]} == {MARC, NATHALIE}
    assert [(a["kind"], a["username"]) for a in site["drift"]] == [
        ("orphan", "jean.tremblay@chudequebec.ca")]
    assert {e["fields"]["how"] for e in _audit("confirm_task")} == {"export"}

    # The rest, confirmed by hand once done in the portal.
    rest = _open_tasks()
    assert {t["username"] for t in rest} == {MARC, NATHALIE}
    done = ok(cli("tasks", "done", *(str(t["id"]) for t in rest), "--note",
                  "fait dans le portail le 2 décembre"))
    assert done.exit_code == 0 and _open_tasks() == []
    by_hand = [e for e in _audit("confirm_task") if e["fields"]["how"] == "hand"]
    assert len(by_hand) == 3
    assert {e["fields"]["note"] for e in by_hand} == {"fait dans le portail le 2 décembre"}

    # The portal now lists everyone, and the orphan was removed there: both clean.
    whole = _export("portail.csv", [
        ("Gagnon", "Sophie", SOPHIE, "", "oui"),
        ("Côté", "Marc-André", MARC, "", "oui"),
        ("Bélanger", "Nathalie", NATHALIE, "", "oui"),
        ("Roy", "Olivier", OLIVIER, "oui", ""),
    ])
    clean = ok(cli("drift", whole, "--establishment", SITE), 0)
    assert "In step" in clean.stdout
    assert json.loads(ok(cli("plan", "--format", "json")).stdout)["actions"] == []
    assert len(_audit("confirm_task")) == 6  # each task confirmed once
