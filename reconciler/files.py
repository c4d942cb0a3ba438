"""Bounded, typed reads: every file a user or a repository names is read through here;
and whole writes, for the files the tool hands to people (sealed codes, emails).

The open never blocks (O_NONBLOCK: a FIFO without a writer opens at once), the open
descriptor must be a regular file (a FIFO, a device such as /dev/zero, a socket or a
folder is refused), and at most its kind's cap plus one byte is read, so a huge, growing
or endless file costs at most the cap, and the answer comes well under a second. The
state database and git are not read this way; the parse cache reads its entries with
`open_regular` and treats any refusal as a miss.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from reconciler.errors import UserError

MiB = 1 << 20
_CHUNK = MiB


class Kind(NamedTuple):
    """What a file is for, and the most it may hold."""

    cap: int  # bytes
    too_large: str  # the catalog code that refuses a bigger one


# An access file (validate, plan, apply, `user … FILE`): the existing limit (ARCHITECTURE §3);
# validate reports it as E002, located in the file, as before.
ACCESS = Kind(5 * MiB, "E175")
# The policy: a few dozen lines of eligibility; an access file's cap is already generous.
POLICY = Kind(5 * MiB, "E175")
# A saved plan (`apply --plan`): the benchmark's 100,000 users (75,000 creations, 25,000
# grants) plan to 79 MiB of JSON; more than twice that leaves room for longer names and
# more changes per user, and still stops /dev/zero at a fraction of a runner's memory.
PLAN = Kind(192 * MiB, "E175")
# The RAMQ directory (`state import-directory`): the benchmark's rows average 94 bytes;
# 100,000 rows of ~300 bytes (every field long) is 30 MiB.
DIRECTORY = Kind(64 * MiB, "E175")
# A sealed file: one run's codes for one establishment, at most 10,000 users (the schema's
# limit) of ~200 bytes of JSON, encrypted and armoured: under 3 MiB.
SEALED = Kind(16 * MiB, "E175")
# An age identity file: a few lines (a comment, a public key, a secret key).
IDENTITY = Kind(1 * MiB, "E175")
# Published audit heads (`audit verify --heads`): a line of ~80 bytes per apply; 1 MiB is
# more than ten thousand applies.
HEADS = Kind(1 * MiB, "E175")


def open_regular(path: Path, *, follow: bool = True) -> int:
    """A descriptor open for reading on `path`, which must be a regular file; raises
    UserError (E170–E174, E176) otherwise. Never blocks, whatever `path` is."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    if not follow:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refusal(path, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserError("E172", path=path.as_posix())
        if stat.S_ISFIFO(mode):
            raise UserError("E173", path=path.as_posix())
        if not stat.S_ISREG(mode):  # a device (/dev/zero), a socket
            raise UserError("E174", path=path.as_posix())
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bounded(fd: int, cap: int) -> bytes | None:
    """The bytes of `fd`, or None if it holds more than `cap`: its size says so, or a
    byte past the cap was read (it may be growing)."""
    if os.fstat(fd).st_size > cap:
        return None  # too large already: not worth reading
    chunks: list[bytes] = []
    left = cap + 1
    while left > 0:
        chunk = os.read(fd, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return None if left == 0 else b"".join(chunks)


def read_file(path: Path, kind: Kind, shown: str | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `kind.cap`. Every refusal is a
    UserError naming `shown` (the path as given, by default)."""
    shown = path.as_posix() if shown is None else shown
    try:
        fd = open_regular(path)
    except UserError as exc:
        exc.params["path"] = shown
        raise
    try:
        raw = read_bounded(fd, kind.cap)
    except OSError as exc:
        raise _refusal(Path(shown), exc) from None
    finally:
        os.close(fd)
    if raw is None:
        raise UserError(kind.too_large, path=shown, limit_mib=kind.cap // MiB)
    return raw


def _refusal(path: Path, exc: OSError) -> UserError:
    """The error for an open or a read that failed, by what the user can do about it."""
    shown = path.as_posix()
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return UserError("E170", path=shown)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UserError("E171", path=shown)
    if exc.errno == errno.EISDIR:
        return UserError("E172", path=shown)
    if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        return UserError("E174", path=shown)
    name = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return UserError("E176", path=shown, error=name)


def write_whole(target: Path, data: bytes) -> None:
    """Write `target` whole or not at all, private (0600): a temporary file beside it,
    synced, then renamed over it. One temporary name per target: a crash's leftover is
    overwritten by the next write; a link planted under that name is refused (O_NOFOLLOW),
    never written through; a stop (a full disk, Ctrl-C) leaves no half-written file."""
    temporary = target.with_name(f".{target.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)  # a leftover made with another mode
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def sync_folder(folder: Path) -> None:
    """Make the renames done in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
