"""`rvsq-access state check`: the invariants an operator relies on, verified on the state
as stored. Pure: given the rows (`SQLStore.check_rows`) and the sealed files' folder, it
says what holds and, for each broken invariant, where. Damage (a missing `meta` row, an
audit entry whose JSON is broken) is a finding with its location, never an exception.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from reconciler import os_words
from reconciler.catalog import Messages
from reconciler.errors import UserError
from reconciler.folders import safe_name
from reconciler.store import audit_chain as audit
from reconciler.store.base import CheckRows

ISSUING = ("create_account", "regenerate_code")  # the actions that issue a secret code
_SERIAL = re.compile(r"0|[1-9][0-9]*")
_HEAD = re.compile(r"([1-9][0-9]*) (sha256:[0-9a-f]{64})")


class Finding(NamedTuple):
    code: str  # E-code of the catalog, with its hint
    params: dict[str, Any]  # for its message: text from the state, as stored
    location: dict[str, Any]  # where, for JSON: a table and its key, or a file


class Checked(NamedTuple):
    entries: int  # audit entries
    serial: int | None  # None: missing or not a number (a finding says so)
    sealed: int  # codes the audit log says were sealed, all found in their sealed copy
    copies: int  # sealed_codes rows
    shown: int  # codes shown on a terminal (never stored in clear)
    unknown: int  # codes issued before audit entries said where they went
    identical: int  # exported files on this machine, identical to their row
    elsewhere: int  # exported files not on this machine (a CI runner's, say)
    pending: int  # rows not written out yet (the next apply writes them)
    created: int  # created accounts, each with its creation email
    findings: list[Finding]
    portal: int = 0  # codes left to RAMQ's portal (portal mode): none issued here


class _Sealed(NamedTuple):
    sealed: Any
    codes: Any
    exported_at: Any


def check(rows: CheckRows, codes_folder: Path, messages: Messages) -> Checked:
    findings: list[Finding] = []
    entries = _entries(rows.audit, findings, messages)
    serial = _serial_and_head(rows, findings, messages)
    sealed = {(row[0], row[1]): _Sealed(*row[2:5]) for row in rows.sealed}

    # Where each issued code went, per run and establishment, as the audit log says.
    went: dict[str, Counter[tuple[str, str]]] = {"sealed": Counter(), "shown": Counter(),
                                                 "portal": Counter(), "": Counter()}
    created = 0
    read = {entry.seq: entry.fields for entry in entries}
    for seq, _, _, _, run_id, action, establishment, username, *_ in rows.audit:
        key = (run_id, establishment or "")
        if action in ISSUING:  # an entry whose fields cannot be read: where is unknown
            went_to = read.get(seq, {}).get("code")
            went[went_to if went_to in ("sealed", "shown", "portal") else ""][key] += 1
        # At a portal-mode site the portal writes to the new user, not this tool.
        if (action == "create_account" and username
                and read.get(seq, {}).get("code") != "portal"):
            created += 1
            if (run_id, username) not in rows.creation_emails:
                findings.append(Finding("E184", {"seq": seq, "username": username,
                                                 "run_id": run_id},
                                        {"table": "outbox", "audit_seq": seq,
                                         "run_id": run_id, "username": username}))
    for key in sorted(set(went["sealed"]) | set(sealed), key=str):
        issued, unknown, row = went["sealed"][key], went[""][key], sealed.get(key)
        where = {"table": "sealed_codes", "run_id": key[0], "establishment": key[1]}
        params = {"run_id": key[0], "establishment": key[1], "issued": issued}
        if row is None:
            if issued:
                findings.append(Finding("E180", params, where))
            continue
        try:
            held = int(row.codes)
        except (TypeError, ValueError):
            held = -1
        # Codes whose entry does not say where they went may be in the copy, or not.
        if not issued <= held <= issued + unknown:
            findings.append(Finding("E181", {**params, "sealed": row.codes}, where))

    identical = elsewhere = pending = 0
    for key, row in sorted(sealed.items(), key=lambda item: str(item[0])):
        if row.exported_at is None:
            pending += 1
            continue
        found = _exported(key, row, codes_folder, messages)
        if found is None:
            elsewhere += 1
        elif found is True:
            identical += 1
        else:
            findings.append(found)
    return Checked(len(rows.audit), serial, sum(went["sealed"].values()), len(sealed),
                   sum(went["shown"].values()), sum(went[""].values()), identical, elsewhere,
                   pending, created, findings, sum(went["portal"].values()))


def _entries(rows: list[tuple[Any, ...]], findings: list[Finding],
             messages: Messages) -> list[audit.AuditEntry]:
    """The audit entries whose fields read as a JSON object; each other one is a finding.
    The chain is verified up to the first unreadable entry (the hashes need its fields)."""
    entries: list[audit.AuditEntry] = []
    unreadable = None
    for row in rows:
        try:
            fields = json.loads(row[8]) if isinstance(row[8], str) else None
            reason = None if isinstance(fields, dict) else messages("check.not_an_object")
        except json.JSONDecodeError as exc:  # the parser's words are English only
            reason = messages("check.not_json", position=exc.pos + 1)
        if reason is not None:
            findings.append(Finding("E185", {"seq": row[0], "reason": reason},
                                    {"table": "audit_log", "seq": row[0]}))
            unreadable = row[0] if unreadable is None else unreadable
            continue
        entries.append(audit.AuditEntry(*row[:8], fields, *row[9:]))
    verified = [e for e in entries if unreadable is None or e.seq < unreadable]
    broken = audit.verify(verified, None)  # the head is compared on its own, below
    if broken is not None and broken.seq is not None:
        findings.append(Finding("E125", {"seq": broken.seq, "reason": messages(broken.reason)},
                                {"table": "audit_log", "seq": broken.seq}))
    # With RVSQ_AUDIT_KEY, the entries written since the key carry its MAC (a short key is
    # refused here as everywhere). Without it, MACs cannot be checked: nothing to find.
    macs = audit.check_macs(verified, audit.audit_key())
    if macs.broken is not None and macs.broken.seq is not None:
        findings.append(Finding("E205", {"seq": macs.broken.seq,
                                         "reason": messages(macs.broken.reason)},
                                {"table": "audit_log", "seq": macs.broken.seq}))
    return entries


def _serial_and_head(rows: CheckRows, findings: list[Finding], messages: Messages
                     ) -> int | None:
    """The serial counts the audited changes (each writes one entry and moves it by one);
    the head names the last entry, by number and hash."""
    serial = None
    for key, pattern in (("serial", _SERIAL), ("audit_head", _HEAD)):
        where = {"table": "meta", "key": key}
        value = rows.meta.get(key)
        if value is None:
            findings.append(Finding("E186", {"key": key}, where))
            continue
        text = str(value)
        if key == "audit_head" and text == "":
            head = (0, audit.GENESIS)  # a new state: no entry yet
        elif (matched := pattern.fullmatch(text)) is None:
            findings.append(Finding("E187", {"key": key, "value": text[:80],
                                             "expected": messages(f"check.expected.{key}")},
                                    where))
            continue
        elif key == "serial":
            serial = int(text)
            if serial != len(rows.audit):
                findings.append(Finding("E188", {"serial": serial, "count": len(rows.audit)},
                                        where))
            continue
        else:
            head = (int(matched[1]), matched[2])
        last = (rows.audit[-1][0], rows.audit[-1][10]) if rows.audit else (0, audit.GENESIS)
        if head != last:
            findings.append(Finding("E189", {"head_seq": head[0], "head_hash": _short(head[1]),
                                             "last_seq": last[0], "last_hash": _short(last[1])},
                                    where))
    return serial


def _short(digest: Any) -> str:
    text = str(digest)
    return text if len(text) <= 19 else f"{text[:19]}…"  # sha256: and 12 digits


def _exported(key: tuple[str, str], row: _Sealed, folder: Path, messages: Messages
              ) -> Finding | bool | None:
    """The exported file of a row: True when identical to it, None when not on this
    machine, else a finding."""
    where: dict[str, Any] = {"table": "sealed_codes", "run_id": key[0], "establishment": key[1]}
    try:
        path = folder / safe_name(f"{key[0]}-{key[1]}.age")
    except UserError as exc:  # a name made outside the tool: never looked for
        return Finding(exc.code, exc.params, where)
    shown = path.as_posix()
    params = {"path": shown, "run_id": key[0], "establishment": key[1]}
    where = {"file": shown, **where}
    expected = str(row.sealed).encode("utf-8")
    try:
        # No link followed, no FIFO waited for; at most one byte more than the row.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        link = exc.errno == errno.ELOOP  # a link where the file should be
        reason = messages("check.not_a_file") if link else _reason(exc, messages)
        return Finding("E183", {**params, "reason": reason}, where)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Finding("E183", {**params, "reason": messages("check.not_a_file")}, where)
        found = b""
        while len(found) <= len(expected) and (chunk := os.read(fd, len(expected) + 1)):
            found += chunk
    except OSError as exc:
        return Finding("E183", {**params, "reason": _reason(exc, messages)}, where)
    finally:
        os.close(fd)
    if found == expected:
        return True
    return Finding("E182", {**params, "size": info.st_size, "expected": len(expected)}, where)


def _reason(exc: OSError, messages: Messages) -> str:
    """Why a file cannot be read: in the user's language when it is a matter of rights."""
    if isinstance(exc, PermissionError):
        return messages("check.no_permission")
    said = os_words.reason(exc)
    return messages(said["message"], **said["params"])
