"""Strict YAML loading: bytes → plain data, with the line and column of every node.

We walk libyaml's event stream ourselves instead of using PyYAML's composer so that what
YAML would do silently becomes a located error (ARCHITECTURE §3): anchors and aliases (no
"billion laughs"), explicit tags, duplicate keys, non-text keys. Plain scalars are typed
the YAML 1.1 way (``NO`` is a boolean, ``06`` a number, ``2026-05-01`` a date) and their
source text is kept, so the schema step can say "quote it" when it wanted text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from reconciler import files
from reconciler.catalog import phrase
from reconciler.errors import UserError
from reconciler.problems import Problem, error
from reconciler.reading.text import describe

try:  # the C parser is much faster; PyYAML without libyaml still works
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = files.ACCESS.cap
# Written as themselves (not escaped), these are line breaks to YAML 1.1 (libyaml, which
# folds them into spaces) and characters to YAML 1.2 readers: refused before parsing.
_YAML11_BREAKS = re.compile("[\u0085\u2028\u2029]")
MAX_DEPTH = 32
# Word and other word processors turn straight quotes into these. Looked for in the
# scalars only when the file holds one (a single scan in C), so a file without them costs
# nothing per value; ’ alone is an apostrophe (L’Heureux), not a quote.
_TYPOGRAPHIC = re.compile("[\u201c\u201d\u201e\u2018]")
_CURLY_QUOTES = "\u201c\u201d\u201e\u2018\u2019"
# A no-break space (Alt+Space, Word, a copied web page) where YAML wants a space: in the
# indentation, or after the colon of a key or the dash of an item.
_MISPLACED_NO_BREAK_SPACE = re.compile("^[ \u00a0]*\u00a0|[:-]\u00a0")

# The parser's (libyaml's) problems, in its words, and the catalog's phrase for each (see
# `yaml.*` in catalog/problems_reading.py). What is not here is said by `yaml.other`: no
# sentence of the parser reaches a user untranslated.
_YAML_PROBLEMS = {
    "found a tab character that violates indentation": "yaml.tab",
    "found a tab character where an indentation space is expected": "yaml.tab",
    "found character that cannot start any token": "yaml.cannot_start",
    "could not find expected ':'": "yaml.no_colon",
    "mapping values are not allowed in this context": "yaml.colon_in_value",
    "mapping keys are not allowed in this context": "yaml.colon_in_value",
    "block sequence entries are not allowed in this context": "yaml.dash_misplaced",
    "did not find expected '-' indicator": "yaml.dash_expected",
    "did not find expected key": "yaml.indentation",
    "did not find expected node content": "yaml.no_value",
    "did not find expected ',' or ']'": "yaml.unclosed_bracket",
    "did not find expected ',' or '}'": "yaml.unclosed_brace",
    "found unexpected end of stream": "yaml.unclosed_quote",
    "found unexpected document indicator": "yaml.unclosed_quote",
    "found unknown escape character": "yaml.escape",
    "found invalid Unicode character escape code": "yaml.escape",
    "did not find expected hexdecimal number": "yaml.escape",
    "did not find expected comment or line break": "yaml.after_value",
    "did not find expected <document start>": "yaml.after_value",
    "found unexpected ':'": "yaml.colon_in_value",
    "control characters are not allowed": "yaml.control",
    "invalid Unicode character": "yaml.control",
    "found undefined tag handle": "yaml.tag",
    "did not find expected tag URI": "yaml.tag",
    "did not find expected '!'": "yaml.tag",
    "did not find expected alphabetic or numeric character": "yaml.anchor",
    "found unknown directive name": "yaml.directive",
    "did not find expected whitespace or line break": "yaml.after_value",
    "found an indentation indicator equal to 0": "yaml.block_scalar",
    # ruamel.yaml's (pure Python, for `user`'s edits), where its words differ
    "mapping values are not allowed here": "yaml.colon_in_value",
    "found character '\\t' that cannot start any token": "yaml.tab",
    "found duplicate key": "yaml.duplicate_key",
}
_BLOCK_END = re.compile(r"expected <block end>, but found|expected <document start>")


def parser_words(problem: str | None, context: str | None = None) -> dict[str, Any]:
    """The catalog's phrase for a YAML parser's problem (libyaml's, or ruamel.yaml's when
    `user` edits a file): what it found, else where it was, else a general sentence."""
    problem, context = problem or "", context or ""
    key = _YAML_PROBLEMS.get(problem) or _YAML_PROBLEMS.get(context)
    if key is None and _BLOCK_END.match(problem):
        key = "yaml.indentation"
    elif key is None and problem.endswith("that cannot start any token"):
        key = "yaml.cannot_start"
    elif key is None and problem.startswith("found duplicate key"):
        key = "yaml.duplicate_key"
    return phrase(key or "yaml.other")

Path_ = tuple[str | int, ...]
Position = tuple[int, int]

_resolver = yaml.resolver.Resolver()
# The first characters of every implicitly typed YAML 1.1 scalar (bool, int, float, null,
# date, merge, value); a plain scalar starting otherwise is text, without asking.
_TYPED_FIRST_CHARS = frozenset(k for k in _resolver.yaml_implicit_resolvers if k)
_constructor = yaml.constructor.SafeConstructor()
# The fields the schemas type as booleans: there YAML 1.1's `yes`, `off`, `True`… are
# refused (E018), as YAML 1.2 readers (editors, check-jsonschema) read them as text.
BOOLEAN_FIELDS = frozenset({"retired"})


@dataclass(eq=False)
class Document:
    """One parsed file. Positions are 1-based (line, column), keyed by the node's path.

    A plan at province scale reads a hundred thousand users and locates almost none of
    them, so positions are recorded only down to each user (the lines a plan cites); the
    first question about a deeper node parses the file's bytes again, with every position.
    The items of a top-level list (the users) are located by `listed`: (line, column)
    pairs in one array per list, a tenth of what a dict of tuples weighs.
    """

    file: str
    data: Any
    values: dict[Path_, Position]
    keys: dict[Path_, Position]
    listed: dict[str, array[int]]
    plain: dict[Path_, str]  # source text of plain scalars that YAML did not read as text
    content_hash: str  # SHA-256 of the file's bytes: what a plan was made from
    raw: bytes | None = None  # kept while positions are partial, to complete them later
    source: Path | None = None  # or read again from here, if its bytes have not changed
    lines: list[str] | None = None  # the text, once something in it is located

    def char_where(self, path: Path_, index: int) -> Position:
        """Position of character `index` of the text value at `path`, in the source: a
        refused character is pointed at, not only its value. Escapes in double quotes
        (`\\e`) are counted as the one character they write; a value over several lines
        is located at its start."""
        line, column = self.where(path)
        if self.lines is None and self.partial:
            self._complete()  # `where` found the value without the text: read it now
        if self.lines is None or line > len(self.lines):
            return line, column
        found = _column_of(self.lines[line - 1], column - 1, index)
        return (line, found + 1) if found is not None else (line, column)

    def where(self, path: Path_) -> Position:
        """Position of the node at `path`, or of its nearest ancestor that has one."""
        found = self._known(path)
        if found is None and self.partial:
            self._complete()
            found = self._known(path)
        while found is None and path:
            path = path[:-1]
            found = self._known(path)
        return found or (1, 1)

    def line_of_item(self, name: str, index: int) -> int:
        """The line of item `index` of the top-level list `name`: what a plan cites, for
        each of a hundred thousand users, so it skips the general lookup."""
        found = self._item(name, index)
        return (found or self.where((name, index)))[0]

    def _known(self, path: Path_) -> Position | None:
        found = self.values.get(path)
        if found is None and len(path) == 2 and type(path[0]) is str and type(path[1]) is int:
            return self._item(path[0], path[1])
        return found

    def _item(self, name: str, index: int) -> Position | None:
        items = self.listed.get(name)
        if items is not None and 0 <= 2 * index < len(items):
            return items[2 * index], items[2 * index + 1]
        return None

    def key_where(self, path: Path_) -> Position:
        if path not in self.keys and self.partial:
            self._complete()
        return self.keys.get(path) or self.where(path)

    @property
    def partial(self) -> bool:
        """Whether positions below each user can still be found."""
        return self.raw is not None or self.source is not None

    def release(self, source: Path) -> None:
        """Forget the bytes (at province scale they weigh more than the model); a deeper
        position, rarely asked for, is then found by reading `source` again."""
        if self.raw is not None:
            self.raw, self.source = None, source

    def _complete(self) -> None:
        raw = self.raw
        if raw is None and self.source is not None:
            try:
                raw = files.read_file(self.source, files.ACCESS)
            except UserError:
                raw = None
            if raw is not None and hashlib.sha256(raw).hexdigest() != self.content_hash:
                raw = None  # changed since it was read: its positions would be wrong
        self.raw = self.source = None
        if raw is None:
            return  # positions stay those of the nearest ancestor known
        builder = _Builder(self.file, full=True)
        text = _text(raw)
        builder.build(_events(text))
        self.values, self.keys, self.listed = builder.values, builder.keys, builder.listed
        self.lines = text.split("\n")


class LoadResult(NamedTuple):
    document: Document | None
    problems: list[Problem]


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def read_file(path: Path, display: str, kind: files.Kind = files.ACCESS) -> bytes | Problem:
    """The file's bytes, or why it cannot be read (a regular file of at most the size
    limit: files.read_file), located in the file."""
    try:
        return files.read_file(path, kind, display)
    except UserError as exc:
        if exc.code == kind.too_large:  # the existing code, as load_bytes gives it
            return error(display, (1, 1), "E002", limit_mib=kind.cap >> 20)
        return error(display, (1, 1), exc.code, **exc.params)


def load_file(path: Path, display: str, kind: files.Kind = files.ACCESS) -> LoadResult:
    """Read and parse one access file (or the policy: `kind`); never raises for bad
    content."""
    raw = read_file(path, display, kind)
    if isinstance(raw, Problem):
        return LoadResult(None, [raw])
    return load_bytes(raw, display)


def _events(text: str) -> Iterator[yaml.Event]:
    """libyaml's events, pulled straight from the parser (no generator in between)."""
    return iter(_Loader(text).get_event, None)


