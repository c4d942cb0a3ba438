"""What the reliability tests share: a generated access repository, the tool run on it as
its own process (crashed at a chosen point, with crash_runner.py), and what a run left
behind (emails, sealed codes, stored code hashes), down to the check that a run converged
to what one uninterrupted run gives."""

from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import sys
from collections import Counter
from email.policy import default as email_policy
from pathlib import Path
from typing import Any

import pyrage
from click.testing import Result
from helpers import run

from reconciler.applying import secret_codes as codes
from reconciler.store import open_store, parse_location

RUNNER = Path(__file__).with_name("crash_runner.py")

FIRST_NAMES = ("Émilie", "Jean-François", "Chloé", "Marc-André", "Geneviève", "Luc", "Zoé")
LAST_NAMES = ("Tremblay", "Gagnon", "Côté", "Bélanger", "Lévesque", "Ouellet", "Roy")
PROFILES = ("personnel-administratif", "personnel-infirmier", "infirmiere-clinicienne")

Kill = tuple[str, int]  # (crash_runner point, N)
APPLY = ("apply", "--auto-approve")
EXPORT = ("outbox", "export", ".rvsq/outbox")  # no RVSQ_SMTP_URL: the emails wait till then
EMAILS_WAIT = 4  # apply's exit code: the changes are applied, emails wait for delivery


# --- the repository -------------------------------------------------------------------
# What a second apply prints while it waits for the state lock.
WAITING = "Another apply holds the state lock; waiting up to"


def new_identities(count: int) -> dict[str, str]:
    """establishment id → the age identity (secret key) of its representative."""
    return {f"gmf-crash-{i:02d}": str(pyrage.x25519.Identity.generate()) for i in range(count)}


def write_access(folder: Path, identities: dict[str, str], users: int,
                 rotate: str | None = None) -> None:
    """One file per establishment, `users` new accounts in each, shaped like the example
    access/06/gmf-hill-valley.yaml; `rotate` requests a new secret code for everyone."""
    for e, (est, identity) in enumerate(sorted(identities.items())):
        recipient = pyrage.x25519.Identity.from_str(identity).to_public()
        lines = [
            "version: 1",
            "establishment:",
            f"  id: {est}",
            f"  name: GMF Crash {e}",
            '  region: "06"',
            "  type: gmf",
            "representative:",
            "  name: Jennifer Parker",
            f"  email: representative.{e}@ramq.gouv.qc.ca",
            f"  age_recipient: {recipient}",
            "users:",
        ]
        for u in range(users):
            lines += [
                f"  - email: user.{e}.{u:03d}@ramq.gouv.qc.ca",
                f"    title: {('madame', 'monsieur')[u % 2]}",
                f"    first_name: {FIRST_NAMES[u % len(FIRST_NAMES)]}",
                f"    last_name: {LAST_NAMES[(u + e) % len(LAST_NAMES)]}",
                f"    profile: {PROFILES[u % len(PROFILES)]}",
                "    services: [rvsq, rvsq-reorientation-clinique]",
                "    reviewed: \"2026-05-01\"",
            ]
            if rotate is not None:
                lines.append(f'    secret_code: {{rotate: "{rotate}"}}')
        path = folder / "access" / "06" / f"{est}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    created = cli(folder, "state", "init")  # the state, as an operator makes it once
    assert created.exit_code == 0, created.output


# --- running the tool -----------------------------------------------------------------
# A scenario's state: the SQLite file in its folder, unless a test put it elsewhere
# (tests/test_postgres.py runs these scenarios on PostgreSQL).
STATE_URLS: dict[Path, str] = {}


def state_url(folder: Path) -> str:
    return STATE_URLS.get(folder, f"sqlite:///{folder / '.rvsq' / 'state.db'}")


