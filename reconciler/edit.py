"""Edit an access file in place: ruamel.yaml round trip, comments and layout kept.

The functions work on the document that `load` returns and change it in place; `dump`
gives the text back. Everything outside the edited entry is written as it was read:
comments (the schema comment on the first line included), key order, quoting, flow lists
and blank lines. New text that YAML 1.1 would read as something else (`NO`, `06`, a
date) is written in quotes, as the strict loader (loader.py) wants it.

ruamel keeps the comment lines that follow a node with the last scalar before them, so
an edit that adds, moves or removes that scalar first takes those lines off it and then
gives them to whatever is last afterwards (`_tail`, `_keeping_tail`).
"""

from __future__ import annotations

import difflib
import io
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from reconciler.errors import UserError
from reconciler.reading.loader import parser_words

# The order of a user's fields in the examples; new fields go where this order puts them.
FIELD_ORDER = (
    "username", "email", "title", "first_name", "last_name", "profile",
    "professional_number", "services", "secret_code", "password_reset",
    "expires", "reviewed", "ticket",
)
ALWAYS_QUOTED = frozenset({"professional_number"})  # as in the examples: "1-85012"
MAX_SUGGESTIONS = 3

_resolver = yaml.resolver.Resolver()  # YAML 1.1, as the strict loader reads plain scalars


# --- text in and out ----------------------------------------------------------------------


def _yaml() -> YAML:
    y = YAML()  # round trip
    y.indent(mapping=2, sequence=4, offset=2)  # users:\n  - email: …
    y.preserve_quotes = True
    y.width = 4096  # never fold a long line
    return y


def load(text: str) -> CommentedMap:
    """Parse an access file for editing; UserError E094 if it cannot be read as YAML."""
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        words = parser_words(getattr(exc, "problem", None), getattr(exc, "context", None))
        raise UserError("E094", _words={"reason": words}) from exc
    if not isinstance(doc, CommentedMap):
        raise UserError("E095")
    return doc


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def text_value(value: str, quoted: bool = False) -> str:
    """`value` as it should be written: in double quotes when YAML 1.1 would misread it."""
    if quoted or _misread(value) or _invisible(value):
        return DoubleQuotedScalarString(value)
    return value


def _invisible(value: str) -> bool:
    """A control, format or line-separator character: in double quotes, YAML escapes it
    (`\\x85`); plain or in single quotes, U+0085 would read back as a space."""
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value)


def _misread(value: str) -> bool:
    tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    return tag != "tag:yaml.org,2002:str"


# --- finding users ------------------------------------------------------------------------


def _fold(key: str) -> str:
    return unicodedata.normalize("NFC", key.strip()).casefold()


def user_key(user: Any) -> str:
    """A user's key: its username, or its email when it has none."""
    if not isinstance(user, dict):
        return ""
    return str(user.get("username") or user.get("email") or "")


def users(doc: CommentedMap) -> CommentedSeq:
    found = doc.get("users")
    if not isinstance(found, CommentedSeq):
        raise UserError("E095")
    return found


def keys(doc: CommentedMap) -> list[str]:
    return [user_key(u) for u in users(doc) if user_key(u)]


def find(doc: CommentedMap, key: str) -> int | None:
    """Index of the user whose key is `key` (case-insensitive), or None."""
    wanted = _fold(key)
    for i, user in enumerate(users(doc)):
        if user_key(user) and _fold(user_key(user)) == wanted:
            return i
    return None


def close_keys(doc: CommentedMap, key: str) -> list[str]:
    """Keys of the users whose key or email looks like `key`, closest first."""
    known: dict[str, str] = {}
    for user in users(doc):
        if not isinstance(user, dict):
            continue
        for name in (user_key(user), str(user.get("email") or "")):
            if name:
                known.setdefault(_fold(name), user_key(user))
    close = difflib.get_close_matches(_fold(key), list(known), n=MAX_SUGGESTIONS + 2,
                                      cutoff=0.8)
    return list(dict.fromkeys(known[c] for c in close))[:MAX_SUGGESTIONS]


def _listed(names: list[str], limit: int = 10) -> str:
    shown = ", ".join(names[:limit])
    return shown + (", …" if len(names) > limit else "")


def line_of(doc: CommentedMap, index: int) -> int:
    """1-based line where user `index` starts."""
    return users(doc)[index].lc.line + 1


def _user(doc: CommentedMap, key: str) -> CommentedMap:
    index = find(doc, key)
    if index is None:
        close = close_keys(doc, key)
        raise UserError("E090", key=key, suggestions=_listed(close), known=_listed(keys(doc)),
                        _hint="suggest" if close else None)
    user = users(doc)[index]
    if not isinstance(user, CommentedMap):  # pragma: no cover - find() skips non-mappings
        raise UserError("E095")
    return user


# --- comments that follow a node ----------------------------------------------------------


