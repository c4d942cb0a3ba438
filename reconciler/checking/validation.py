"""Validation pipeline: find files → load strictly → schema → domain rules → problems.

Pure of output: the CLI renders the result. Nothing here raises for bad content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import NamedTuple, Protocol

from reconciler import files
from reconciler.checking import rules
from reconciler.errors import UserError
from reconciler.problems import ERROR, MAX_PER_FILE, WARNING, Omitted, Problem, keep_first
from reconciler.reading import loader, model, schema
from reconciler.reading import policy as policy_mod
from reconciler.reading.policy import Policy

ACCESS_SUFFIXES = (".yaml", ".yml")


class Validation(NamedTuple):
    files: list[model.AccessFile]  # the files that passed the schema, normalised
    problems: list[Problem]  # sorted by file, line, column; at most MAX_PER_FILE a file
    file_count: int
    user_count: int
    policy: Policy
    digest: str  # of every file read, policy included: a plan is valid for this input only
    omitted: dict[str, Omitted] | None = None  # by file: the problems counted, not kept

    @property
    def errors(self) -> int:
        more = sum(o.errors for o in self.omitted.values()) if self.omitted else 0
        return sum(p.severity == ERROR for p in self.problems) + more

    @property
    def warnings(self) -> int:
        more = sum(o.warnings for o in self.omitted.values()) if self.omitted else 0
        return sum(p.severity == WARNING for p in self.problems) + more


def display(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


MAX_FILES = 20_000  # ~1,000 establishments is the design ceiling: far more is a mistake


def discover(paths: list[Path]) -> list[Path]:
    """Access files under `paths` (files as given, folders recursively), sorted. A link in
    a folder that leads outside it is refused: a pull request must not be able to make
    the tool read a file the reviewers never saw."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UserError("E012", path=path.as_posix())
        if not path.is_dir():  # a file, or a FIFO or device that the reader refuses
            found.append(path)
            continue
        root = path.resolve()
        in_folder = []
        for p in path.rglob("*"):
            if (p.suffix not in ACCESS_SUFFIXES or p.name == policy_mod.POLICY_FILE_NAME
                    or any(part.startswith(".") for part in p.relative_to(path).parts)
                    or not p.is_file()):
                continue
            if not p.resolve().is_relative_to(root):
                raise UserError("E015", link=p.as_posix(), path=path.as_posix())
            in_folder.append(p)
            if len(in_folder) > MAX_FILES:
                raise UserError("E014", limit=MAX_FILES, path=path.as_posix())
        if not in_folder:
            raise UserError("E013", path=path.as_posix())
        found.extend(sorted(in_folder))
    return list(dict.fromkeys(found))  # a file named twice is read once


def _inside_the_access_folder(policy: Path, paths: list[Path]) -> None:
    """A policy found in a folder is refused if it is a link leading out of it (E015)."""
    folder = policy.parent
    if folder.is_symlink() or not policy.resolve().is_relative_to(folder.resolve()):
        raise UserError("E015", link=policy.as_posix(), path=folder.as_posix())


def load_policy(path: Path | None) -> tuple[Policy, list[Problem], loader.Document | None]:
    if path is None:
        return policy_mod.DEFAULT, [], None
    result = loader.load_file(path, display(path), files.POLICY)
    doc = result.document
    if doc is None or result.problems:
        return policy_mod.DEFAULT, result.problems, doc
    problems = schema.check(doc, schema.POLICY_FILE)
    if problems:
        return policy_mod.DEFAULT, problems, doc
    return policy_mod.from_data(doc.data, display(path)), [], doc


class FileRead(NamedTuple):
    """What one access file yielded: its model if it is usable, its problems so far."""

    file: str  # as shown to the user
    access: model.AccessFile | None  # None: it could not be loaded or broke the schema
    problems: list[Problem]
    users: int  # entries listed, valid or not
    content_hash: str | None  # None: it could not be loaded


