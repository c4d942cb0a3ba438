"""Benchmark `rvsq-access` at province scale (ARCHITECTURE §9).

Generates N users over N/100 establishment files (fixed seed), then measures each step as
its own process, wall time and the child's own peak RSS:

    a  raw parse of every file with PyYAML's C loader (the floor)
    b  rvsq-access --no-cache validate access
    i  rvsq-access state import-directory directory.csv   (existing RAMQ accounts)
    c  rvsq-access --no-cache plan access                   (empty state, no cache)
    w  rvsq-access plan access                              (the same plan again, cache warm,
                                                             before anything is applied)
    d  rvsq-access apply --auto-approve access              (every creation)
    e  rvsq-access --no-cache plan access                   (1% of users changed, no cache)
    p  rvsq-access plan access                              (the same, cache warm from before)
    f  rvsq-access apply --auto-approve access              (those changes)
    g  rvsq-access apply --auto-approve access              (no-op)
    n  rvsq-access plan access                              (cache warm, no file changed
                                                             since the apply: the everyday plan)

Usage: python benchmarks/run.py --users N [--json OUT.json] [--keep DIR] [--only a,b,...]
Run it with the Python of the environment where rvsq-access is installed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
import yaml

SEED = 20260501
USERS_PER_FILE = 100
CHANGED_USERS_SHARE = 0.01  # step e: 1% of users changed...
CHANGED_FILES_SHARE = 0.01  # ...in about 1% of the files, as one pull request would
IDENTITIES = 5  # age identities shared by every representative
STEP_KEYS = ("a", "b", "i", "c", "w", "d", "e", "p", "f", "g", "n")
# What each step needs to have run before it (m: the 1% change written to the files).
NEEDS = {"c": {"i"}, "w": {"i"}, "d": {"i"}, "e": {"d", "m"}, "p": {"w", "d", "m"},
         "f": {"d", "m"}, "g": {"f"}, "n": {"f"}, "m": {"d"}}
ORDER = ("a", "b", "i", "c", "w", "d", "m", "e", "p", "f", "g", "n")

FEMALE = ("Émilie", "Hélène", "Geneviève", "Chloé", "Zoé", "Mélanie", "Josée", "Marie-Ève",
          "Léa", "Noémie", "Anaïs", "Sophie", "Julie", "Nathalie", "Isabelle", "Béatrice",
          "Maïté", "Ginette", "Andrée", "Stéphanie")
MALE = ("François", "Jérôme", "André", "Benoît", "Frédéric", "Hugo", "Mathéo", "Noël",
        "Félix", "Gaétan", "Stéphane", "Rémi", "Éric", "Louis", "Olivier", "Marc-André",
        "Raphaël", "Jean-Sébastien", "Gérald", "Réjean")
LAST = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
        "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron",
        "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier",
        "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin",
        "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Bédard", "Grenier",
        "Lessard", "Bérubé", "Thériault", "Séguin", "D'Amours", "Després", "Hébert",
        "Ménard", "Légaré", "Boisvert", "Gélinas")
TOWNS = ("Saint-Jérôme", "Québec", "Montréal", "Trois-Rivières", "Lévis", "Sherbrooke",
         "Rimouski", "Gatineau", "Saguenay", "Longueuil", "Mont-Laurier", "Val-d'Or",
         "Rouyn-Noranda", "Sept-Îles", "Gaspé", "Joliette", "Saint-Hyacinthe",
         "Drummondville", "Thetford Mines", "Baie-Comeau")
DOMAINS = ("ssss.example", "cisss-exemple.qc.example", "ciusss-exemple.qc.example",
           "gmf-exemple.example", "courriel.example")
# Health regions weighted roughly by population (06 Montréal, 16 Montérégie, 03 Québec).
REGION_WEIGHTS = (3, 3, 9, 3, 4, 24, 5, 2, 1, 1, 1, 5, 5, 6, 7, 17, 3, 1)
SITE_TYPES = (("gmf", 45), ("clinique", 30), ("urgence-ch", 15), ("info-sante-811", 10))
SITE_LABELS = {"gmf": "GMF", "clinique": "Clinique médicale", "urgence-ch": "Urgence – Hôpital",
               "info-sante-811": "Info-Santé 811 –"}
# (profile, existing RAMQ account?, username prefix, weight): 75% new, 25% existing.
USER_KINDS = (
    ("personnel-administratif", False, "", 32),
    ("personnel-infirmier", False, "", 28),
    ("infirmiere-clinicienne", False, "", 15),
    ("medecin", True, "CE", 12),
    ("resident", True, "CE", 4),
    ("ips", True, "IP", 3),
    ("personnel-administratif", True, "IELP", 4),
    ("personnel-infirmier", True, "CE", 2),
)
NURSING = {"personnel-infirmier", "infirmiere-clinicienne", "ips"}
PROFESSIONALS = {"medecin", "resident", "ips"}
# The service each establishment type is for, besides rvsq (rule E, usual types).
MAIN_SERVICE = {"gmf": "rvsq-reorientation-clinique", "clinique": "rvsq-reorientation-clinique",
                "urgence-ch": "rvsq-reorientation-hopital", "info-sante-811": "rvsq-811"}

_RESOLVER = yaml.resolver.Resolver()
_PLAIN = re.compile(r"\w[\w .'@-]*[\w.]|\w")


# --- the generated access repository ----------------------------------------------------
@dataclass
class User:
    email: str
    title: str
    first_name: str
    last_name: str
    profile: str
    services: list[str]
    username: str | None = None
    professional_number: str | None = None
    secret_code: str | None = None
    expires: dt.date | None = None
    reviewed: dt.date | None = None
    ticket: str | None = None

    def fields(self) -> list[tuple[str, Any]]:
        """The entry's fields in the README's order, absent ones left out."""
        rows: list[tuple[str, Any]] = [
            ("username", self.username), ("email", self.email), ("title", self.title),
            ("first_name", self.first_name), ("last_name", self.last_name),
            ("profile", self.profile), ("professional_number", self.professional_number),
            ("services", self.services),
            ("secret_code", {"rotate": self.secret_code} if self.secret_code else None),
            ("expires", self.expires), ("reviewed", self.reviewed), ("ticket", self.ticket),
        ]
        return [(k, v) for k, v in rows if v is not None]


@dataclass
class Site:
    id: str
    name: str
    region: str
    type: str
    rep_name: str
    rep_email: str
    recipient: str
    users: list[User] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return Path("access", self.region, f"{self.id}.yaml")


def scalar(value: Any) -> str:
    """A YAML scalar: plain when YAML reads it back as the same text, else double-quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFC", str(value))
    plain = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
    return text if plain and _PLAIN.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def render_site(site: Site) -> str:
    """The access file's text, laid out like access/06/gmf-hill-valley.yaml."""
    lines = [
        "# yaml-language-server: $schema=../../schemas/access-file.schema.json",
        "version: 1",
        "establishment:",
        f"  id: {scalar(site.id)}",
        f"  name: {scalar(site.name)}",
        f"  region: {scalar(site.region)}",
        f"  type: {scalar(site.type)}",
        "representative:",
        f"  name: {scalar(site.rep_name)}",
        f"  email: {scalar(site.rep_email)}",
        f"  age_recipient: {scalar(site.recipient)}",
        "users:",
    ]
    for user in site.users:
        for i, (key, value) in enumerate(user.fields()):
            if isinstance(value, list):
                text = "[" + ", ".join(scalar(v) for v in value) + "]"
            elif isinstance(value, dict):
                text = "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
            else:
                text = scalar(value)
            lines.append(f"{'  - ' if i == 0 else '    '}{key}: {text}")
    return "\n".join(lines) + "\n"


