"""A content-addressed cache of parsed and schema-checked access files, in .rvsq/cache/.

At province scale most files do not change between two plans; reading them again from
the cache instead of parsing them is what keeps a plan after a small pull request fast.
An entry is found by the SHA-256 of the file's bytes, its path, the message language, the
schemas and the tool's version: a change to any of them simply misses. The folder is
private to its owner (entries are pickles: only this tool writes them).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

import reconciler
from reconciler import schema


class ParseCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        salt = hashlib.sha256(reconciler.__version__.encode())
        for name in (schema.ACCESS_FILE, schema.POLICY_FILE):
            salt.update(repr(schema.load_schema(name)).encode())
        self._salt = salt.digest()

    def key(self, display: str, raw: bytes, lang: str) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(f"{lang}\0{display}\0".encode())
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        try:
            with open(self.folder / key[:2] / key, "rb") as handle:
                return pickle.load(handle)  # written by this tool only, in a private folder
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            return None  # a miss: absent, truncated or from an older tool

    def put(self, key: str, value: Any) -> None:
        """Best effort: a cache that cannot be written only makes the next run slower."""
        target = self.folder / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folder.chmod(0o700)
            partial = target.with_suffix(f".{os.getpid()}.partial")
            partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, target)
        except OSError:
            pass
