"""A content-addressed cache of what each access file yields (.rvsq/cache/).

At province scale most files do not change between two plans. For each one that did not,
the cache gives back its model (what parsing, the schema and normalisation made of its
bytes) and the problems the domain rules found in it, so neither is computed again.

A value is found by a SHA-256 of everything it was computed from: the file's path and
bytes, the schemas and the tool's version, and for rule results also the policy and the
date (findings hold no words of any language). Any change simply misses. Entries are JSON,
never pickles, and each is authenticated with an HMAC key that lives outside the repository
(RVSQ_CACHE_KEY, else a per-user key file), so an entry planted in a clone or a shared CI
cache is a miss, never code that runs and never data that replaces what a reviewer read.
Only files that passed the schema are cached: a file with problems is parsed again, to
locate them.

Entries keyed by the day (the rules' findings, settled establishments) would pile up: once
a day, the first run that writes deletes every entry no run has read for a week.

`CachingReader` is how the validator uses it (a validate.Reader); what it keeps of a file
(`to_json`, `from_json`) lives here with it, not in the model.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import time
from array import array
from pathlib import Path
from sys import intern
from typing import Any

import reconciler
from reconciler import files
from reconciler.checking.validation import PLAIN, FileRead, PlainReader, Reader, display
from reconciler.errors import UserError
from reconciler.folders import private_folder
from reconciler.problems import Problem
from reconciler.reading import loader, schema
from reconciler.reading.loader import Document
from reconciler.reading.model import (
    AccessFile,
    Establishment,
    Representative,
    User,
    iso_day,
    parse_day,
)
from reconciler.reading.policy import Policy
from reconciler.records import services_of


def _key() -> bytes:
    """RVSQ_CACHE_KEY (a CI secret), else ~/.config/rvsq-access/cache.key, made on first use."""
    given = os.environ.get("RVSQ_CACHE_KEY")
    if given:
        return given.encode()
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    path = home / "rvsq-access" / "cache.key"
    found = _read_key(path)
    if found is not None:
        return found
    key = secrets.token_hex(32).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except FileExistsError:  # another process made it first, or we may not read it
        found = _read_key(path)
        if found is not None:
            return found
    except OSError:
        pass
    return key  # a key for this run only: the cache then only helps within the run


def _read_key(path: Path) -> bytes | None:
    """The key file's bytes, if it is a regular file of a key's size (never blocks)."""
    try:
        return files.read_file(path, KEY_FILE)
    except UserError:
        return None


KEY_FILE = files.Kind(4096, "E175")  # a key is 64 hex digits: anything bigger is not ours
# The largest entry: a file's model measures ~200 bytes a user (2 MiB for the 10,000 users
# a file may list), about its size in YAML, and an access file is at most 5 MiB; a rule
# findings entry is smaller. An entry past this is not ours: a miss.
MAX_ENTRY = 32 * files.MiB
FORMAT = 5  # the layout of an entry: change it whenever what an entry means changes
UNUSED_FOR = 7 * 86_400  # seconds: an entry no run has read for this long is deleted
PRUNE_EVERY = 86_400  # seconds between two prunings (the stamp file says when)


class ParseCache:
    """Signed JSON values, each found by a key made from everything it was computed from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._hmac_key = _key()
        salt = hashlib.sha256(f"{reconciler.__version__}/{FORMAT}".encode())
        for name in (schema.ACCESS_FILE, schema.POLICY_FILE):
            salt.update(repr(schema.load_schema(name)).encode())
        self._salt = salt.digest()
        self._pruned = False

    def key(self, *parts: str | bytes) -> str:
        """The key of a value computed from `parts` (a file's path and bytes, say)."""
        digest = hashlib.sha256(self._salt)
        for part in parts:
            digest.update(part if isinstance(part, bytes) else part.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self._hmac_key, body, hashlib.sha256).hexdigest().encode()

    def get(self, key: str) -> Any:
        """The value stored under `key`, or None (absent, altered, or not ours). An entry
        read is marked used (its time) once a day, so that pruning keeps it."""
        # Entries are never links: one is refused, as is anything but a regular file of at
        # most MAX_ENTRY (a FIFO, /dev/zero), without reading it whole or blocking.
        try:
            fd = files.open_regular(self.folder / key[:2] / key, follow=False)
        except UserError:
            return None
        try:
            raw = files.read_bounded(fd, MAX_ENTRY)
            if raw is None:
                return None
            signature, _, body = raw.partition(b"\n")
            if time.time() - os.fstat(fd).st_mtime > PRUNE_EVERY:
                with contextlib.suppress(OSError):  # a cache we may only read is used
                    os.utime(fd)
        except OSError:
            return None
        finally:
            os.close(fd)
        if not hmac.compare_digest(signature, self._sign(body)):
            return None
        try:
            entry = json.loads(body)
        except ValueError:
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None  # a genuine entry for other input, copied here: a replay
        return entry.get("value")

    def put(self, key: str, value: Any) -> None:
        """Best effort: a cache that cannot be written only makes the next run slower."""
        try:
            body = json.dumps({"key": key, "value": value},  # the key is signed with it
                              ensure_ascii=False, separators=(",", ":")).encode()
        except (TypeError, ValueError):  # not plain JSON data: not worth an entry
            return
        if len(body) > MAX_ENTRY - 65:  # get would refuse it (65: the signature's line)
            return
        target = self.folder / key[:2] / key
        try:
            private_folder(target.parent)
            partial = target.with_suffix(f".{os.getpid()}.partial")
            partial.write_bytes(self._sign(body) + b"\n" + body)
            os.replace(partial, target)
        except (OSError, UserError):  # E149, a planted link: no entry, as for any failure
            return
        if not self._pruned:  # the first write of a run, the folder now made
            self._pruned = True
            self.prune()

    def prune(self, now: float | None = None) -> int:
        """Delete the entries no run has read for UNUSED_FOR, if the last pruning is older
        than PRUNE_EVERY. Best effort; returns how many were deleted."""
        now = time.time() if now is None else now
        stamp = self.folder / "pruned"
        if stamp.is_symlink():  # planted: touching it would touch its target
            return 0
        try:
            if now - stamp.stat().st_mtime < PRUNE_EVERY:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        deleted = 0
        try:
            for shard in self.folder.iterdir():
                if not shard.is_dir() or len(shard.name) != 2:
                    continue
                for entry in shard.iterdir():  # entries, and .partial files a crash left
                    if now - entry.stat().st_mtime > UNUSED_FOR:
                        entry.unlink()
                        deleted += 1
            stamp.touch()
            os.utime(stamp, (now, now))
        except OSError:
            pass
        return deleted


