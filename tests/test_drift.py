"""`rvsq-access drift`: the portal's export against the state, on SQLite and PostgreSQL.

A portal-mode site (GMF Hill Valley) is applied: its changes wait as portal tasks. Exports
written here as a representative would save them (a French Excel's semicolons, Windows-1252
and the portal's labels; an English one's commas, UTF-8 with a byte order mark) confirm
the tasks they show done, and list what drifts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import REPO, cli, edit, ok

from reconciler.clock import iso, utc_now
from reconciler.history.replay import replay
from reconciler.store import open_store, state_location

GMF = Path("access/06/gmf-hill-valley.yaml")
EMMETT, GEORGE = "CE10455", "georgemacfly@ramq.gouv.qc.ca"
LORRAINE, MARTIN = "lorrainebainesmacfly@ramq.gouv.qc.ca", "martinmacfly@ramq.gouv.qc.ca"
JULIE = "julie.bouchard@ciusss-capitalenationale.gouv.qc.ca"
FRANCOIS = "francois.pelletier@ciusss-capitalenationale.gouv.qc.ca"
RVSQ, ORIENT = "Rendez-vous santé Québec", ("Rendez-vous santé Québec – Réorientation d'un "
                                            "patient d'une clinique vers une autre")


@pytest.fixture
def portal_site(repo: Path) -> Path:
    """The example applied with GMF Hill Valley in portal mode: five open tasks there."""
    edit(GMF, "  type: gmf\n", "  type: gmf\n  mode: portal\n")
    ok(cli("apply", "--auto-approve"), 4)  # the register-mode sites' emails wait
    return repo


def _french_export(path: Path, rows: list[tuple[str, ...]]) -> Path:
    """As a French Excel saves it: semicolons, Windows-1252, the portal's words."""
    header = ("Nom", "Prénom", "Nom d'utilisateur", RVSQ, f"{RVSQ} – 811", ORIENT)
    text = "\r\n".join(";".join(cells) for cells in (header, *rows)) + "\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path


def _english_export(path: Path, rows: list[tuple[str, ...]]) -> Path:
    """Commas, UTF-8 with a byte order mark, English headers and service ids."""
    header = ("last_name", "first_name", "username", "Establishment", "rvsq", "rvsq-811",
              "rvsq-reorientation-clinique")
    text = "\n".join(",".join(cells) for cells in (header, *rows)) + "\n"
    path.write_bytes(text.encode("utf-8-sig"))
    return path


ALL_DONE = [("Brown", "Emmett", EMMETT, "oui", "", ""),
            ("MacFly", "Georges", GEORGE, "x", "non", ""),
            ("Baines MacFly", "Lorraine", LORRAINE, "X", "", "1"),
            ("MacFly", "Martin", MARTIN.upper(), "Oui", "0", "oui")]  # any case


def _audit(action: str) -> list[dict]:
    return json.loads(ok(cli("audit", "log", "--action", action, "--format", "json")).stdout)


def _how(entry: dict) -> tuple[str, str]:
    return entry["fields"]["how"], entry["fields"]["source"]


def test_an_export_in_step_confirms_every_task_and_exits_0(portal_site: Path) -> None:
    export = _french_export(Path("portail.csv"), ALL_DONE)
    result = ok(cli("drift", "portail.csv", "--establishment", "gmf-hill-valley"), 0)
    assert "5 tasks the portal shows done, now confirmed:" in result.stdout
    assert "In step: the portal shows what the state holds." in result.stdout
    assert "read as Windows-1252" in result.stderr
    entries = _audit("confirm_task")
    assert len(entries) == 5
    assert {_how(e) for e in entries} == {("export", "portail.csv")}
    again = ok(cli("drift", str(export), "--establishment", "gmf-hill-valley",
                   "--format", "json"), 0)
    data = json.loads(again.stdout)
    assert data["in_step"] and data["confirmed"] == 0 and data["waiting"] == 0
    assert len(_audit("confirm_task")) == 5  # nothing confirmed twice
    plan = json.loads(ok(cli("plan", "--format", "json")).stdout)
    assert plan["actions"] == []


PARTLY = [("MacFly", "Georges", GEORGE, "gmf-hill-valley", "1", "", ""),
          ("Baines MacFly", "Lorraine", LORRAINE, "gmf-hill-valley", "yes", "yes", "true"),
          ("Tannen", "Biff", "biff@example.org", "gmf-hill-valley", "x", "", ""),
          ("Morin", "Chantal", "IP40562", "info-sante-811-capitale-nationale", "", "✓", ""),
          ("Pelletier", "François", FRANCOIS, "info-sante-811-capitale-nationale", "", "x",
           "")]


