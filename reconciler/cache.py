"""A content-addressed cache of parsed, schema-valid access files (.rvsq/cache/).

At province scale most files do not change between two plans; reading them from the
cache instead of parsing them again is what keeps a plan after a small pull request fast.

An entry is found by the SHA-256 of the file's bytes, its path, the schemas and the
tool's version: any change simply misses. Entries are JSON, never pickles, and each is
authenticated with an HMAC key that lives outside the repository (RVSQ_CACHE_KEY, else a
per-user key file), so an entry planted in a clone or a shared CI cache is a miss, never
code that runs and never data that replaces what a reviewer read. Only files that passed
the schema are cached: a file with problems is parsed again, to locate them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

import reconciler
from reconciler import schema
from reconciler.loader import Document
from reconciler.store import private_folder


def _key() -> bytes:
    """RVSQ_CACHE_KEY (a CI secret), else ~/.config/rvsq-access/cache.key, made on first use."""
    given = os.environ.get("RVSQ_CACHE_KEY")
    if given:
        return given.encode()
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    path = home / "rvsq-access" / "cache.key"
    try:
        return path.read_bytes()
    except OSError:
        pass
    key = secrets.token_hex(32).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except FileExistsError:  # another process made it first, or we may not read it
        try:
            return path.read_bytes()
        except OSError:
            pass
    except OSError:
        pass
    return key  # a key for this run only: the cache then only helps within the run


FORMAT = 2  # the layout of an entry: change it whenever what an entry means changes


class ParseCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._hmac_key = _key()
        salt = hashlib.sha256(f"{reconciler.__version__}/{FORMAT}".encode())
        for name in (schema.ACCESS_FILE, schema.POLICY_FILE):
            salt.update(repr(schema.load_schema(name)).encode())
        self._salt = salt.digest()

    def key(self, display: str, raw: bytes) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(f"{display}\0".encode())
        digest.update(raw)
        return digest.hexdigest()

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self._hmac_key, body, hashlib.sha256).hexdigest().encode()

    def get(self, key: str, raw: bytes) -> Document | None:
        """The cached document for these bytes, or None (absent, altered, or not ours)."""
        try:
            signature, _, body = (self.folder / key[:2] / key).read_bytes().partition(b"\n")
        except OSError:
            return None
        if not hmac.compare_digest(signature, self._sign(body)):
            return None
        try:
            entry = json.loads(body)
            if entry["key"] != key:  # a genuine entry for other bytes, copied here: a replay
                return None
            return Document(
                file=entry["file"],
                data=entry["data"],
                values={tuple(path): tuple(pos) for path, pos in entry["values"]},
                keys={tuple(path): tuple(pos) for path, pos in entry["keys"]},
                plain={tuple(path): text for path, text in entry["plain"]},
                content_hash=entry["content_hash"],
                raw=raw,  # positions below each user are found again from the bytes
            )
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, document: Document) -> None:
        """Best effort: a cache that cannot be written only makes the next run slower."""
        try:
            body = self._body(key, document)
        except (TypeError, ValueError):  # not plain JSON data: not worth a cache entry
            return
        target = self.folder / key[:2] / key
        try:
            private_folder(target.parent)
            self.folder.chmod(0o700)
            partial = target.with_suffix(f".{os.getpid()}.partial")
            partial.write_bytes(self._sign(body) + b"\n" + body)
            os.replace(partial, target)
        except OSError:
            pass

    @staticmethod
    def _body(key: str, document: Document) -> bytes:
        return json.dumps({
            "key": key,  # signed with the rest: an entry is valid for these bytes only
            "file": document.file,
            "data": document.data,
            "values": list(document.values.items()),
            "keys": list(document.keys.items()),
            "plain": list(document.plain.items()),
            "content_hash": document.content_hash,
        }, ensure_ascii=False, separators=(",", ":")).encode()
