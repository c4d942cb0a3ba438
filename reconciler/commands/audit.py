"""`rvsq-access audit verify | log [--since DATE] [--format text|json|csv] [--delimiter ;]`.

`audit verify [--head SEQ:HASH]… [--heads FILE]` and `audit head [--format text|json]`:
the chain anchored outside the database (published heads, RVSQ_AUDIT_KEY)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from reconciler import files
from reconciler.catalog import Messages
from reconciler.commands import EXIT_OK, Env, open_state
from reconciler.errors import UserError
from reconciler.planning.planner import ACTION_KINDS
from reconciler.render import report_csv
from reconciler.render.error_text import error_text
from reconciler.render.markdown import plain
from reconciler.store import audit_chain as audit
from reconciler.terminal import json_for_terminal


def action_words(action: str, messages: Messages) -> str:
    """An entry's action as people say it: a plan's kind, or another change the log records
    (the CSV and JSON keep the machine name)."""
    if action in ACTION_KINDS:
        return messages(ACTION_KINDS[action].words)
    key = f"audit.action.{action}"
    return messages(key) if messages.has(key) else action


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


def log(env: Env, since: str | None, fmt: str, delimiter: str = ",") -> int:
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            raise UserError("E126", value=since) from None
    store = open_state(env)
    try:
        entries = store.audit_entries(since or "")
    finally:
        store.close()
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps([e._asdict() for e in entries],
                                                ensure_ascii=False, indent=2)))
    elif fmt == "csv":  # times stay ISO 8601 UTC, as stored; a formula is shown as text
        rows = [[*e[:8], json.dumps(e.fields, ensure_ascii=False), *e[9:]] for e in entries]
        text = report_csv.sheet([audit.AuditEntry._fields, *rows], delimiter)
        click.echo(report_csv.encoded(text), nl=False)  # bytes: whatever the locale
    elif not entries:
        click.echo(env.messages("audit.empty"))
    else:
        none = env.messages("none")
        click.echo(env.messages("audit.header"))
        for e in entries:
            who = f"{e.establishment or ''} {e.username or ''}".strip()
            fields = json.dumps(e.fields, ensure_ascii=False, sort_keys=True)
            click.echo("\t".join(plain(str(field)) for field in (
                e.seq, e.at, e.actor, action_words(e.action, env.messages), who, fields,
                e.git_commit or none, e.change_ref or none)))
    return EXIT_OK