def ascii_slug(text: str) -> str:
    """'Marie-Ève D'Amours' → 'marie-eve-damours': for email local parts."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", bare.replace("'", "")).strip("-")


def service_options(site_type: str, profile: str) -> list[list[str]]:
    """Service sets valid for the profile (rule E) and usual for the establishment type."""
    main = MAIN_SERVICE[site_type]
    eligible = profile in NURSING if main == "rvsq-811" else profile not in {"medecin",
                                                                             "resident"}
    return [["rvsq"], ["rvsq", main], [main]] if eligible else [["rvsq"]]


class Generator:
    """Deterministic users and sites; counters keep emails and usernames unique."""

    def __init__(self, rng: random.Random, recipients: list[str], today: dt.date) -> None:
        self.rng = rng
        self.recipients = recipients
        self.today = today
        self.serial = 0

    def person(self) -> tuple[str, str, bool]:
        female = self.rng.random() < 0.6
        first = self.rng.choice(FEMALE if female else MALE)
        return first, self.rng.choice(LAST), female

    def email(self, first: str, last: str) -> str:
        self.serial += 1
        local = f"{ascii_slug(first)}.{ascii_slug(last)}.{self.serial}"
        return f"{local}@{self.rng.choice(DOMAINS)}"

    def user(self, site: Site, kind: tuple[str, bool, str, int] | None = None) -> User:
        profile, existing, prefix, _ = kind or self.rng.choices(
            USER_KINDS, weights=[k[3] for k in USER_KINDS])[0]
        first, last, female = self.person()
        if profile in {"medecin", "resident"}:
            title = "docteure" if female else "docteur"
        else:
            title = "madame" if female else "monsieur"
        weights = (2, 5, 3) if len(service_options(site.type, profile)) > 1 else (1,)
        services = self.rng.choices(service_options(site.type, profile), weights=weights)[0]
        user = User(self.email(first, last), title, first, last, profile, list(services))
        if existing:
            user.username = f"{prefix}{100000 + self.serial}"
        if profile in PROFESSIONALS:
            user.professional_number = {
                "medecin": f"1-{self.rng.randint(10000, 99999)}",
                "resident": f"5-{self.rng.randint(10000, 99999)}",
                "ips": f"8-1{self.rng.randint(100, 999)}",
            }[profile]
        if self.rng.random() < 0.8:
            user.reviewed = self.today - dt.timedelta(days=self.rng.randint(1, 300))
        if (profile == "resident" and self.rng.random() < 0.6) or self.rng.random() < 0.03:
            user.expires = self.today + dt.timedelta(days=self.rng.randint(30, 700))
        if self.rng.random() < 0.05:
            user.ticket = f"INC-{self.rng.randint(1000, 99999)}"
        if not existing and self.rng.random() < 0.03:
            user.secret_code = self.today.isoformat()
        return user

    def site(self, index: int, size: int) -> Site:
        region = f"{self.rng.choices(range(1, 19), weights=REGION_WEIGHTS)[0]:02d}"
        site_type = self.rng.choices([t for t, _ in SITE_TYPES],
                                     weights=[w for _, w in SITE_TYPES])[0]
        first, last, _ = self.person()
        site_id = f"{site_type}-{region}-{index:05d}"
        site = Site(
            id=site_id,
            name=f"{SITE_LABELS[site_type]} {self.rng.choice(TOWNS)} {index}",
            region=region, type=site_type, rep_name=f"{first} {last}",
            rep_email=f"representant.{site_id}@{self.rng.choice(DOMAINS)}",
            recipient=self.recipients[index % len(self.recipients)],
        )
        site.users = [self.user(site) for _ in range(size)]
        return site


def make_identities(folder: Path) -> list[str]:
    """A few age identities (written to `folder` to open the codes); their recipients."""
    folder.mkdir(parents=True, exist_ok=True)
    recipients = []
    for i in range(IDENTITIES):
        identity = pyrage.x25519.Identity.generate()
        (folder / f"representative-{i}.txt").write_text(f"{identity}\n", encoding="ascii")
        recipients.append(str(identity.to_public()))
    return recipients


def generate(work: Path, users: int, today: dt.date) -> tuple[Generator, list[Site]]:
    """Write access/<region>/<id>.yaml for `users` users, and directory.csv."""
    gen = Generator(random.Random(SEED), make_identities(work / "identities"), today)
    files = max(1, round(users / USERS_PER_FILE))
    sizes = [users // files + (i < users % files) for i in range(files)]
    sites = [gen.site(i + 1, size) for i, size in enumerate(sizes)]
    for site in sites:
        write_site(work, site)
    write_directory(work / "directory.csv", sites)
    return gen, sites


def write_site(work: Path, site: Site) -> None:
    """Write (or rewrite) the establishment's file under `work`."""
    target = work / site.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_site(site), encoding="utf-8")


