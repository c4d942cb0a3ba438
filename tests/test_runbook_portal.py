"""The runbook against the portal as the aide-mémoire shows it.

A plan is built by hand on a small state so that it holds every kind of action (create,
grant, revoke, update of names, email, profile and professional number, a move, a release,
a change of services to none, a new code, a password reset, a deletion; new, changed and
retired establishments). Every label the runbook quotes must be one the aide-mémoire
« Gérer les accès à RVSQ » shows, in both languages; the order must be one a
representative can carry out: off a list before onto another, and never a form left with
no service ticked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reconciler.catalog import Messages
from reconciler.domain import SERVICE_LABELS
from reconciler.planning.planner import KINDS, Action, Plan
from reconciler.records import CREATED, EXISTING, AccountRecord, EstablishmentRecord, State
from reconciler.render import runbook

# RAMQ's aide-mémoire (22 May 2020) as text: the portal's screens, fields and buttons.
AIDE_MEMOIRE = Path(__file__).parent / "golden" / "runbook.aide-memoire.txt"
NOW = "2026-11-26T12:00:00Z"
QUOTED = re.compile(r"«[\s\u00a0]*(.*?)[\s\u00a0]*»", re.S)
LABEL_BY_SERVICE = {label: service for service, label in SERVICE_LABELS.items()}


def _place(est: str, name: str, rep: str, retired: bool = False) -> EstablishmentRecord:
    return EstablishmentRecord(est, name, "06", "gmf", rep, f"{est}@example.org", None, retired)


def _account(username: str, est: str | None, services: tuple[str, ...], first: str,
             last: str, origin: str = CREATED) -> AccountRecord:
    return AccountRecord(username, f"{username.lower()}@example.org", "madame", first, last,
                         "personnel-administratif", None, est, None, None, None, origin,
                         services, None, None)


STATE = State(4, {
    "gmf-a": _place("gmf-a", "GMF A", "Alice Rep"),
    "clinique-b": _place("clinique-b", "Clinique B", "Bruno Rep"),
    "clinique-c": _place("clinique-c", "Clinique C", "Carole Rep"),
    "clinique-old": _place("clinique-old", "Clinique Fermée", "Olga Rep"),
}, {
    "CE100": _account("CE100", "gmf-a", ("rvsq", "rvsq-811"), "Marc", "Mobile", EXISTING),
    "CE200": _account("CE200", "gmf-a", ("rvsq",), "Rita", "Released", EXISTING),
    "IELP300": _account("IELP300", "gmf-a", ("rvsq",), "Nadia", "Nulle"),
    "IELP400": _account("IELP400", "gmf-a", ("rvsq",), "Ursule", "Ancien"),
    "IELP500": _account("IELP500", "gmf-a", ("rvsq",), "Gilles", "Grant"),
    "IELP600": _account("IELP600", "gmf-a", ("rvsq", "rvsq-811"), "Rémi", "Revoke"),
    "IELP650": _account("IELP650", "gmf-a", ("rvsq",), "Ève", "Échange"),
    "IELP700": _account("IELP700", "gmf-a", ("rvsq",), "Kim", "Keys"),
    "IELP800": _account("IELP800", "clinique-old", ("rvsq",), "Denis", "Deleted"),
})


def _every_kind() -> Plan:
    moved = {"establishment": {"old": "gmf-a", "new": "clinique-b"}}
    updated = {
        "title": {"old": "madame", "new": "docteure"},
        "first_name": {"old": "Ursule", "new": "Ursula"},
        "last_name": {"old": "Ancien", "new": "Nouveau"},
        "email": {"old": "ielp400@example.org", "new": "ursula@example.org"},
        "profile": {"old": "personnel-administratif", "new": "infirmiere"},
        "professional_number": {"old": None, "new": "123456"},
    }
    created = {"title": "monsieur", "first_name": "Noé", "last_name": "Neuf",
               "email": "noe@example.org", "profile": "personnel-administratif"}
    actions = [
        Action("create_establishment", "clinique-new", after={"name": "Clinique Neuve"}),
        Action("create_account", "clinique-new", "noe@example.org", name="Noé Neuf",
               services=("rvsq",), after=created),
        Action("update_establishment", "clinique-c",
               changes={"name": {"old": "Clinique C", "new": "Clinique Cé"}}),
        Action("update_establishment", "clinique-old",
               changes={"retired": {"old": False, "new": True}}),
        Action("delete_account", "clinique-old", "IELP800", name="Denis Deleted"),
        # The move: CE100 leaves GMF A for Clinique B, keeping rvsq, trading 811 for
        # the clinic's reorientation.
        Action("update_account", "clinique-b", "CE100", name="Marc Mobile", changes=moved),
        Action("grant_services", "clinique-b", "CE100", name="Marc Mobile",
               services=("rvsq-reorientation-clinique",)),
        Action("revoke_services", "clinique-b", "CE100", name="Marc Mobile",
               services=("rvsq-811",)),
        # A release: the file no longer lists an existing RAMQ account.
        Action("revoke_services", "gmf-a", "CE200", name="Rita Released", services=("rvsq",)),
        Action("update_account", "gmf-a", "CE200", name="Rita Released",
               changes={"establishment": {"old": "gmf-a", "new": None}}),
        # Services down to none, for a person the file still lists.
        Action("revoke_services", "gmf-a", "IELP300", name="Nadia Nulle", services=("rvsq",)),
        Action("regenerate_code", "gmf-a", "IELP300", name="Nadia Nulle"),
        Action("update_account", "gmf-a", "IELP400", name="Ursula Nouveau", changes=updated),
        Action("grant_services", "gmf-a", "IELP500", name="Gilles Grant",
               services=("rvsq-811",)),
        Action("revoke_services", "gmf-a", "IELP600", name="Rémi Revoke",
               services=("rvsq-811",)),
        # The only box traded for another: one screen, ticked before unticked.
        Action("grant_services", "gmf-a", "IELP650", name="Ève Échange",
               services=("rvsq-811",)),
        Action("revoke_services", "gmf-a", "IELP650", name="Ève Échange", services=("rvsq",)),
        Action("regenerate_code", "gmf-a", "IELP700", name="Kim Keys", ticket="INC-1"),
        Action("reset_password", "gmf-a", "IELP700", name="Kim Keys", ticket="INC-1"),
    ]
    ordered = sorted(actions, key=Action.sort_key)
    return Plan(4, "sha256:" + "2" * 64, NOW, ("access",), tuple(ordered), (), ())


def _runbook(lang: str) -> str:
    return runbook.render(_every_kind(), [], STATE, Messages(lang))


def _sections(text: str) -> dict[str, str]:
    """Establishment heading → its section."""
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {part.split("\n", 1)[0]: part for part in parts}


def _procedures(section: str) -> list[str]:
    return re.split(r"^### \d+\. ", section, flags=re.M)[1:]


def test_the_plan_holds_every_kind_of_action() -> None:
    assert {a.action for a in _every_kind().actions} == set(KINDS)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_quoted_label_is_the_portals(lang: str) -> None:
    portal = AIDE_MEMOIRE.read_text(encoding="utf-8")
    labels = set(QUOTED.findall(_runbook(lang)))
    assert {"Supprimer", "Ajouter un utilisateur", "Mettre à jour", "Oui", "Non",
            "Générer un nouveau code secret", "Réinitialiser le mot de passe"} <= labels
    missing = sorted(label for label in labels if label not in portal)
    assert not missing, f"labels the aide-mémoire does not show: {missing}"


def test_the_english_runbook_glosses_the_portals_labels() -> None:
    text = _runbook("en")
    for label in ("Supprimer", "Mettre à jour", "Ajouter un utilisateur", "Oui", "Non",
                  "Générer un nouveau code secret", "Réinitialiser le mot de passe", "Courriel",
                  "Titre de civilité", "Prénom", "Nom", "Services",
                  "L'utilisateur a-t-il déjà un compte?",
                  "Inscription d'utilisateurs par un représentant désigné"):
        found = re.split(f"«[ \u00a0]{re.escape(label)}[ \u00a0]»", text)[1:]
        assert found, label
        for after in found:  # a gloss, or a list glossed as a whole (« Nom », « Prénom »…)
            assert after.startswith((" (", ", «", ": ")), f"{label}: {after[:40]!r}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_step_prescribes_what_the_form_lacks(lang: str) -> None:
    text = _runbook(lang)
    m = Messages(lang)
    # « Courriel » is a field of the new user's form and of the password-reset box only.
    for proc in _procedures(text):
        if "« Courriel »" in proc.replace("\u00a0", " "):
            heading = proc.split("\n", 1)[0]
            assert heading.startswith((m("runbook.h.create", name=""),
                                       m("runbook.h.reset", name=""),
                                       m("runbook.h.update", name=""))), heading
    # Names and email cannot be changed in the portal: said so, with whom to ask.
    update = next(p for p in _procedures(text) if "Ursule Ancien" in p.split("\n", 1)[0])
    assert m("runbook.step.no_field") in update
    assert m("runbook.step.update") not in update
    assert "`Ursula`" in update and "`ursula@example.org`" in update
    assert "123456" not in update  # profile and professional number: the tool's own records


def test_a_move_releases_at_the_old_site_before_adding_at_the_new() -> None:
    m = Messages("en")
    text = _runbook("en")
    headings = list(_sections(text))
    old = next(h for h in headings if h.startswith("GMF A"))
    new = next(h for h in headings if h.startswith("Clinique B"))
    assert headings.index(old) < headings.index(new)
    leaving = next(p for p in _procedures(_sections(text)[old])
                   if p.startswith(m("runbook.h.departure", name="Marc Mobile")))
    assert "« Supprimer » (delete)" in leaving and "`CE100`" in leaving
    arriving = _procedures(_sections(text)[new])
    assert len(arriving) == 1  # the revoke and the update are done by the one form
    join = arriving[0]
    assert join.startswith(m("runbook.h.join", name="Marc Mobile"))
    steps = re.findall(r"^\d+\. (.*)$", join, flags=re.M)
    assert "« Supprimer »" in steps[0] and "GMF A" in steps[0]
    assert "« Ajouter un utilisateur »" in steps[1]
    boxes = re.findall(r"^ +- «\u00a0(.*)\u00a0»$", join, flags=re.M)
    assert boxes == [SERVICE_LABELS["rvsq"], SERVICE_LABELS["rvsq-reorientation-clinique"]]
    assert "untick" not in join


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_removals_come_first_and_never_by_unticking_every_box(lang: str) -> None:
    m = Messages(lang)
    section = next(s for h, s in _sections(_runbook(lang)).items() if h.startswith("GMF A"))
    procs = _procedures(section)
    headings = [p.split("\n", 1)[0] for p in procs]
    removals = [m("runbook.h.departure", name="Marc Mobile"),
                m("runbook.h.release", name="Rita Released"),
                m("runbook.h.no_service", name="Nadia Nulle")]
    # Nadia's new code is asked for while her name can still be clicked, then she leaves;
    # everyone leaves before anyone else's step.
    code = m("runbook.h.code", name="Nadia Nulle")
    assert sorted(headings[:4]) == sorted([*removals, code])
    assert headings.index(code) < headings.index(removals[2])
    for heading, proc in zip(headings, procs, strict=True):
        if heading in removals:
            assert m("runbook.step.untick") not in proc and "Supprimer" in proc
    assert m("runbook.note.no_service", name="Nadia Nulle") in procs[headings.index(removals[2])]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_step_unticks_the_last_box(lang: str) -> None:
    m = Messages(lang)
    untick, tick = m("runbook.step.untick"), m("runbook.step.tick")
    checked = 0
    for proc in _procedures(_runbook(lang)):
        username = re.search(r"`([^`]+)`", proc)
        if untick not in proc or username is None:
            continue
        held = set(STATE.accounts[username.group(1)].services)
        for step in re.split(r"^\d+\. ", proc, flags=re.M)[1:]:
            boxes = {LABEL_BY_SERVICE[b]
                     for b in re.findall(r"^ +- «\u00a0(.*)\u00a0»$", step, flags=re.M)}
            if step.startswith(tick):
                held |= boxes
            elif step.startswith(untick):
                held -= boxes
                assert boxes and held, f"the last box unticked: {proc}"
        checked += 1
    assert checked == 2  # the change of the only box, and the plain revoke