def test_a_partly_done_export_confirms_what_it_shows_and_reports_drift(
        portal_site: Path) -> None:
    _english_export(Path("portal.csv"), PARTLY)
    result = ok(cli("drift", "portal.csv"), 2)
    out = result.stdout
    assert "2 tasks the portal shows done, now confirmed:" in out
    assert "3 tasks the portal does not show done yet:" in out
    assert ("+ biff@example.org (Biff Tannen), line 4: listed in the portal; no access file "
            "declares it here") in out
    assert f"- {JULIE} (Julie Bouchard): declared, not listed in the portal" in out
    assert (f'~ {LORRAINE} (Lorraine Baines MacFly), line 3: services: state "rvsq, '
            f'rvsq-reorientation-clinique", portal "rvsq, rvsq-811, '
            f'rvsq-reorientation-clinique"') in out
    assert "Drift: 2 tasks confirmed, 3 waiting, 3 accounts differ." in out
    assert "Windows-1252" not in result.stderr
    confirmed = _audit("confirm_task")
    assert sorted(e["username"] for e in confirmed) == [GEORGE, LORRAINE]
    assert {_how(e) for e in confirmed} == {("export", "portal.csv")}
    # JSON: machine names, the same findings; nothing confirmed twice.
    data = json.loads(ok(cli("drift", "portal.csv", "--format", "json"), 2).stdout)
    assert data["source"] == "portal" and data["services_compared"] and not data["in_step"]
    places = {p["id"]: p for p in data["establishments"]}
    assert set(places) == {"gmf-hill-valley", "info-sante-811-capitale-nationale"}
    gmf = places["gmf-hill-valley"]
    assert gmf["confirmed"] == [] and len(gmf["waiting"]) == 3
    assert {(a["kind"], a["username"]) for a in gmf["drift"]} == {
        ("orphan", "biff@example.org"), ("differs", LORRAINE)}
    lorraine = next(a for a in gmf["drift"] if a["username"] == LORRAINE)
    assert lorraine["differences"] == [{
        "field": "services", "state": ["rvsq", "rvsq-reorientation-clinique"],
        "portal": ["rvsq", "rvsq-811", "rvsq-reorientation-clinique"]}]
    assert [(a["kind"], a["username"]) for a in
            places["info-sante-811-capitale-nationale"]["drift"]] == [("missing", JULIE)]
    # Markdown: the same, inert.
    md = ok(cli("drift", "portal.csv", "--format", "markdown"), 2).stdout
    assert md.startswith("## What the portal shows (portal.csv) compared with the state")
    assert "### Establishment gmf-hill-valley (GMF Hill Valley)" in md
    assert "- `+` biff@… (Biff Tannen), line 4" in md
    assert "**Drift: 0 tasks confirmed, 3 waiting, 3 accounts differ.**" in md


def test_french_output_says_no_english(portal_site: Path) -> None:
    _english_export(Path("portal.csv"), PARTLY)
    out = ok(cli("--lang", "fr", "drift", "portal.csv"), 2).stdout.replace("\u00a0", " ")
    assert "2 tâches que le portail montre faites, maintenant confirmées :" in out
    assert "listé dans le portail ; aucun fichier d'accès ne le déclare ici" in out
    assert "services : état" in out and " the " not in out


def test_adopt_records_the_portal_and_the_next_plan_shows_what_the_files_ask(
        portal_site: Path, state_url: str) -> None:
    _english_export(Path("portal.csv"), PARTLY)
    result = ok(cli("drift", "portal.csv", "--adopt"), 0)
    assert "Adopted what the portal shows for 3 accounts (audited)" in result.stdout
    adopted = {e["username"]: e for e in _audit("adopt_portal")}
    assert set(adopted) == {"biff@example.org", LORRAINE, JULIE}
    assert adopted[JULIE]["fields"]["source"] == "portal.csv"
    assert adopted[JULIE]["fields"]["changes"] == {
        "establishment": {"old": "info-sante-811-capitale-nationale", "new": None}}
    state = ok(cli("state", "show", "biff@example.org")).stdout
    assert "gmf-hill-valley" in state and "rvsq" in state
    plan = json.loads(ok(cli("plan", "--format", "json")).stdout)
    asked = {(a["action"], a.get("username"), tuple(a.get("services", ())))
             for a in plan["actions"]}
    assert ("revoke_services", LORRAINE, ("rvsq-811",)) in asked  # the files never asked
    assert ("revoke_services", "biff@example.org", ("rvsq",)) in asked  # no file declares
    assert ("grant_services", JULIE, ("rvsq-811",)) in asked  # the file still asks for her
    # The adopted state is what drift now finds, but for the tasks still open.
    again = json.loads(ok(cli("drift", "portal.csv", "--format", "json"), 0).stdout)
    assert again["in_step"] and again["waiting"] == 3
    # The log alone rebuilds the state adopt wrote (history/replay.py).
    store = open_store(state_location(state_url), iso(utc_now()))
    try:
        live, entries = store.snapshot(history=True), store.audit_entries()
    finally:
        store.close()
    rebuilt = replay(entries, "9999-01-01T00:00:00Z").state
    assert (rebuilt.serial, rebuilt.accounts, rebuilt.establishments) == (
        live.serial, live.accounts, live.establishments)
    listed = ok(cli("state", "list")).stdout
    assert ok(cli("state", "list", "--as-of", "2999-01-01")).stdout.endswith(
        listed.split("\n", 1)[1])