def write_directory(path: Path, sites: list[Site]) -> None:
    """The RAMQ directory rows of every existing account the files name."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["username", "email", "title", "first_name", "last_name", "profile",
                      "professional_number"])
        for site in sites:
            for u in site.users:
                if u.username:
                    out.writerow([u.username, u.email, u.title, u.first_name, u.last_name,
                                  u.profile, u.professional_number or ""])


def change_one_percent(work: Path, gen: Generator, sites: list[Site]) -> dict[str, int]:
    """Step e's input: 1% of users changed (services 40%, names 30%, removed 15%, added
    15%) in about 1% of the files, rewritten in place. Returns the counts."""
    rng = random.Random(SEED + 1)
    chosen = rng.sample(sites, max(1, round(len(sites) * CHANGED_FILES_SHARE)))
    total = max(1, round(sum(len(s.users) for s in sites) * CHANGED_USERS_SHARE))
    counts = {"services": 0, "names": 0, "removed": 0, "added": 0}
    todo = ["services"] * round(total * 0.4) + ["names"] * round(total * 0.3)
    todo += ["removed"] * round(total * 0.15)
    todo += ["added"] * (total - len(todo))
    for n, site in enumerate(chosen):
        ops = todo[n::len(chosen)]
        candidates = rng.sample(site.users, len(site.users))
        removed: list[User] = []
        for op in ops:
            if op == "added":
                site.users.append(gen.user(site, USER_KINDS[rng.randrange(3)]))
            elif not candidates:
                continue
            elif op == "services" and len(service_options(site.type,
                                                          candidates[-1].profile)) > 1:
                user = candidates.pop()
                options = service_options(site.type, user.profile)
                user.services = rng.choice([o for o in options if o != user.services])
            elif op == "removed":
                removed.append(candidates.pop())
            else:  # a name correction (also where no other service set is valid)
                user = candidates.pop()
                user.last_name = f"{user.last_name}-{rng.choice(LAST)}"
                op = "names"
            counts[op] += 1
        site.users = [u for u in site.users if u not in removed]
        write_site(work, site)
    counts["files"] = len(chosen)
    return counts


# --- measuring one step as its own process -----------------------------------------------
@dataclass
class Result:
    key: str
    label: str
    wall_s: float
    cpu_s: float  # user + system: wall minus this is mostly waiting for the disk
    rss_kb: int
    actions: int | None = None
    output: str = ""  # the step's last summary line

    def row(self, floor: float | None, baseline_kb: int, users: int) -> dict[str, Any]:
        """The step's numbers, relative to the floor (a) and the baseline (LOADED)."""
        return {
            "step": self.key, "what": self.label, "wall_s": round(self.wall_s, 3),
            "cpu_s": round(self.cpu_s, 2),
            "ratio_to_parse": round(self.wall_s / floor, 2) if floor else None,
            "peak_rss_mb": round(self.rss_kb / 1024, 1),
            # The floor does not import the tool: the baseline says nothing about it.
            "bytes_per_user_over_baseline": None if self.key == "a"
            else round((self.rss_kb - baseline_kb) * 1024 / users),
            "actions": self.actions,
            "actions_per_s": round(self.actions / self.wall_s) if self.actions else None,
            "summary": self.output,
        }


