"""Hypothesis strategies: random but valid access repositories over a small pool of people.

The pool is small and fixed so that two configurations drawn one after the other overlap:
the same keys come back with other names, profiles, services, establishments and tokens.
A configuration is drawn knowing the one before it (`previous`), so that it only names
accounts the state can know and never moves an account away from an establishment whose
file is missing (that is blocked by design, and is not what these tests are about).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from hypothesis import strategies as st

TODAY = dt.date(2026, 6, 1)

NEW = "new"  # an account the tool creates: no username, its key is its email
PROFESSIONAL = "professional"  # medecin / resident / ips with a RAMQ account (rule P)
DIRECTORY = "directory"  # an existing non-professional RAMQ account (CE…, IELP…)


class Person(NamedTuple):
    name: str
    kind: str
    username: str | None  # the directory's username; None for NEW
    emails: tuple[str, str]  # the first one is the directory's, for directory accounts
    directory_profile: str | None = None


PEOPLE = (
    Person("ana", NEW, None, ("ana.roy@example.org", "ana.roy@clinique.example")),
    Person("ben", NEW, None, ("ben.cote@example.org", "ben.cote@clinique.example")),
    Person("chloe", NEW, None, ("chloe.lee@example.org", "chloe.lee@clinique.example")),
    Person("dany", NEW, None, ("dany.fox@example.org", "dany.fox@clinique.example")),
    Person("emma", PROFESSIONAL, "CE10001", ("emma.md@example.org", "emma.md@chu.example"),
           "medecin"),
    Person("felix", PROFESSIONAL, "CE50002", ("felix.res@example.org", "felix.res@chu.example"),
           "resident"),
    Person("gina", PROFESSIONAL, "IP80003", ("gina.ips@example.org", "gina.ips@chu.example"),
           "ips"),
    Person("hugo", DIRECTORY, "IELP40004", ("hugo.adm@example.org", "hugo.adm@chu.example"),
           "personnel-administratif"),
    Person("ines", DIRECTORY, "CE60005", ("ines.inf@example.org", "ines.inf@chu.example"),
           "personnel-infirmier"),
)

# Two valid professional numbers per profile (1…, 5…, 8-1…; 5 to 7 digits).
NUMBERS = {
    "medecin": ("1-23456", "123456"),
    "resident": ("5-43210", "54321"),
    "ips": ("8-1406", "8-12345"),
}


def directory_csv() -> str:
    """The RAMQ directory that knows every person with a username."""
    rows = ["username,email,title,first_name,last_name,profile,professional_number"]
    for p in PEOPLE:
        if p.username is not None and p.directory_profile is not None:
            number = NUMBERS[p.directory_profile][0] if p.kind == PROFESSIONAL else ""
            rows.append(f"{p.username},{p.emails[0]},madame,{p.name.title()},Doe,"
                        f"{p.directory_profile},{number}")
    return "\n".join(rows) + "\n"


NURSING = ("personnel-infirmier", "infirmiere-clinicienne", "ips")
REORIENTATION = (*NURSING, "personnel-administratif")
ELIGIBLE = {  # rule E, default policy
    "rvsq": ("personnel-administratif", *NURSING, "medecin", "resident"),
    "rvsq-811": NURSING,
    "rvsq-reorientation-hopital": REORIENTATION,
    "rvsq-reorientation-clinique": REORIENTATION,
}
PROFILES = {
    NEW: ("personnel-administratif", "personnel-infirmier", "infirmiere-clinicienne"),
    PROFESSIONAL: ("medecin", "resident", "ips"),
    DIRECTORY: ("personnel-administratif", "personnel-infirmier"),
}

ESTABLISHMENTS = ("clinique-alpha", "gmf-beta", "urgence-gamma")
TYPES = ("clinique", "gmf", "urgence-ch", "centrale-regionale", "info-sante-811")
RECIPIENTS = (  # the example representatives' keys (examples/demo-identities)
    "age1t36qu64m5zp945vsfujpkxvcf0dnj8s39v9fg7vzu7ecmpefd9uqldqkdn",
    "age10v5s4tsu5ydjuev3mtnrj4fqaede9j26pxp9nrhdfcvljg70zdaqnfv073",
    "age15ttpjx3973vmz65g64qpgrr6wlyxm54dsv2n094y5jl6qpf3dd8q2vhrw8",
)
# "Hélène" twice: composed and decomposed (NFC normalisation must make them one name).
NAMES = ("Hélène", unicodedata.normalize("NFD", "Hélène"), "Marc-André", "O'Neil", "NO", "Li")
TOKENS = ("t1", "2026-11-20", "INC-4411")
DATES = (TODAY - dt.timedelta(days=30), TODAY, TODAY + dt.timedelta(days=10),
         TODAY + dt.timedelta(days=400))


class Config(NamedTuple):
    files: dict[str, dict[str, Any]]  # establishment id → the access file's content
    placement: dict[str, tuple[str, str]]  # person → (establishment, key) of an account

    def write(self, folder: Path) -> Path:
        """Write the files as access/<region>/<id>.yaml under `folder`; return access/."""
        root = folder / "access"
        for est_id, content in self.files.items():
            path = root / content["establishment"]["region"] / f"{est_id}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.dump(content, Dumper=_Dumper, allow_unicode=True,
                                      sort_keys=False), encoding="utf-8")
        return root


class Scenario(NamedTuple):
    before: Config  # applied first: a random starting state
    after: Config  # then applied, then planned again


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader rightly refuses anchors and aliases


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _case(email: str, upper: bool) -> str:
    return email.upper() if upper else email


@st.composite
def _user(draw: st.DrawFn, person: Person, previous_key: str | None) -> tuple[str, dict]:
    """One user entry for `person`, and its key."""
    profile = draw(st.sampled_from(PROFILES[person.kind]))
    email = draw(st.sampled_from(person.emails))
    entry: dict[str, Any] = {}
    key = email
    if person.username is not None:
        entry["username"] = key = person.username
    elif (previous_key is not None and profile != "infirmiere-clinicienne"
          and draw(st.booleans())):
        # A created account keeps its username when its email changes (ARCHITECTURE §3).
        entry["username"] = _case(previous_key, draw(st.booleans()))
        key = previous_key
    allowed = [s for s, profiles in ELIGIBLE.items() if profile in profiles]
    entry |= {
        "email": _case(email, draw(st.booleans())),
        "title": draw(st.sampled_from(("madame", "monsieur", "docteur", "docteure"))),
        "first_name": draw(st.sampled_from(NAMES)),
        "last_name": draw(st.sampled_from(NAMES)),
        "profile": profile,
        "services": draw(st.lists(st.sampled_from(allowed), min_size=1, unique=True)),
    }
    if profile in NUMBERS:
        entry["professional_number"] = draw(st.sampled_from(NUMBERS[profile]))
    optional = {
        "secret_code": _maybe(st.builds(dict, rotate=st.sampled_from(TOKENS))),
        "password_reset": _maybe(st.builds(dict, requested=st.sampled_from(TOKENS))),
        # A date either bare (a YAML date) or quoted (text): both are allowed.
        "expires": _maybe(st.sampled_from(DATES).flatmap(
            lambda d: st.sampled_from((d, d.isoformat())))),
        "reviewed": _maybe(st.sampled_from(DATES)),
        "ticket": _maybe(st.sampled_from(("INC-1", "INC-2"))),
    }
    for field, strategy in optional.items():
        value = draw(strategy)
        if value is not None:
            entry[field] = value
    return key, entry


def _establishment(draw: st.DrawFn, est_id: str, retired: bool) -> dict[str, Any]:
    details: dict[str, Any] = {
        "id": est_id,
        "name": draw(st.sampled_from((f"Site {est_id}", f"Nouveau {est_id}"))),
        "region": draw(st.sampled_from(("03", "06"))),
        "type": draw(st.sampled_from(TYPES)),
    }
    if retired:
        details["retired"] = True
    mode = draw(st.sampled_from((None, "register", "portal")))  # None: the policy's
    if mode is not None:
        details["mode"] = mode
    return {
        "version": 1,
        "establishment": details,
        "representative": {
            "name": draw(st.sampled_from(("Jennifer Parker", "Emmett Brown"))),
            "email": draw(st.sampled_from((f"rep@{est_id}.example", f"rep2@{est_id}.example"))),
            "age_recipient": draw(st.sampled_from(RECIPIENTS)),
        },
        "users": [],
    }


@st.composite
def configs(draw: st.DrawFn, previous: Config | None = None) -> Config:
    """1–3 establishments (active or retired; the others' files missing) and their users."""
    statuses = draw(st.lists(st.sampled_from(("missing", "active", "retired")),
                             min_size=len(ESTABLISHMENTS), max_size=len(ESTABLISHMENTS))
                    .filter(lambda s: "active" in s))
    present = {e: s for e, s in zip(ESTABLISHMENTS, statuses, strict=True) if s != "missing"}
    active = sorted(e for e, s in present.items() if s == "active")
    files = {e: _establishment(draw, e, s == "retired") for e, s in present.items()}
    placement: dict[str, tuple[str, str]] = {}
    before = previous.placement if previous else {}
    for person in PEOPLE:
        owner, previous_key = before.get(person.name, (None, None))
        if owner is not None and owner not in present:
            continue  # its establishment's file is missing: it stays where it is
        if not draw(st.booleans()):
            continue
        est = draw(st.sampled_from(active))
        key, entry = draw(_user(person, previous_key))
        files[est]["users"].append(entry)
        if "username" not in entry and _ended(entry):
            continue  # no account is made for access that has already ended
        placement[person.name] = (est, key)
    for est in active:  # an empty list is an error unless retired: keep at least one user
        if not files[est]["users"]:
            files[est]["users"] = [_placeholder(est)]
    return Config(files, placement)


def _ended(entry: dict[str, Any]) -> bool:
    expires = entry.get("expires")
    return expires is not None and dt.date.fromisoformat(str(expires)) <= TODAY


def _placeholder(est: str) -> dict[str, Any]:
    """A user of its own for an establishment no person was drawn for."""
    return {"email": f"staff@{est}.example", "title": "madame", "first_name": "Zoé",
            "last_name": "Staff", "profile": "personnel-administratif", "services": ["rvsq"]}


scenarios = configs().flatmap(
    lambda before: configs(before).map(lambda after: Scenario(before, after))
)


@st.composite
def histories(draw: st.DrawFn) -> list[Config]:
    """Two to four configurations in turn over the same people, each following the last."""
    steps = [draw(configs())]
    for _ in range(draw(st.integers(1, 3))):
        steps.append(draw(configs(steps[-1])))
    return steps