class Reader(Protocol):
    """How `validate_paths` reads each access file and checks the rules in it: `PLAIN`, or
    the parse cache's reader (cache.CachingReader), which gives back what the same bytes
    yielded before instead of computing it again."""

    def read(self, path: Path) -> FileRead: ...

    def rule_findings(self, read: FileRead, policy: Policy, today: dt.date
                      ) -> list[Problem]: ...


class PlainReader:
    """Every file read, parsed, checked and modelled anew."""

    def read(self, path: Path) -> FileRead:
        """One file, strictly loaded, checked against the schema and modelled."""
        shown = display(path)
        raw = loader.read_file(path, shown)
        if isinstance(raw, Problem):
            return FileRead(shown, None, [raw], 0, None)
        return self.parse(path, shown, raw)

    def parse(self, path: Path, shown: str, raw: bytes) -> FileRead:
        """The file's bytes, `raw`, strictly loaded, checked against the schema and
        modelled."""
        result = loader.load_bytes(raw, shown)
        doc = result.document
        if doc is None or result.problems:
            return FileRead(shown, None, result.problems, 0, None)  # a half-read file is unused
        problems = schema.check(doc, schema.ACCESS_FILE)
        if problems:
            users = doc.data.get("users") if isinstance(doc.data, dict) else None
            return FileRead(shown, None, problems, len(users) if isinstance(users, list) else 0,
                            doc.content_hash)
        access = model.from_document(doc)
        # The model holds what is needed; at province scale the rest weighs more than it.
        doc.data, doc.plain = None, {}  # `plain` only ever explains a schema error
        doc.release(path)
        return FileRead(shown, access, [], len(access.users), doc.content_hash)

    def rule_findings(self, read: FileRead, policy: Policy, today: dt.date) -> list[Problem]:
        """The domain rules' findings in one file that passed the schema."""
        assert read.access is not None
        return rules.check_file(read.access, policy, today)


PLAIN = PlainReader()


def config_digest(files: list[tuple[str, str]]) -> str:
    """One digest for the whole input: each file's path and content hash, in order."""
    digest = hashlib.sha256()
    for file, content_hash in sorted(files):
        digest.update(f"{file}\0{content_hash}\n".encode())
    return "sha256:" + digest.hexdigest()


def validate_paths(
    paths: list[Path],
    policy_path: Path | None = None,
    strict: bool = False,
    today: dt.date | None = None,
    reader: Reader = PLAIN,
) -> Validation:
    """Validate `paths`; reviews are judged as of `today` (default: the real today). Each
    file is read, and its rules checked, by `reader`."""
    today = today or dt.date.today()
    files = discover(paths)
    policy_file = policy_path or policy_mod.find(paths)
    if policy_path is None and policy_file is not None:
        _inside_the_access_folder(policy_file, paths)
    policy, problems, policy_doc = load_policy(policy_file)
    read = [(policy_doc.file, policy_doc.content_hash)] if policy_doc else []
    access_files: list[model.AccessFile] = []
    user_count = 0
    omitted: dict[str, Omitted] = {}
    for path in files:
        found = reader.read(path)
        in_file = found.problems
        user_count += found.users
        if found.content_hash is not None:
            read.append((found.file, found.content_hash))
        if found.access is not None:
            in_file = [*in_file, *reader.rule_findings(found, policy, today)]
            access_files.append(found.access)
        # Only the first of a file's problems are kept, the others counted: a file
        # thousands of problems long costs no more memory, and no more to print.
        problems.extend(keep_first(in_file, omitted) if len(in_file) > MAX_PER_FILE
                        else in_file)
    problems.extend(rules.check_across(access_files))
    if strict:
        problems = [p._replace(severity=ERROR) for p in problems]
        omitted = {file: Omitted(o.total, 0) for file, o in omitted.items()}
    problems = keep_first(problems, omitted)
    return Validation(
        access_files, problems, len(files), user_count, policy, config_digest(read), omitted
    )