# Fallback when /usr/bin/time is missing: a fresh process whose only child is the step,
# so RUSAGE_CHILDREN's peak is that child's own peak.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[2:]).returncode\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(f'0 {use.ru_utime} {use.ru_stime} {use.ru_maxrss}')\n"
    "sys.exit(rc)\n"
)

PARSE_FLOOR = (
    "import pathlib, sys, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    with p.open('rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


# The fixed cost of a plan process: the interpreter, the modules a plan imports and the
# compiled schema validator. Peak memory over it, per user, is what the issue bounds.
LOADED = ("import reconciler.cli, reconciler.commands.plan, reconciler.planning.settled, "
          "reconciler.store.sqlite, reconciler.render.plan_text; "
          "from reconciler.reading import schema; schema.is_valid({}, schema.ACCESS_FILE)")


@dataclass
class Bench:
    work: Path
    users: int
    tool: str
    env: dict[str, str]
    time_bin: str | None
    results: dict[str, Result] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)

    def run(self, key: str, label: str, argv: list[str], ok: tuple[int, ...] = (0,)) -> Result:
        """Run `argv` in the work folder; wall time, peak RSS (KB), output kept in logs/."""
        logs = self.work / "logs"
        logs.mkdir(exist_ok=True)
        rss_file = logs / f"{key}.rss"
        if self.time_bin:
            cmd = [self.time_bin, "-f", "%e %U %S %M", "-o", str(rss_file), "--", *argv]
        else:
            cmd = [sys.executable, "-c", _WRAPPER, str(rss_file), *argv]
        out_path, err_path = logs / f"{key}.out", logs / f"{key}.err"
        os.sync()  # the previous step's writes are flushed before this one starts
        with out_path.open("wb") as out, err_path.open("wb") as err:
            start = time.perf_counter()
            rc = subprocess.run(cmd, cwd=self.work, env=self.env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, check=False).returncode
            wall = time.perf_counter() - start
        if rc not in ok:
            tail = "\n".join((out_path.read_text(errors="replace").splitlines()
                              + err_path.read_text(errors="replace").splitlines())[-40:])
            sys.exit(f"step {key} ({label}) failed with exit code {rc}:\n{tail}\n"
                     f"(full output in {logs})")
        # GNU time may put a line ("Command exited with...") before its own.
        _, user, system, rss_kb = rss_file.read_text().splitlines()[-1].split()
        text = out_path.read_text(errors="replace") + err_path.read_text(errors="replace")
        result = Result(key, label, wall, float(user) + float(system), int(rss_kb),
                        output=_summary_line(text))
        self.results[key] = result
        return result

    def rvsq(self, key: str, label: str, *args: str, ok: tuple[int, ...] = (0,)) -> Result:
        """Run one rvsq-access command, in English, as actor 'benchmark'."""
        return self.run(key, label, [self.tool, "--lang", "en", "--no-color",
                                     "--actor", "benchmark", *args], ok)