def _text(raw: bytes) -> str:
    return raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")


def load_bytes(raw: bytes, display: str, *, full: bool = False) -> LoadResult:
    """Parse one file's bytes strictly. `full` records every node's position now rather
    than on demand."""
    if len(raw) > MAX_FILE_BYTES:
        return LoadResult(None, [error(display, (1, 1), "E002", limit_mib=MAX_FILE_BYTES >> 20)])
    try:
        text = _text(raw)
    except UnicodeDecodeError as exc:
        return LoadResult(None, [not_utf8(raw, exc, display)])
    breaks = _YAML11_BREAKS.search(text)
    if breaks:  # one scan of the file, in C: the usual file has none
        pos = _byte_position(text.encode(), len(text[:breaks.start()].encode()))
        return LoadResult(None, [error(display, pos, "E019", char=describe(breaks.group()))])
    builder = _Builder(display, full=full, typographic=_TYPOGRAPHIC.search(text) is not None)
    try:
        data = builder.build(_events(text))
    except _Fatal as fatal:
        return LoadResult(None, [fatal.problem])
    except yaml.reader.ReaderError as exc:  # libyaml counts its position in bytes
        pos = _byte_position(raw.removeprefix(codecs.BOM_UTF8), exc.position)
        return LoadResult(None, [not_yaml(display, pos, exc.reason, "", text)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.line >= text.count("\n"):
            mark = exc.context_mark  # "unexpected end of stream": point at what was left open
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return LoadResult(None, [not_yaml(display, pos, exc.problem or "", exc.context or "",
                                          text)])
    except yaml.YAMLError:  # pragma: no cover - libyaml always gives a mark
        return LoadResult(None, [not_yaml(display, (1, 1), "", "", text)])
    if builder.problems and not full:  # about to be located: read it again, all of it
        return load_bytes(raw, display, full=True)
    content_hash = hashlib.sha256(raw).hexdigest()
    doc = Document(display, data, builder.values, builder.keys, builder.listed, builder.plain,
                   content_hash, None if full else raw, lines=text.split("\n") if full else None)
    return LoadResult(doc, builder.problems)


def not_utf8(raw: bytes, exc: UnicodeDecodeError, display: str) -> Problem:
    """E001 at the first byte that is not UTF-8, naming it; the hint says what the file
    probably is: UTF-16 (its byte-order mark) or, far more often, Windows-1252 / Latin-1,
    what Windows and Excel save French text as."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    line, column = _byte_position(raw, exc.start + bom)
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return error(display, (line, column), "E001", byte=f"0x{raw[exc.start + bom]:02X}",
                 line=line, column=column, **({"_hint": "utf16"} if utf16 else {}))


def not_yaml(display: str, pos: Position, problem: str, context: str, text: str) -> Problem:
    """E003 in the user's words: the mistakes people make (a tab, a no-break space) found
    on the line and pointed at; any other parser problem said by its catalog phrase."""
    line, column = pos
    lines = text.split("\n", line)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    words = parser_words(problem, context)
    key = words["message"]
    indent = here[:len(here) - len(here.lstrip(" \t"))]
    if key == "yaml.tab" or "\t" in indent:
        tab = indent.find("\t")
        column = tab + 1 if tab >= 0 else column
        return error(display, (line, column), "E003", column=column, _hint="tab",
                     _words={"detail": phrase("yaml.tab")})
    for candidate in (line, line - 1):  # the parser may stop at the line after it
        around = lines[candidate - 1] if 0 < candidate <= len(lines) else ""
        misplaced = _MISPLACED_NO_BREAK_SPACE.search(around)
        if misplaced:
            found = (candidate, misplaced.end())
            return error(display, found, "E003", column=found[1], _hint="nbsp",
                         _words={"detail": phrase("yaml.nbsp", column=found[1])})
    return error(display, (line, column), "E003", _words={"detail": words})


def _in_curly_quotes(text: str) -> bool:
    """`“06”`, `‘06’`, `”06”`: a value a word processor quoted with typographic quotes."""
    return len(text) > 1 and text[0] in _CURLY_QUOTES and text[-1] in _CURLY_QUOTES \
        and (text[0] != "\u2019" or text[-1] == "\u2019")


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def _column_of(line: str, start: int, index: int) -> int | None:
    """0-based column of character `index` of the scalar starting at column `start` of
    `line` (plain, 'single' or "double" quoted), or None if it is not on this line."""
    quote = line[start:start + 1]
    if quote not in ("'", '"'):
        quote = ""  # plain: no escapes, ends with the line
    pos = start + 1 if quote else start
    count = 0
    while pos < len(line):
        if count == index:
            return pos
        char = line[pos]
        if quote == '"' and char == "\\":
            pos += _ESCAPE_LENGTHS.get(line[pos + 1:pos + 2], 2)
        elif quote == "'" and line[pos:pos + 2] == "''":
            pos += 2
        elif char == quote:
            return None
        else:
            pos += 1
        count += 1
    return None


def _byte_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _pos(event: yaml.Event) -> Position:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Builder:
    """Turns an event stream into plain data, recording positions and strictness problems."""

    def __init__(self, file: str, *, full: bool, typographic: bool = False) -> None:
        self.file = file
        self.typographic = typographic  # the file holds a curly quote: look at each value
        self.depth = 1_000 if full else 2  # positions recorded down to this path length
        self.values: dict[Path_, Position] = {}
        self.listed: dict[str, array[int]] = {}
        self.keys: dict[Path_, Position] = {}
        self.plain: dict[Path_, str] = {}
        self.problems: list[Problem] = []

    def build(self, events: Iterator[yaml.Event]) -> Any:
        data: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Fatal(error(self.file, _pos(event), "E008"))
                data = self._node(next(events), events, ())
            elif isinstance(event, yaml.StreamEndEvent) and documents == 0:
                raise _Fatal(error(self.file, (1, 1), "E007"))
        if data is None:
            raise _Fatal(error(self.file, (1, 1), "E007"))
        return data

    def _strict(self, event: yaml.NodeEvent, path: Path_) -> None:
        if event.anchor is not None:
            # An anchor can only be there to be repeated; refuse before any expansion.
            raise _Fatal(error(self.file, _pos(event), "E005", anchor=event.anchor))
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")  # as the user wrote it
            self.problems.append(error(self.file, _pos(event), "E006", tag=shown))

    def _node(self, event: yaml.Event, events: Iterator[yaml.Event], path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            raise _Fatal(error(self.file, _pos(event), "E010", limit=MAX_DEPTH))
        if isinstance(event, yaml.AliasEvent):
            raise _Fatal(error(self.file, _pos(event), "E005", anchor=event.anchor))
        self._strict(event, path)
        if len(path) == 2 and type(path[1]) is int and type(path[0]) is str:
            items = self.listed.get(path[0])
            if items is None:
                items = self.listed[path[0]] = array("L")
            items.append(event.start_mark.line + 1)
            items.append(event.start_mark.column + 1)
        elif len(path) <= self.depth:
            self.values[path] = _pos(event)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item in events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(item, events, (*path, len(items))))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, path)
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def _mapping(self, events: Iterator[yaml.Event], path: Path_) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        next_user = False  # E045 said: the keys repeated after it are the next user's
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._key(key_event, events, path)
            value_event = next(events)
            if key is None:  # reported; still consume the value to stay in step
                self._node(value_event, events, (*path, "\0"))
                continue
            if key in mapping:
                if not next_user and self._next_user(path, mapping, key, key_event):
                    self.problems.append(error(self.file, _pos(key_event), "E045",
                                               key=key, n=path[1] + 2))  # type: ignore[operator]
                    next_user = True
                elif not next_user:
                    first = self.keys.get((*path, key), (0, 0))  # (0, 0): the fast pass
                    self.problems.append(
                        error(self.file, _pos(key_event), "E004", key=key, first_line=first[0])
                    )
                self._node(value_event, events, (*path, "\0"))
                continue
            if len(path) < self.depth:
                self.keys[(*path, key)] = _pos(key_event)
            mapping[key] = self._node(value_event, events, (*path, key))
        raise AssertionError("unterminated mapping")  # pragma: no cover

    def _next_user(self, path: Path_, mapping: dict[str, Any], key: str,
                   key_event: yaml.Event) -> bool:
        """Whether a repeated `key` is the next user's first, its '- ' forgotten: a user's
        first key again, at its column. Only asked on a repeat, so a file without one
        pays nothing; the fast pass records no column and is read again in full."""
        if not (len(path) == 2 and path[0] == "users" and type(path[1]) is int):
            return False
        first = next(iter(mapping))
        where = self.keys.get((*path, first))
        return key == first and where is not None and where[1] == key_event.start_mark.column + 1

    def _key(self, event: yaml.Event, events: Iterator[yaml.Event], path: Path_) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.problems.append(error(self.file, _pos(event), "E009", text="…"))
            self._node(event, events, (*path, "\0"))
            return None
        self._strict(event, path)
        value = self._scalar(event, None)
        if not isinstance(value, str):
            self.problems.append(error(self.file, _pos(event), "E009", text=event.value))
            return None
        return value

    def _scalar(self, event: yaml.ScalarEvent, path: Path_ | None) -> Any:
        text = event.value
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
            if self.typographic and path and not event.style and _in_curly_quotes(text):
                field = next((p for p in reversed(path) if type(p) is str), "")
                self.problems.append(error(self.file, _pos(event), "E046", field=field,
                                           text=text, value=text[1:-1]))
        if event.style or event.tag is not None:  # quoted, block or tagged: text as written
            return text
        if text and text[0] not in _TYPED_FIRST_CHARS:
            return text  # no YAML 1.1 type starts with this character: plain text
        tag = _resolver.resolve(yaml.ScalarNode, text, (True, False))
        construct = _constructor.yaml_constructors.get(tag)
        if tag == "tag:yaml.org,2002:str" or construct is None:  # `=`, `<<`: just text
            return text
        try:
            value = construct(_constructor, yaml.ScalarNode(tag, text))
        except (ValueError, yaml.YAMLError):  # e.g. 2026-13-45 looks like a date but is not
            return text
        if path is not None:
            self.plain[path] = text
            if type(value) is bool and text not in ("true", "false") and path \
                    and path[-1] in BOOLEAN_FIELDS:
                self.problems.append(error(self.file, _pos(event), "E018", field=path[-1],
                                           text=text, value=str(value).lower()))
        return value