def rvsq(folder: Path, *args: str, crash: Kill | None = None,
         signal_name: str = "KILL") -> subprocess.Popen[str]:
    """Start `rvsq-access ARGS` in `folder` (where it writes .rvsq/), maybe with a crash."""
    command = [sys.executable, "-m", "reconciler"]
    if crash is not None:
        command = [sys.executable, str(RUNNER), crash[0], str(crash[1]),
                   "--signal", signal_name, "--"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
    env |= {"RVSQ_STATE": state_url(folder), "GITHUB_SHA": "0" * 40}
    return subprocess.Popen([*command, "--lang", "en", "--actor", "crash-test", *args],
                            cwd=folder, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def cli(folder: Path, *args: str) -> Result:
    """A read-only command, in-process (faster), on the state of `folder`."""
    return run("--lang", "en", "--no-cache", *args, env={"RVSQ_STATE": state_url(folder)})


def plan_actions(folder: Path) -> list[dict[str, Any]]:
    result = cli(folder, "plan", "--format", "json", str(folder / "access"))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["actions"]


# --- what the result must be ----------------------------------------------------------
def action_key(entry: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return entry["action"], entry.get("establishment"), entry.get("username")


def creation_emails(folder: Path) -> Counter[str]:
    """How many account-creation emails each address received; no message twice."""
    messages = [email.message_from_bytes(path.read_bytes(), policy=email_policy)
                for path in sorted((folder / ".rvsq" / "outbox").glob("*.eml"))]
    ids = Counter(str(m["Message-ID"]) for m in messages)
    assert [i for i, n in ids.items() if n > 1] == []
    return Counter(str(m["To"]) for m in messages if "Votre accès" in str(m["Subject"]))


def decoded_emails(folder: Path) -> dict[str, bytes]:
    """Each email's headers and decoded text parts (the bodies are quoted-printable)."""
    decoded = {}
    for path in sorted((folder / ".rvsq" / "outbox").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        parts = [f"{name}: {value}" for name, value in message.items()]
        parts += [part.get_content() for part in message.walk() if not part.is_multipart()]
        decoded[path.name] = "\n".join(parts).encode()
    return decoded


def sealed_codes(folder: Path, identities: dict[str, str]) -> list[dict[str, str]]:
    """Every entry of every sealed-code file, opened with its representative's key."""
    entries = []
    for path in sorted((folder / ".rvsq" / "codes").glob("*.age")):
        est = next(e for e in identities if path.name.endswith(f"-{e}.age"))
        entries += codes.reveal(path.read_bytes(), identities[est])["codes"]
    return entries


def stored_code_hashes(folder: Path) -> dict[str, str | None]:
    store = open_store(parse_location(state_url(folder)), "2026-11-26T00:00:00Z", writing=True)
    try:
        return dict(store._execute("SELECT username, code_hash FROM accounts").fetchall())
    finally:
        store.close()


def assert_converged(folder: Path, planned: list[dict[str, Any]],
                     identities: dict[str, str]) -> None:
    """The state, audit log, outbox and sealed codes are those of one clean run of every
    action in `planned`. The emails are read as `outbox export` writes them (once more:
    an export that finds nothing waiting changes nothing)."""
    export = cli(folder, *EXPORT[:2], str(folder / EXPORT[2]))
    assert export.exit_code == 0, export.output
    assert plan_actions(folder) == []
    verify = cli(folder, "audit", "verify")
    assert verify.exit_code == 0, verify.output
    log = json.loads(cli(folder, "audit", "log", "--format", "json").stdout)
    assert Counter(action_key(e) for e in log) == Counter(action_key(a) for a in planned)

    created = Counter(a["username"] for a in planned if a["action"] == "create_account")
    assert creation_emails(folder) == created
    issued = Counter(a["username"] for a in planned
                     if a["action"] in ("create_account", "regenerate_code"))
    sealed = sealed_codes(folder, identities)
    assert Counter(e["username"] for e in sealed) == issued
    hashes = stored_code_hashes(folder)
    for username in issued:  # the state holds the hash of one of the codes sealed for it
        assert hashes[username] in {codes.code_hash(e["code"]) for e in sealed
                                    if e["username"] == username}, username
    # What an operator checks: `state check` (in the folder, where the files are) passes,
    # every sealed file written and identical to its row.
    code, out, err = finish(rvsq(folder, "state", "check", "--format", "json"))
    assert code == 0, out + err
    checked = json.loads(out)["checked"]
    assert checked["sealed"] == sum(issued.values())
    assert checked["identical"] == checked["copies"] and checked["pending"] == 0
    assert checked["created"] == sum(created.values())