def _summary_line(text: str) -> str:
    """The line that sums the step up (validate's count, the plan's, apply's)."""
    for pattern in (r"^Applied \d+ action.*$", r"^Nothing to apply\.$", r"^Plan: .*$",
                    r"^No changes.*$", r"^\d+ files?, .*$", r"^Imported .*$"):
        found = re.findall(pattern, text, re.MULTILINE)
        if found:
            return found[-1].strip()
    return ""


def _actions(result: Result) -> Result:
    """Read the number of applied actions from apply's summary line."""
    found = re.match(r"Applied (\d+) action", result.output)
    result.actions = int(found.group(1)) if found else 0
    return result


# Apply's exit codes for a run that applied everything: 4 while emails wait in the outbox
# (no RVSQ_SMTP_URL here: they stay in the state, as they do on a runner without SMTP).
APPLIED = (0, 4)


def step_a(b: Bench) -> Result:
    """The floor: every file through PyYAML's C loader, nothing else."""
    return b.run("a", "parse (yaml CSafeLoader)", [sys.executable, "-c", PARSE_FLOOR, "access"])


def step_b(b: Bench) -> Result:
    """validate; also the check that every generated file is valid (fails loudly)."""
    result = b.rvsq("b", "validate", "--no-cache", "validate", "access")
    if not re.search(r" 0 errors?\b", result.output):
        sys.exit(f"the generated files do not validate: {result.output}")
    return result


def step_i(b: Bench) -> Result:
    """Create the state, then load the existing RAMQ accounts the files name (no access
    is granted); only the load is reported."""
    b.rvsq("0", "state init", "state", "init")
    return b.rvsq("i", "state import-directory", "state", "import-directory", "directory.csv")


