"""The tamper-evident audit log: each entry holds the SHA-256 of the one before it."""

from __future__ import annotations

import hashlib
import json
from typing import Any, NamedTuple

GENESIS = "sha256:" + "0" * 64


class AuditEntry(NamedTuple):
    seq: int
    at: str
    actor: str
    git_commit: str | None
    run_id: str
    action: str
    establishment: str | None
    username: str | None
    fields: dict[str, Any]  # what changed; never a secret
    prev_hash: str
    hash: str
    change_ref: str | None = None  # the change applied (a pull request's URL, say)
    mac: str | None = None  # with RVSQ_AUDIT_KEY: HMAC of `hash` (outside the chain's hash)


def entry_hash(
    prev_hash: str, seq: int, at: str, actor: str, git_commit: str | None, run_id: str,
    action: str, establishment: str | None, username: str | None, fields: dict[str, Any],
    change_ref: str | None = None,
) -> str:
    linked = [prev_hash, seq, at, actor, git_commit, run_id, action, establishment, username,
              fields]
    if change_ref is not None:  # entries written before change references hash as they did
        linked.append(change_ref)
    body = json.dumps(linked, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


class Break(NamedTuple):
    """Where the chain breaks: the first entry that does not verify (None: entries missing
    at the end)."""

    seq: int | None
    reason: str  # catalog key


def verify(entries: list[AuditEntry], head: tuple[int, str] | None) -> Break | None:
    """Check every link, and that the chain ends where the state says it ends."""
    prev, expected_seq = GENESIS, 1
    for entry in entries:
        if entry.seq != expected_seq or entry.prev_hash != prev:
            return Break(entry.seq, "audit.break.missing")
        recomputed = entry_hash(prev, entry.seq, entry.at, entry.actor, entry.git_commit,
                                entry.run_id, entry.action, entry.establishment,
                                entry.username, entry.fields, entry.change_ref)
        if recomputed != entry.hash:
            return Break(entry.seq, "audit.break.edited")
        prev, expected_seq = entry.hash, entry.seq + 1
    if head is not None and head != (expected_seq - 1, prev):
        return Break(None, "audit.break.truncated")
    return None
