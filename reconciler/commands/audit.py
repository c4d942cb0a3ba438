"""`rvsq-access audit verify | head | log`.

`audit verify [--head SEQ:HASH]… [--heads FILE]` and `audit head [--format text|json]`:
the chain anchored outside the database (published heads, RVSQ_AUDIT_KEY).
`audit log [--since WHEN] [--until WHEN] [--user USER] [--establishment ID]
[--action NAME]… [--format text|json|csv] [--delimiter ;]`.

`action_words` (an action as people say it) lives with the entry's view
(render/audit_view.py); it is named here too, where the report found it first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import NamedTuple

import click

from reconciler import clock, files
from reconciler.catalog import Messages
from reconciler.clock import for_people
from reconciler.commands import EXIT_OK, Env, open_state, typed_moment
from reconciler.errors import UserError
from reconciler.render import report_csv
from reconciler.render.audit_view import (
    MACHINE_COLUMNS,
    ChangeRow,
    action_words,
    change_row,
    machine,
    table,
)
from reconciler.render.error_text import error_text
from reconciler.render.markdown import plain
from reconciler.store import audit_chain as audit
from reconciler.terminal import json_for_terminal

__all__ = ["Query", "action_words", "log", "verify"]


def verify(env: Env, given: tuple[str, ...] = (), heads_file: Path | None = None) -> int:
    """The chain, link by link; then each published head still at its place; then, with
    RVSQ_AUDIT_KEY, every MAC from the first authenticated entry on."""
    key = audit.audit_key()  # a short key is refused before anything is read
    heads = [_head(text) for text in given]
    if heads_file is not None:
        heads += _heads_in(heads_file)
    store = open_state(env)
    try:
        entries, head = store.audit_entries(), store.audit_head()
    finally:
        store.close()
    broken = audit.verify(entries, head)
    if broken is not None:
        seq = broken.seq if broken.seq is not None else head[0]
        raise UserError("E125", seq=seq, reason=env.messages(broken.reason))
    lost = [_lost(found) for found in sorted(audit.lost_heads(entries, heads),
                                             key=lambda found: found.head.seq)]
    for error in lost[1:]:  # every lost head is named; the earliest is the error
        click.echo(error_text(env.messages, error, env.state_location.url), err=True)
    if lost:
        raise lost[0]
    macs = audit.check_macs(entries, key)
    if macs.broken is not None:
        raise UserError("E205", seq=macs.broken.seq, reason=env.messages(macs.broken.reason))
    m = env.messages
    click.echo(m("audit.ok", count=len(entries)))
    for published in sorted(set(heads)):
        click.echo(m("audit.heads.held", head=str(published), seq=published.seq))
    if heads and (after := head[0] - max(published.seq for published in heads)) > 0:
        click.echo(m("audit.heads.after", count=after))
    if key is not None:
        click.echo(m("audit.mac.ok", count=macs.authenticated))
        if macs.before_key:
            click.echo(m("audit.mac.before_key", count=macs.before_key))
    elif macs.carried:
        click.echo(m("audit.mac.unchecked", count=macs.carried))
    return EXIT_OK


def _head(text: str) -> audit.Head:
    parsed = audit.parse_head(text)
    if parsed is None:
        raise UserError("E200", value=text)
    return parsed


def _heads_in(path: Path) -> list[audit.Head]:
    """The heads of a file, one a line; blank lines and # comments are skipped."""
    shown = path.as_posix()
    try:
        text = files.read_file(path, files.HEADS).decode("utf-8")
    except UnicodeDecodeError:
        raise UserError("E207", path=shown) from None
    heads = []
    for number, line in enumerate(text.splitlines(), start=1):
        written = line.strip()
        if not written or written.startswith("#"):
            continue
        parsed = audit.parse_head(written)
        if parsed is None:
            raise UserError("E201", path=shown, line=number, value=written[:120])
        heads.append(parsed)
    if not heads:
        raise UserError("E206", path=shown)
    return heads


def _lost(found: audit.HeadLost) -> UserError:
    if found.found is None:
        return UserError("E202", head=str(found.head), seq=found.head.seq, last=found.last)
    return UserError("E203", head=str(found.head), seq=found.head.seq, found=found.found)


