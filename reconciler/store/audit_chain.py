"""The tamper-evident audit log: each entry holds the SHA-256 of the one before it.

Anchored outside the database by a published head (`SEQ:HASH`, which vouches for every
entry up to it) and, optionally, by each entry's MAC under the key CI holds
(RVSQ_AUDIT_KEY). docs/SECURITY.md §5.3.1 says what each proves."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from reconciler.errors import UserError

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
    return linked_hash(prev_hash, seq, at, actor, git_commit, run_id, action, establishment,
                       username, fields_text(fields), change_ref)


def fields_text(fields: dict[str, Any]) -> str:
    """An entry's fields as JSON, as the chain hashes them (and the store keeps them)."""
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)


def linked_hash(
    prev_hash: str, seq: int, at: str, actor: str, git_commit: str | None, run_id: str,
    action: str, establishment: str | None, username: str | None, fields: str,
    change_ref: str | None = None,
) -> str:
    """`entry_hash` of fields already written as `fields_text`: the hashed body is the JSON
    list of the entry's parts, built around that text rather than writing it again."""
    head = json.dumps([prev_hash, seq, at, actor, git_commit, run_id, action, establishment,
                       username], ensure_ascii=False, separators=(",", ":"), default=str)
    # entries written before change references hash as they did: without one
    tail = "]" if change_ref is None else "," + json.dumps(change_ref, ensure_ascii=False) + "]"
    body = head[:-1] + "," + fields + tail
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


# --- anchors outside the database: published heads and the MAC ----------------------------
class Head(NamedTuple):
    """Where the chain stood when it was published: an entry's number and its hash. Said
    as `SEQ:HASH` (`42:sha256:9f…`), the form apply prints and `audit verify --head` reads."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


_HEAD_TEXT = re.compile(r"(0|[1-9][0-9]*):(sha256:[0-9a-f]{64})")


def parse_head(text: str) -> Head | None:
    """`SEQ:HASH` as apply prints it, else None. The empty log's head is `0:` GENESIS."""
    matched = _HEAD_TEXT.fullmatch(text.strip())
    if matched is None:
        return None
    return Head(int(matched[1]), matched[2])


class HeadLost(NamedTuple):
    """A published head the chain no longer holds: `found` is the hash its entry has now,
    or None when the chain has no entry with its number (it ends at `last`)."""

    head: Head
    found: str | None
    last: int


def lost_heads(entries: list[AuditEntry], heads: list[Head]) -> list[HeadLost]:
    """Each published head whose entry is not in the chain with the published hash, in the
    heads' order. Meaningful on a chain `verify` accepts: each entry's hash then seals every
    entry before it, so a head that holds vouches for the whole chain up to it."""
    by_seq = {entry.seq: entry.hash for entry in entries}
    by_seq[0] = GENESIS
    last = entries[-1].seq if entries else 0
    return [HeadLost(head, by_seq.get(head.seq), last) for head in heads
            if by_seq.get(head.seq) != head.hash]


MAC_PREFIX = "hmac-sha256:"
KEY_MIN_LENGTH = 32  # characters: a shorter secret can be guessed


def mac_of(key: str, digest: str) -> str:
    """The MAC an entry stores: HMAC-SHA256 of its hash under the key CI holds."""
    return MAC_PREFIX + hmac.new(key.encode("utf-8"), digest.encode("utf-8"),
                                 hashlib.sha256).hexdigest()


class MacCheck(NamedTuple):
    """What the MACs say. Without the key: only how many entries carry one."""

    carried: int  # entries that carry a MAC
    before_key: int  # with the key: entries before the first authenticated one
    authenticated: int  # with the key: entries whose MAC the key gives
    broken: Break | None  # with the key: the first entry after the key without its MAC


def check_macs(entries: list[AuditEntry], key: str | None) -> MacCheck:
    """From the first entry whose MAC the key gives, every entry must carry its MAC; the
    entries before it were written before the key. Without the key, entries are counted."""
    carried = sum(1 for entry in entries if entry.mac is not None)
    if key is None:
        return MacCheck(carried, 0, 0, None)
    before = authenticated = 0
    for entry in entries:
        expected = mac_of(key, entry.hash)
        if authenticated == 0 and entry.mac is None:
            before += 1
        elif entry.mac is None:
            return MacCheck(carried, before, authenticated, Break(entry.seq, "audit.mac.missing"))
        elif not _same(entry.mac, expected):
            return MacCheck(carried, before, authenticated, Break(entry.seq, "audit.mac.wrong"))
        else:
            authenticated += 1
    return MacCheck(carried, before, authenticated, None)


KEY_VARIABLE = "RVSQ_AUDIT_KEY"


def key_refusal(last_hash: str | None, last_mac: str | None, key: str | None) -> str | None:
    """Why no entry may be written after the log's last one (its hash and MAC): once it is
    authenticated, an entry without the key's MAC is a break `audit verify` reports; so
    without the key (E208), or with another one (E209), nothing is written. None: go on."""
    if last_mac is None or last_hash is None:
        return None
    if key is None:
        return "E208"
    return None if _same(last_mac, mac_of(key, last_hash)) else "E209"


def _same(stored: str, expected: str) -> bool:
    """In constant time; a MAC forged with any characters is just another MAC."""
    return hmac.compare_digest(str(stored).encode("utf-8"), expected.encode("utf-8"))


def audit_key(environ: Mapping[str, str] = os.environ) -> str | None:
    """RVSQ_AUDIT_KEY, the secret CI holds; None when not set (set but empty too: an unset
    CI secret expands to nothing, and the MAC is optional). A short one is refused (E204),
    and the error never says the key."""
    key = environ.get(KEY_VARIABLE) or None
    if key is not None and len(key) < KEY_MIN_LENGTH:
        raise UserError("E204", variable=KEY_VARIABLE, minimum=KEY_MIN_LENGTH)
    return key