def test_adopt_refuses_an_account_it_could_not_reach(portal_site: Path) -> None:
    _english_export(Path("portal.csv"), [("Doe", "Jane", "CE99999", "gmf-hill-valley", "x",
                                          "", "")])
    result = ok(cli("drift", "portal.csv", "--adopt"), 1)
    assert "error[E238]" in result.output and "line 2" in result.output
    assert _audit("adopt_portal") == []


def test_bad_rows_are_located_and_nothing_is_compared(portal_site: Path) -> None:
    _english_export(Path("bad.csv"), [
        ("MacFly", "Georges", GEORGE, "gmf-hill-valley", "x", "", ""),
        ("Doe", "Jane", "not a username!", "gmf-hill-valley", "", "", ""),
        ("Doe", "John", "john@example.org", "gmf-hill-valley", "maybe", "", ""),
        ("Roe", "Ann", "ann@example.org", "gmf-nowhere", "", "", ""),
        ("MacFly", "Georges", GEORGE.upper(), "gmf-hill-valley", "", "", "")])
    result = ok(cli("drift", "bad.csv"), 1)
    for code, line in (("E231", 3), ("E234", 4), ("E233", 5), ("E232", 6)):
        assert f"bad.csv:{line}:1: error[{code}]" in result.stderr, result.stderr
    assert "Nothing was compared" in result.stderr
    assert _audit("confirm_task") == []
    Path("headless.csv").write_text("Nom,Courriel\nDoe,x@example.org\n", encoding="utf-8")
    missing = ok(cli("drift", "headless.csv", "--establishment", "gmf-hill-valley"), 1)
    assert "headless.csv:1:1: error[E230]" in missing.stderr


def test_which_establishments_are_compared(portal_site: Path) -> None:
    _french_export(Path("portail.csv"), ALL_DONE)
    refused = ok(cli("drift", "portail.csv"), 1)
    assert "error[E235]" in refused.output and "--establishment" in refused.output
    unknown = ok(cli("drift", "portail.csv", "--establishment", "gmf-nowhere"), 1)
    assert "error[E236]" in unknown.output and "gmf-hill-valley" in unknown.output
    assert _audit("confirm_task") == []


def test_hostile_cells_are_inert(portal_site: Path) -> None:
    rows = [("<script>alert(1)</script> | x", "\x1b[31mEvil", "evil@example.org",
             "gmf-hill-valley", "x", "", ""),
            ("Doe", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "gmf-hill-valley", "", "", "")]
    text = "\n".join(",".join(f'"{c}"' for c in cells) for cells in (
        ("last_name", "first_name", "username", "establishment", "rvsq", "rvsq-811",
         "rvsq-reorientation-clinique"), *rows)) + "\n"
    Path("evil.csv").write_text(text, encoding="utf-8")
    bad = ok(cli("drift", "evil.csv"), 1)
    assert "error[E231]" in bad.stderr and "\x1b" not in bad.output
    Path("evil.csv").write_text(text.rsplit('\n"Doe"', 1)[0] + "\n", encoding="utf-8")
    out = ok(cli("drift", "evil.csv"), 2).stdout
    assert "\x1b" not in out and "\\u001b[31mEvil" in out
    md = ok(cli("drift", "evil.csv", "--format", "markdown"), 2).stdout
    assert "<script>" not in md and "\\<script\\>" in md and "\\|" in md and "\x1b" not in md
    data = json.loads(ok(cli("drift", "evil.csv", "--format", "json"), 2).stdout)
    orphan = data["establishments"][0]["drift"][0]
    assert orphan["name"] == "\x1b[31mEvil <script>alert(1)</script> | x"  # JSON is JSON


def test_a_ramq_directory_export_is_compared_by_identity(portal_site: Path) -> None:
    directory = (REPO / "examples" / "ramq-directory.csv").read_text(encoding="utf-8")
    Path("directory.csv").write_text(directory, encoding="utf-8")
    result = ok(cli("drift", "directory.csv"), 0)
    assert "RAMQ's directory (directory.csv) compared with the state" in result.stdout
    lines = directory.splitlines()
    changed = [line.replace(",Brown,", ",Brown-Smith,") for line in lines
               if not line.startswith("IP40562,")]
    Path("directory.csv").write_text("\n".join(changed) + "\n", encoding="utf-8")
    data = json.loads(ok(cli("drift", "directory.csv", "--format", "json"), 2).stdout)
    assert data["source"] == "directory" and not data["services_compared"]
    found = {(a["kind"], a["username"]): a for p in data["establishments"] for a in p["drift"]}
    assert set(found) == {("differs", EMMETT), ("missing", "IP40562")}
    assert found[("differs", EMMETT)]["differences"] == [
        {"field": "last_name", "state": "Brown", "portal": "Brown-Smith"}]
    assert _audit("confirm_task") == []  # a directory shows no portal task
    assert "error[E237]" in ok(cli("drift", "directory.csv", "--adopt"), 1).output
    one = json.loads(ok(cli("drift", "directory.csv", "--directory", "--establishment",
                            "gmf-hill-valley", "--format", "json"), 2).stdout)
    assert [p["id"] for p in one["establishments"]] == ["gmf-hill-valley"]