def step_c(b: Bench) -> Result:
    """The first plan: every account to create, every existing one to grant."""
    return b.rvsq("c", "plan (empty state, no cache)", "--no-cache", "plan", "access")


def step_w(b: Bench) -> Result:
    """The first plan again, the parse cache warm, before anything is applied: every
    action is computed and printed again (the cache is filled first, untimed)."""
    b.rvsq("w0", "fill the parse cache", "plan", "access")
    return b.rvsq("w", "plan again before any apply (cache warm)", "plan", "access")


def step_d(b: Bench) -> Result:
    """Apply the first plan: codes sealed, emails queued, one transaction per action."""
    return _actions(b.rvsq("d", "apply (all creations)", "apply", "--auto-approve", "access",
                           ok=APPLIED))


def step_e(b: Bench) -> Result:
    """Plan after the 1% change (most files unchanged since the last run)."""
    return b.rvsq("e", "plan (1% changed, no cache)", "--no-cache", "plan", "access")


def step_p(b: Bench) -> Result:
    """The plan a pull request gets: 1% changed, the cache warm from before the change
    (and from the apply before it, which settled what it applied)."""
    return b.rvsq("p", "plan (1% changed, cache warm)", "plan", "access")


def step_f(b: Bench) -> Result:
    """Apply the 1% change."""
    # Removals beyond the default guard (10) are the point of the test, not a mistake.
    limit = str(max(10, b.changes.get("removed", 0)))
    return _actions(b.rvsq("f", "apply (1% changed)", "apply", "--auto-approve",
                           "--max-deletes", limit, "access", ok=APPLIED))


def step_g(b: Bench) -> Result:
    """Apply with nothing to do: the fixed cost of a CI run after a no-op merge."""
    return _actions(b.rvsq("g", "apply (no-op)", "apply", "--auto-approve", "access",
                           ok=APPLIED))


def step_n(b: Bench) -> Result:
    """The everyday plan: nothing changed since the last apply, the cache warm."""
    return b.rvsq("n", "plan (cache warm, no change since the apply)", "plan", "access")


STEPS = {"a": step_a, "b": step_b, "i": step_i, "c": step_c, "w": step_w, "d": step_d,
         "e": step_e, "p": step_p, "f": step_f, "g": step_g, "n": step_n}


def to_run(only: set[str]) -> list[str]:
    """The selected steps, every step they need, and validate (the input must be valid)."""
    wanted = set(only) | {"b"}
    while True:
        more = set().union(*(NEEDS.get(k, set()) for k in wanted)) - wanted
        if not more:
            return [k for k in ORDER if k in wanted]
        wanted |= more


