"""Secret codes (ARCHITECTURE §6): made with `secrets`, stored only as a hash, shown once,
sealed with age to the representative's key.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from typing import NamedTuple

import pyrage

from reconciler.errors import UserError
from reconciler.reading import age_keys

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16  # 16 × 5 bits = 80 bits


def new_code() -> str:
    # 32 letters divide 256: the low five bits of a random byte pick one without bias.
    raw = "".join(ALPHABET[byte & 31] for byte in secrets.token_bytes(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def code_hash(code: str) -> str:
    canonical = code.replace("-", "").upper()
    return "sha256:" + hashlib.sha256(canonical.encode("ascii")).hexdigest()


def seal(codes: list[dict[str, str]], recipient: str) -> str:
    """The codes as age-encrypted, ASCII-armoured JSON that only `recipient` can open."""
    batch = Batch()
    for code in codes:
        batch.add(code)
    return batch.seal(recipient)


class Batch:
    """The codes one run issued for one establishment, sealed again as each is added (the
    sealed copy commits with the code's own change). Each entry is turned into JSON once,
    so sealing the n-th code does not serialise the n-1 before it again."""

    def __init__(self) -> None:
        self._entries: list[str] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, code: dict[str, str]) -> None:
        self._entries.append(json.dumps(code, ensure_ascii=False))

    def truncate(self, count: int) -> None:
        """Forget the codes added after the first `count` (their action rolled back)."""
        del self._entries[count:]

    def seal(self, recipient: str) -> str:
        # The same text as json.dumps({"codes": [...]}), built from the parts.
        payload = '{"codes": [' + ", ".join(self._entries) + "]}"
        return _armor(pyrage.encrypt(payload.encode("utf-8"), [age_keys.recipient(recipient)]))



SEALED_FIELDS = ("username", "email", "code", "issued_at")  # what apply seals per code
NAME = "name"  # the person's name, sealed too since release 16 (older files have none)
# Control and format characters (escapes, bidirectional overrides, line separators): a
# value holding one is not ours, and would not be inert on a terminal.
_NOT_INERT = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def reveal(sealed: bytes, identity_text: str, path: str = "") -> dict[str, list[dict[str, str]]]:
    """What `sealed` (the file at `path`) holds, as apply wrote it: {"codes": [entry, …]},
    each entry with the SEALED_FIELDS as inert text."""
    identities = []
    for line in identity_text.splitlines():
        if line.strip().startswith("AGE-SECRET-KEY-"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line.strip()))
            except pyrage.IdentityError:
                raise UserError("E121") from None
    if not identities:
        raise UserError("E121")
    try:
        binary = _unarmor(sealed)
    except ValueError:
        raise UserError("E177", path=path) from None
    try:
        data = pyrage.decrypt(binary, identities)
    except (pyrage.DecryptError, ValueError):
        raise UserError("E122", path=path) from None
    entries = _entries(data)
    if entries is None:
        raise UserError("E178", path=path)
    return {"codes": entries}


def _entries(data: bytes) -> list[dict[str, str]] | None:
    """The entries of a payload apply wrote ({"codes": [{field: text, …}, …]}), or None
    if the payload is anything else."""
    try:
        content = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested past the stack
        return None
    if not isinstance(content, dict) or not isinstance(content.get("codes"), list):
        return None
    entries = content["codes"]
    for entry in entries:
        if not isinstance(entry, dict) or not all(field in entry for field in SEALED_FIELDS):
            return None
        for value in entry.values():
            if not isinstance(value, str) or any(
                    unicodedata.category(char) in _NOT_INERT for char in value):
                return None
    return entries


_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
_END = "-----END AGE ENCRYPTED FILE-----"


def _armor(data: bytes) -> str:
    import base64

    body = base64.b64encode(data).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([_BEGIN, *lines, _END]) + "\n"


def _unarmor(data: bytes) -> bytes:
    """The age file inside its armour (a binary one as it is); ValueError if the armour
    is damaged: not ASCII, no end line, not base64."""
    import base64

    text = data.strip()
    if not text.startswith(_BEGIN.encode()):
        return data  # a binary age file
    lines = text.decode("ascii").splitlines()  # UnicodeDecodeError is a ValueError
    if len(lines) < 2 or lines[-1].strip() != _END:
        raise ValueError("no end line")
    return base64.b64decode("".join(line.strip() for line in lines[1:-1]), validate=True)


# --- which files, and which of their codes still hold (`codes reveal`) ------------------
# How apply names a sealed file: `<run>-<establishment>.age`, the run starting with its
# UTC time (executor.Run.run_id), so that runs sort as they happened.
_SEALED_NAME = re.compile(r"(\d{8}T\d{12}Z-[0-9a-f]{6})-(.+)\.age")


class SealedFile(NamedTuple):
    """A sealed file given to `codes reveal`, and what its name says (None for both when
    it was renamed: then it is its own establishment's only file)."""

    path: str
    run: str | None
    establishment: str | None

    @classmethod
    def named(cls, path: str) -> SealedFile:
        found = _SEALED_NAME.fullmatch(path.replace("\\", "/").rsplit("/", 1)[-1])
        return cls(path, *found.groups()) if found else cls(path, None, None)

    def order(self) -> tuple[bool, str, str]:
        """Oldest run first; renamed files, whose run is unknown, last."""
        return (self.run is None, self.run or "", self.path)


def latest(sealed: list[SealedFile]) -> list[SealedFile]:
    """Each establishment's newest file among `sealed` (and every renamed file)."""
    newest: dict[str, SealedFile] = {}
    for each in sealed:
        key = each.establishment if each.establishment is not None else "\0" + each.path
        if key not in newest or each.order() > newest[key].order():
            newest[key] = each
    return sorted(newest.values(), key=SealedFile.order)


class RevealedCode(NamedTuple):
    """One code as `codes reveal` shows it; `replaced_by` is the entry of the same
    username's later code among the files given (None: this code is the one to hand out)."""

    file: SealedFile
    entry: dict[str, str]
    replaced_by: RevealedCode | None = None

    @property
    def name(self) -> str | None:
        return self.entry.get(NAME) or None

    def later_than(self, other: RevealedCode) -> bool:
        return (self.entry["issued_at"], self.file.order()) > (other.entry["issued_at"],
                                                               other.file.order())


def revealed(opened: list[tuple[SealedFile, list[dict[str, str]]]]) -> list[RevealedCode]:
    """Every code of the files opened, in their order, each marked replaced when the same
    username has a later code among them (a code sealed again replaces the one before)."""
    found = [RevealedCode(file, entry) for file, entries in opened for entry in entries]
    newest: dict[str, RevealedCode] = {}
    for code in found:
        username = code.entry["username"]
        if username not in newest or code.later_than(newest[username]):
            newest[username] = code
    return [code if newest[code.entry["username"]] is code
            else code._replace(replaced_by=newest[code.entry["username"]]) for code in found]