# --- what the cache keeps of an access file --------------------------------------------
class CachingReader:
    """A validate.Reader that keeps what each file yielded in a ParseCache: its model and
    its rules' findings. A file whose bytes were read before is neither parsed nor checked
    again; the plain reader does the work for the others. Only files that passed the
    schema are kept: a file with problems is parsed again, to locate them."""

    def __init__(self, cache: ParseCache, plain: PlainReader = PLAIN) -> None:
        self.cache = cache
        self.plain = plain
        self._context: tuple[Policy, dt.date, tuple[str, ...]] | None = None

    def read(self, path: Path) -> FileRead:
        """The file's model from the cache when its bytes are those of a file already
        read; else the plain reader's, kept for next time."""
        shown = display(path)
        raw = loader.read_file(path, shown)
        if isinstance(raw, Problem):
            return FileRead(shown, None, [raw], 0, None)
        key = self.cache.key("model", shown, raw)
        entry = self.cache.get(key)
        if entry is not None:
            try:
                access = from_json(entry, path)
                return FileRead(shown, access, [], len(access.users),
                                access.document.content_hash)
            except (KeyError, TypeError, ValueError):  # an entry of ours, but not one we read
                pass
        found = self.plain.parse(path, shown, raw)
        if found.access is not None:
            self.cache.put(key, to_json(found.access))
        return found

    def rule_findings(self, read: FileRead, policy: Policy, today: dt.date) -> list[Problem]:
        """From the cache when the same bytes were checked with the same policy, on the
        same day (the findings hold no words: any language reads them)."""
        assert read.content_hash is not None
        key = self.cache.key("rules", read.file, read.content_hash,
                             *self._rules_context(policy, today))
        found = self.cache.get(key)
        if isinstance(found, list):
            try:
                return [Problem(*p) for p in found]
            except TypeError:
                pass
        problems = self.plain.rule_findings(read, policy, today)
        self.cache.put(key, problems)
        return problems

    def _rules_context(self, policy: Policy, today: dt.date) -> tuple[str, ...]:
        """What the rules' findings in a file depend on, besides the file itself; the same
        for every file of a run, so worked out once."""
        known = self._context
        if known is None or known[:2] != (policy, today):
            known = (policy, today, (policy.fingerprint(), today.isoformat()))
            self._context = known
        return known[2]


def reader_for(cache: ParseCache | None) -> Reader:
    """How access files are read: through `cache` when there is one (not with --no-cache)."""
    return PLAIN if cache is None else CachingReader(cache)


def to_json(access: AccessFile) -> dict[str, Any]:
    """What the parse cache keeps of a file: its model and its positions down to each user
    (deeper ones are found again from the bytes, as for a parsed file)."""
    doc = access.document  # a parsed one: a cached file is never stored again
    return {
        "file": doc.file,
        "content_hash": doc.content_hash,
        "values": list(doc.values.items()),
        "keys": list(doc.keys.items()),
        "listed": {name: items.tolist() for name, items in doc.listed.items()},
        "establishment": access.establishment,
        "representative": access.representative,
        "users": [(*u[1:11], iso_day(u.expires), iso_day(u.reviewed), *u[13:])
                  for u in access.users],
    }


def from_json(entry: dict[str, Any], source: Path) -> AccessFile:
    """The inverse of `to_json`; `source` is the file, read again to locate deeper nodes."""
    document = Document(
        file=entry["file"],
        data=None,  # the model holds what is needed
        values={tuple(path): tuple(position) for path, position in entry["values"]},
        keys={tuple(path): tuple(position) for path, position in entry["keys"]},
        listed={name: array("L", items) for name, items in entry["listed"].items()},
        plain={},  # only a file with problems needs it, and those are never cached
        content_hash=entry["content_hash"],
        source=source,
    )
    new, day = tuple.__new__, parse_day  # the NamedTuple's own __new__ is twice as slow
    users = tuple(
        new(User, (i, username, email, intern(title), intern(first), intern(last),
                   intern(profile), number,
                   services_of(tuple(services)), code, reset, expires and day(expires),
                   reviewed and day(reviewed), ticket, code_ticket, reset_ticket))
        for i, (username, email, title, first, last, profile, number, services, code, reset,
                expires, reviewed, ticket, code_ticket, reset_ticket)
        in enumerate(entry["users"])
    )
    return AccessFile(document, Establishment(*entry["establishment"]),
                      Representative(*entry["representative"]), users)