# --- report ---------------------------------------------------------------------------
def machine(env: dict[str, str]) -> dict[str, Any]:
    """The machine, the Python and PyYAML, and which `reconciler` the steps ran."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    repo = Path(__file__).resolve().parent.parent
    git = ["git", "-C", str(repo)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False).stdout.strip()
    where = "import reconciler; print(reconciler.__file__)"
    package = subprocess.run([sys.executable, "-c", where], capture_output=True, text=True,
                             env=env, cwd=Path(sys.executable).parent, check=False).stdout.strip()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
        "reconciler": str(Path(package).parent),
        "pyyaml": yaml.__version__, "libyaml": bool(yaml.__with_libyaml__),
        "platform": platform.platform(),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        # The repository's commit says what ran only if the package came from it.
        "commit": head + (" (with uncommitted changes)" if dirty else "")
        if Path(package).is_relative_to(repo) else "unknown (not this repository's package)",
    }


def _warm_ratios(steps: list[dict[str, Any]]) -> list[str]:
    """The cache's target: a warm plan with no file changed against the cold plan (c)."""
    wall = {r["step"]: r["wall_s"] for r in steps}
    if "c" not in wall:
        return []
    return [f"- {key} / c (a warm plan, no file changed, against the cold plan): "
            f"{wall[key] / wall['c']:.2f}" for key in ("n", "w") if key in wall]


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: the context lines, then the table."""
    m = report["machine"]
    lines = [
        f"**{report['users']} users, {report['files']} files** "
        f"(generated in {report['generate_s']:.1f} s; whole run {report['total_s']:.1f} s)",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; Python {m['python']}; PyYAML {m['pyyaml']} "
        f"{'with' if m['libyaml'] else 'WITHOUT'} libyaml; load average "
        f"{report['load_average_1min_at_start']} at start, {m['load_average_1min_at_end']} "
        "at end (other work on the machine skews the numbers)",
        f"- `reconciler` imported from {m['reconciler']}; commit: {m['commit']}",
        f"- state.db after the run: {report['state_db_mb']} MB",
        f"- baseline, the interpreter with the modules a plan loads (`{LOADED}`): "
        f"{report['baseline_rss_kb'] / 1024:.1f} MB peak RSS",
        f"- steps e/f input: {report['changes']}",
        *_warm_ratios(report["steps"]),
        "",
        "| step | what | wall s | × parse | CPU s | peak RSS MB | bytes/user over baseline "
        "| actions | actions/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["steps"]:
        ratio = f"{r['ratio_to_parse']:.2f}" if r["ratio_to_parse"] else "–"
        lines.append(
            f"| {r['step']} | {r['what']} | {r['wall_s']:.2f} | {ratio} | {r['cpu_s']:.2f} | "
            f"{r['peak_rss_mb']:.1f} | {r['bytes_per_user_over_baseline'] or '–'} | "
            f"{r['actions'] if r['actions'] is not None else ''} | "
            f"{r['actions_per_s'] or ''} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Generate, measure every step in order, print (and save) the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, required=True, help="number of users (N)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--keep", type=Path, help="generate here and keep it (new/empty dir)")
    parser.add_argument("--only", help=f"comma-separated steps among {','.join(STEP_KEYS)}")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(STEP_KEYS)
    if args.users < 1 or not only <= set(STEP_KEYS):
        parser.error(f"--users must be positive; --only takes {','.join(STEP_KEYS)}")
    tool = Path(sys.executable).with_name("rvsq-access")
    if not tool.exists():
        parser.error(f"{tool} not found: run this with the Python where rvsq-access is installed")
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"{args.keep} is not empty")

    started = time.perf_counter()
    load_at_start = round(os.getloadavg()[0], 2)
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="rvsq-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RVSQ_", "GITHUB_", "GITLAB_", "CI_"))}
    env.update(RVSQ_STATE=f"sqlite:///{work / 'state.db'}", RVSQ_LANG="en")
    time_bin = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None
    bench = Bench(work, args.users, str(tool), env, time_bin)
    finished = False
    try:
        gen, sites = generate(work, args.users, dt.date.today())
        generate_s = time.perf_counter() - started
        print(f"generated {args.users} users in {len(sites)} files under {work} "
              f"({generate_s:.1f} s)", file=sys.stderr)
        baseline = bench.run("baseline", "the tool loaded", [sys.executable, "-c", LOADED])
        for key in to_run(only):
            if key == "m":
                bench.changes = change_one_percent(work, gen, sites)
                continue
            result = STEPS[key](bench)
            print(f"  {key}: {result.label}: {result.wall_s:.2f} s, "
                  f"{result.rss_kb / 1024:.0f} MB  {result.output}", file=sys.stderr)
        state_db = work / "state.db"
        state_db_mb = round(state_db.stat().st_size / 2**20, 1) if state_db.exists() else 0
        finished = True
    finally:
        if finished and not args.keep:  # a failed run keeps its folder, to read the logs
            shutil.rmtree(work, ignore_errors=True)
    floor = bench.results["a"].wall_s if "a" in bench.results else None
    report = {
        "users": args.users, "files": len(sites), "seed": SEED, "machine": machine(env),
        "generate_s": round(generate_s, 2), "total_s": round(time.perf_counter() - started, 2),
        "baseline_rss_kb": baseline.rss_kb, "changes": bench.changes,
        "state_db_mb": state_db_mb, "load_average_1min_at_start": load_at_start,
        "steps": [bench.results[k].row(floor, baseline.rss_kb, args.users)
                  for k in STEP_KEYS if k in only and k in bench.results],
    }
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
