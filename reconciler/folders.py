"""The folders the tool writes into (.rvsq and what it holds: codes, emails, the parse
cache), and the names of the files it makes in them from the state.

Everything under .rvsq is private to its owner and ignored by git; a symbolic link where
one of these folders should be is refused (E149), as is a file name from the state that
could reach outside its folder (E135).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from reconciler.errors import UserError

WORK_DIR = Path(".rvsq")
# Inside .rvsq, so that nothing the tool writes (state, codes, emails, cache) can be
# committed by accident: git, like pytest's and ruff's caches, then ignores the folder.
GITIGNORE = "# Written by rvsq-access: nothing in this folder belongs in git.\n*\n"


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing: only its owner may enter it, as every folder of ours from
    .rvsq down (they hold hashes, sealed codes, emails to people and the parse cache).

    Permissions are given when a folder is made, never changed on one that exists: an
    auditor's read-only copy stays read-only, and a command that only reads writes no
    metadata. A symbolic link where one of our folders should be is refused (E149): what
    the tool writes, and a chmod, would reach the link's target."""
    ours = _ours(folder)
    ours[0].parent.mkdir(parents=True, exist_ok=True)  # what holds them is not ours
    for part in ours:
        _made_private(part)
    if ours[0].name == WORK_DIR.name:
        _ignored_by_git(ours[0])
    return folder


def _ours(folder: Path) -> list[Path]:
    """The folders of ours on the way to `folder`: from .rvsq (or, with no .rvsq above it,
    the folder itself) down."""
    parts = [folder, *folder.parents]
    top = next((i for i, part in enumerate(parts) if part.name == WORK_DIR.name), 0)
    return parts[top::-1]


def refuse_planted_links(*folders: Path) -> None:
    """Before an apply changes anything: none of the folders it will write into (made
    later, after commit) is a symbolic link (E149)."""
    for folder in folders:
        for part in _ours(folder):
            if part.is_symlink():
                raise UserError("E149", path=part.as_posix())


def _made_private(folder: Path) -> bool:
    """Make `folder` (mode 0700) unless it is there; refuse a link or a file in its place.
    Whether it was made now."""
    try:
        os.mkdir(folder, 0o700)
        return True
    except FileExistsError:
        pass
    mode = os.lstat(folder).st_mode
    if stat.S_ISLNK(mode):
        raise UserError("E149", path=folder.as_posix())
    if not stat.S_ISDIR(mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    return False


def _ignored_by_git(work_dir: Path) -> None:
    """`.rvsq/.gitignore` holding `*`, unless it is there already (it is never rewritten:
    a user may have made it say more)."""
    try:
        fd = os.open(work_dir / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:  # there already; or a folder we may not write, where nothing is made
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(GITIGNORE)


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def safe_name(name: str) -> str:
    """A file name built from the state (run ids, establishment ids): refused if it could
    reach outside its folder, which only a tampered database could make it."""
    if not _SAFE_NAME.fullmatch(name) or ".." in name:
        raise UserError("E135", name=name)
    return name