def head(env: Env, fmt: str) -> int:
    """The chain's head, for scripts: `SEQ:HASH`, or JSON with the state it is of. Read
    only; a head the meta table and the last entry disagree on is refused (E147)."""
    store = open_state(env)
    try:
        store.check_head()
        current = audit.Head(*store.audit_head())
        state = {"id": store.state_id(), "location": store.location.shown}
    finally:
        store.close()
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps(
            {"seq": current.seq, "hash": current.hash, "state": state}, ensure_ascii=False)))
    else:
        click.echo(str(current))
    return EXIT_OK


class Query(NamedTuple):
    """Which entries `audit log` shows: a period (half-open, UTC; read in SQL), and the
    account, establishment and actions asked for (read from each entry's view)."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    user: str | None = None
    establishment: str | None = None
    actions: tuple[str, ...] = ()

    def admits(self, row: ChangeRow) -> bool:
        return ((self.user is None or row.concerns(self.user))
                and (self.establishment is None or row.at_establishment(self.establishment))
                and (not self.actions or row.action in self.actions))

    def words(self, messages: Messages) -> str:
        """The filters as asked, said for people ("since December 2, 2026 at 12:00 a.m.,
        user CE10455"); "" for none."""
        said = []
        if self.since is not None:
            said.append(messages("audit_log.filter.since",
                                 moment=for_people(self.since, messages.lang)))
        if self.until is not None:
            said.append(messages("audit_log.filter.until",
                                 moment=for_people(self.until, messages.lang)))
        if self.user is not None:
            said.append(messages("audit_log.filter.user", user=self.user))
        if self.establishment is not None:
            said.append(messages("audit_log.filter.establishment",
                                 establishment=self.establishment))
        if self.actions:
            said.append(messages("audit_log.filter.action", actions=", ".join(
                action_words(a, messages) for a in self.actions)))
        return plain(", ".join(said))


def log(env: Env, fmt: str, delimiter: str = ",", *, since: str | None = None,
        until: str | None = None, user: str | None = None, establishment: str | None = None,
        actions: tuple[str, ...] = ()) -> int:
    """The entries asked for (the options as typed), in `fmt`."""
    query = Query(typed_moment(since), typed_moment(until, end=True), user, establishment,
                  actions)
    store = open_state(env)
    try:
        entries = store.audit_entries(clock.iso(query.since) if query.since else "",
                                      clock.iso(query.until) if query.until else None)
        shown = [(e, row) for e in entries if query.admits(row := change_row(e))]
        extent = store.audit_extent() if fmt == "text" and not shown else None
    finally:
        store.close()
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps([{**e._asdict(), **machine(row)}
                                                 for e, row in shown],
                                                ensure_ascii=False, indent=2)))
    elif fmt == "csv":  # times stay ISO 8601 UTC, as stored; a formula is shown as text
        click.echo(report_csv.encoded(_sheet(shown, delimiter)), nl=False)  # bytes
    elif shown:
        for line in table((row for _, row in shown), env.messages):
            click.echo(line)
    else:
        assert extent is not None
        click.echo(_nothing(query, extent, env.messages))
    return EXIT_OK


# The CSV: the entry's stored columns, the view's beside the entry's account (so that a
# spreadsheet needs no JSON), then the stored fields as JSON and the chain's columns.
_STORED = audit.AuditEntry._fields


def _sheet(shown: list[tuple[audit.AuditEntry, ChangeRow]], delimiter: str) -> str:
    rows = [[*e[:8], *(" ".join(v) if isinstance(v, list) else v
                       for v in machine(row).values()),
             json.dumps(e.fields, ensure_ascii=False), *e[9:]] for e, row in shown]
    return report_csv.sheet([[*_STORED[:8], *MACHINE_COLUMNS, *_STORED[8:]], *rows],
                            delimiter)


def _nothing(query: Query, extent: tuple[int, str | None, str | None],
             messages: Messages) -> str:
    """An empty answer, truthfully: the log is empty, or nothing in it matches."""
    count, first, last = extent
    if count == 0 or first is None or last is None:
        return messages("audit.empty")
    return messages("audit_log.no_match", filters=query.words(messages) or messages("none"),
                    count=count, first=for_people(first, messages.lang),
                    last=for_people(last, messages.lang))