def _is_block(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and len(value) > 0 and not (
        value.fa.flow_style()
    )


def _tail(node: Any) -> tuple[CommentedBase, Any, int] | None:
    """Where ruamel keeps the comment after `node`'s last line: (holder, key, slot)."""
    if not isinstance(node, CommentedMap | CommentedSeq) or not node:
        return None
    last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    if _is_block(node[last]):
        return _tail(node[last])
    return node, last, 2 if isinstance(node, CommentedMap) else 0


def _get_tail(node: Any) -> str:
    where = _tail(node)
    if where is None:
        return ""
    holder, key, slot = where
    token = holder.ca.items.get(key, [None] * 4)[slot]
    return token.value if token is not None else ""


def _set_tail(node: Any, text: str) -> None:
    where = _tail(node)
    if where is None:
        return
    holder, key, slot = where
    entry = holder.ca.items.setdefault(key, [None] * 4)
    if text in ("", "\n"):
        entry[slot] = None
    elif entry[slot] is not None:
        entry[slot].value = text  # the same token may also sit on a flow list
    else:
        entry[slot] = CommentToken(text, CommentMark(0))


def _split(tail: str) -> tuple[str, str]:
    """(the end of the node's own line, with its comment; the lines after it)."""
    end = tail.find("\n")
    return (tail, "") if end < 0 else (tail[: end + 1], tail[end + 1 :])


def _take_following(node: Any) -> str:
    own, following = _split(_get_tail(node))
    _set_tail(node, own)
    return following


def _give_following(node: Any, following: str) -> None:
    if following:
        own, already = _split(_get_tail(node))
        _set_tail(node, (own or "\n") + already + following)


@contextmanager
def _keeping_tail(node: Any) -> Iterator[None]:
    """Keep the lines after `node` after it, whatever becomes its last line."""
    following = _take_following(node)
    yield
    _give_following(node, following)


def _give_before_first(seq: CommentedSeq, following: str) -> None:
    """Put comment lines before the first item of `seq` (after any that are there)."""
    if not following:
        return
    if seq.ca.comment is None:
        seq.ca.comment = [None, None]
    if seq.ca.comment[1] is None:
        seq.ca.comment[1] = []
    for line in following.splitlines(keepends=True):
        body = line.lstrip(" ")
        seq.ca.comment[1].append(CommentToken(body, CommentMark(len(line) - len(body))))


def _insert_field(user: CommentedMap, name: str, value: Any) -> None:
    """Add `name` where FIELD_ORDER puts it among the fields already there."""
    rank = {field: i for i, field in enumerate(FIELD_ORDER)}
    mine = rank.get(name, len(FIELD_ORDER))
    fields = list(user)
    position = next((i for i, f in enumerate(fields) if rank.get(f, len(rank)) > mine),
                    len(fields))
    if position < len(fields):
        user.insert(position, name, value)
        return
    with _keeping_tail(user):
        user[name] = value


def _flow_list(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(text_value(s) for s in items)
    seq.fa.set_flow_style()
    return seq


# --- operations ---------------------------------------------------------------------------


def _entry(fields: dict[str, Any]) -> CommentedMap:
    """A user's entry, fields in FIELD_ORDER; `services` is a list of service ids."""
    entry = CommentedMap()
    for name in FIELD_ORDER:
        value = fields.get(name)
        if value in (None, "", []):
            continue
        if name == "services":
            entry[name] = _flow_list(list(value))
        else:
            entry[name] = text_value(str(value), quoted=name in ALWAYS_QUOTED)
    return entry


def entry_text(fields: dict[str, Any]) -> str:
    """The lines `add_user` would append for `fields`, as they will be in the file."""
    seq = CommentedSeq([_entry(fields)])
    return dump(CommentedMap([("users", seq)])).split("\n", 1)[1]


def add_user(doc: CommentedMap, fields: dict[str, Any]) -> None:
    """Append a user, fields in FIELD_ORDER; `services` is a list of service ids."""
    entry = _entry(fields)
    key = user_key(entry)
    existing = find(doc, key)
    if existing is not None:
        raise UserError("E091", key=key, line=line_of(doc, existing))
    seq = users(doc)
    if not seq:
        seq.fa.set_block_style()  # `users: []` becomes a list of entries
    with _keeping_tail(seq):
        seq.append(entry)


def remove_user(doc: CommentedMap, key: str) -> None:
    """Remove a user; the comment lines after it stay where they were."""
    user = _user(doc, key)
    seq = users(doc)
    index = next(i for i, u in enumerate(seq) if u is user)
    following = _take_following(user)
    del seq[index]
    if index > 0:
        _give_following(seq[index - 1], following)
    else:
        _give_before_first(seq, following)


def change_services(doc: CommentedMap, key: str, add: list[str],
                    remove: list[str]) -> list[tuple[str, str]]:
    """Add and remove services; returns the changes made, as ("add"|"remove", service)."""
    user = _user(doc, key)
    current = user.get("services")
    if current is None:
        current = CommentedSeq()
        current.fa.set_flow_style()
        _insert_field(user, "services", current)
    if not isinstance(current, CommentedSeq):
        raise UserError("E096", key=key)
    changes: list[tuple[str, str]] = []
    with _keeping_tail(user):
        for service in remove:
            while service in current:
                del current[current.index(service)]
                if ("remove", service) not in changes:
                    changes.append(("remove", service))
        for service in add:
            if service not in current:
                current.append(text_value(service))
                changes.append(("add", service))
    return changes


def request_code(doc: CommentedMap, key: str, token: str) -> bool:
    """Ask for a new secret code with `token`; False if that token is already written."""
    return _request(_user(doc, key), "secret_code", "rotate", token)


def request_reset(doc: CommentedMap, key: str, token: str) -> bool:
    """Ask for a password reset with `token`; False if that token is already written."""
    return _request(_user(doc, key), "password_reset", "requested", token)


def _request(user: CommentedMap, field: str, name: str, token: str) -> bool:
    request = user.get(field)
    if isinstance(request, CommentedMap):
        if request.get(name) == token:
            return False
        request[name] = text_value(token, quoted=True)
        return True
    fresh = CommentedMap([(name, text_value(token, quoted=True))])
    fresh.fa.set_flow_style()
    if field in user:  # not a mapping: the file is invalid there; write a correct request
        user[field] = fresh
    else:
        _insert_field(user, field, fresh)
    return True
