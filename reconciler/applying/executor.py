"""The executor: applies a Plan to a store, one transaction per action (ARCHITECTURE §8).

Each action's transaction holds the state change, its audit entry, its outbox rows and,
for a new code, the sealed copy; so an apply killed at any point leaves a consistent
state, and the next run converges. Files (sealed codes, emails) are written after
commit from what the state holds, and again by the next run if a crash came between.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from reconciler import files, os_words
from reconciler.applying import mail
from reconciler.applying import secret_codes as codes
from reconciler.catalog import phrase
from reconciler.clock import iso, utc_now
from reconciler.errors import UserError
from reconciler.folders import private_folder, safe_name
from reconciler.history import story
from reconciler.planning import refusals
from reconciler.planning.planner import (
    ACTION_KINDS,
    ESTABLISHMENT_KINDS,
    Action,
    Plan,
    portal_sites,
)
from reconciler.records import PORTAL, AccountRecord, State
from reconciler.store import SealedCodes, SQLStore

LOGIN_DELAY = dt.timedelta(hours=24)  # RAMQ: a new user can log in about a day later


class Settings(NamedTuple):
    actor: str
    git_commit: str | None
    work_dir: Path  # .rvsq: codes/ and outbox/ go here
    interactive: bool  # may codes be shown on this terminal?
    max_deletes: int = refusals.MAX_DELETES
    allow_mass_delete: bool = False
    # The change applied (a pull request's URL), audited; refused (E143) before anything
    # changes unless one line of printable text (refusals.change_ref).
    change_ref: str | None = None


class NewAccount(NamedTuple):
    username: str
    available_at: str


class Report(NamedTuple):
    run_id: str
    applied: list[Action]
    code_files: list[Path]  # sealed codes written by this run (and any recovered)
    shown_codes: list[dict[str, str]]  # only when no recipient and on a terminal
    new_accounts: list[NewAccount]
    emails: mail.Delivery  # sent, failed, and how many still wait (this run's and earlier)
    tasks: int = 0  # portal tasks this run recorded (portal-mode establishments)


class Progress(NamedTuple):
    """How far an apply got: what a person must be told however it ended."""

    run_id: str
    done: int  # actions committed, in plan order
    total: int
    shown: list[dict[str, str]]  # codes of committed actions, for this terminal only
    code_files: list[Path]  # sealed files written before it ended


class Stopped(UserError):
    """An apply that ended before its end: an action failed, it was interrupted, or its
    deliveries failed after every change committed. Codes issued with no recipient travel
    with it, so that the terminal still shows them (they exist nowhere else)."""

    def __init__(self, progress: Progress, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.progress = progress


def limits(settings: Settings) -> refusals.Limits:
    """What the refusals depend on, as this apply will run."""
    return refusals.Limits(settings.max_deletes, settings.allow_mass_delete,
                           settings.interactive, refusals.smtp_url(), settings.change_ref)


def recover(store: SQLStore, settings: Settings, now: str,
            files: list[Path] | None = None) -> tuple[list[Path], mail.Delivery]:
    """Write out what committed runs left undelivered: sealed codes, then emails (sent by
    SMTP when RVSQ_SMTP_URL is set; else they wait in the state, and are counted). Each
    sealed file is added to `files` as it is written: a caller told of a failure still
    knows which were."""
    files = [] if files is None else files
    try:
        for sealed in store.pending_sealed():
            files.append(export_sealed(settings.work_dir, sealed))
            store.mark_exported(sealed.run_id, sealed.establishment, now)
    except (OSError, UserError):
        # A codes folder that cannot be written does not keep the emails from their
        # server; the failure is told once they have gone.
        mail.deliver_outbox(store, now)
        raise
    emails = mail.deliver_outbox(store, now)
    return files, emails


def export_sealed(work_dir: Path, sealed: SealedCodes) -> Path:
    """The row's sealed file, whole or not at all: written beside it, synced, renamed over
    it, the folder synced. Its bytes are the row's, so writing it again is harmless."""
    folder = private_folder(work_dir / "codes")
    target = folder / safe_name(f"{sealed.run_id}-{sealed.establishment}.age")
    files.write_whole(target, sealed.sealed.encode("ascii"))
    files.sync_folder(folder)
    return target


def apply_plan(
    plan: Plan,
    store: SQLStore,
    settings: Settings,
    *,
    clock: Callable[[], dt.datetime] = utc_now,
    on_progress: Callable[[int, int], None] | None = None,
    state: State | None = None,
) -> Report:
    """Apply `plan`. The caller holds the state lock, taken before the plan was made, so
    no other apply can change the state between the plan and its application; `state`,
    if given, was read under that lock (else it is read here)."""
    state = state or store.snapshot()
    if state.serial != plan.state_serial:
        raise UserError("E116", planned=plan.state_serial, current=state.serial)
    # The deletion guard, codes with nowhere to go, a bad RVSQ_SMTP_URL: refused before
    # anything changes, as the plan showed.
    refusals.check(plan, state, limits(settings))
    run = _Run(store, settings, state, plan, clock)
    total = len(plan.actions)
    for index, action in enumerate(plan.actions):
        if not store.still_there():  # its changes would go where nobody looks
            progress = run.progress(index, total)
            raise Stopped(progress, "E158", location=store.location.shown,
                          done=progress.done, total=total)
        try:
            run.apply(index, action)
        except KeyboardInterrupt:  # Ctrl-C or a stop signal: this action rolled back
            progress = run.progress(index, total)
            raise Stopped(progress, "E152", done=progress.done, total=total) from None
        except (OSError, ValueError, *store.errors) as exc:
            # Earlier actions are committed and stay; this one was rolled back whole.
            # Deliver what did commit, if the state still answers, then say where it stopped.
            with contextlib.suppress(OSError, UserError, *store.errors):
                recover(store, settings, iso(clock()), run.code_files)
            raise Stopped(run.progress(index, total), "E117", done=run.committed,
                          number=index + 1,
                          total=total,
                          _words={"action": phrase(ACTION_KINDS[action.action].words)},
                          target=action.username or action.establishment,
                          reason=str(exc)) from exc
        if on_progress is not None:
            on_progress(index + 1, total)
    # Once, at the end: this run's codes and emails, and any an earlier run left waiting.
    # Every change is committed by now: a failure here leaves deliveries waiting, no more.
    try:
        code_files, emails = recover(store, settings, iso(clock()), run.code_files)
    except KeyboardInterrupt:
        raise Stopped(run.progress(total, total), "E152", done=total, total=total) from None
    except UserError as exc:  # a link planted as .rvsq/codes, a name a forged row gave
        raise Stopped(run.progress(total, total), exc.code, **exc.params) from exc
    except (OSError, *store.errors) as exc:
        where = getattr(exc, "filename", None)  # none for a database error: say the folder
        raise Stopped(run.progress(total, total), "E153", total=total,
                      path=os.fsdecode(where) if where is not None
                      else (settings.work_dir / "codes").as_posix(),
                      **({"_words": os_words.words(exc)} if isinstance(exc, OSError)
                         else {"reason": str(exc)})) from exc
    return Report(run.run_id, list(plan.actions), code_files, run.shown, run.new_accounts,
                  emails, run.tasks)


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _hold_stops() -> None:
    if threading.current_thread() is threading.main_thread():  # where Python handles them
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _release_stops() -> None:
    if threading.current_thread() is threading.main_thread():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


class _Run:
    """One apply: the run id, the codes issued so far, and the action handlers."""

    def __init__(self, store: SQLStore, settings: Settings, state: State, plan: Plan,
                 clock: Callable[[], dt.datetime]) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        # Sortable by start time (to the microsecond), unique by its random tail.
        started = dt.datetime.now(dt.UTC)
        self.run_id = f"{started:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
        self.sealed: dict[str, codes.Batch] = {}  # establishment → this run's codes
        self.shown: list[dict[str, str]] = []  # codes of committed actions only
        self._shown_now: list[dict[str, str]] = []  # the current action's, until it commits
        self.committed = 0
        self.code_files: list[Path] = []  # sealed files written (after the last action)
        self.new_accounts: list[NewAccount] = []
        self.names = {e.id: e.name for e in state.establishments.values()}
        for action in plan.actions:
            if action.action in ESTABLISHMENT_KINDS and action.after:
                self.names[action.establishment] = action.after["name"]
        # Where the portal carries the changes out (ARCHITECTURE §11): apply records a task
        # for each, issues no code and writes no email; the state says they wait.
        self.portal_sites = portal_sites(plan, state)
        self.tasks = 0  # portal tasks committed

    def progress(self, done: int, total: int) -> Progress:
        # What committed, counted as it committed: a stop may land on an action's last
        # instruction, and `done` may then be one short of the truth.
        return Progress(self.run_id, max(done, self.committed), total, list(self.shown),
                        list(self.code_files))

    def apply(self, index: int, action: Action) -> None:
        moment = self.clock()
        now = iso(moment)
        self._shown_now = []
        batch = self.sealed.get(action.establishment)  # only this action's may grow
        sealed_before = len(batch) if batch is not None else 0
        try:
            with self.store.transaction():
                fields = getattr(self, f"_{action.action}")(index, action, moment, now)
                seq = self.store.append_audit(
                    now, self.settings.actor, self.settings.git_commit, self.run_id,
                    action.action, action.establishment, action.username,
                    {**fields, **({"ticket": action.ticket} if action.ticket else {})},
                    self.settings.change_ref,
                )
                by_hand = self._by_hand(action)
                if by_hand:  # the plan's action as `plan --format json` writes it, no age key
                    task = {k: v for k, v in action.to_dict().items() if k != "recipient"}
                    self.store.add_task(seq, self.run_id, action.establishment,
                                        action.username, action.action, task, now)
                # From the COMMIT to the bookkeeping below, a stop (Ctrl-C, SIGTERM) waits:
                # it lands between two actions, never between a code stored and the
                # code listed for the terminal.
                _hold_stops()
            self.shown.extend(self._shown_now)  # committed: now a code a person may get
            self.committed += 1
            self.tasks += by_hand
        except BaseException:
            # Rolled back: its code was never stored, so it must reach nobody; the batch
            # forgets it too, or the next sealing of this establishment would hold it.
            self._shown_now = []
            if action.establishment in self.sealed:
                self.sealed[action.establishment].truncate(sealed_before)
            raise
        finally:
            _release_stops()  # a stop that came meanwhile is raised here

    # --- one handler per action kind; each returns the audit entry's fields ---------
    # An entry tells the story alone (history/story.py): the person as the account was just
    # before, the establishment's name, and the before and after of what changed.
    def _create_establishment(self, index: int, action: Action, moment: dt.datetime,
                              now: str) -> dict[str, Any]:
        return self._update_establishment(index, action, moment, now)  # stored alike

    def _update_establishment(self, index: int, action: Action, moment: dt.datetime,
                              now: str) -> dict[str, Any]:
        assert action.after is not None
        self.store.put_establishment(action.after, now)
        return {**action.after, **({"changes": action.changes} if action.changes else {})}

    def _create_account(self, index: int, action: Action, moment: dt.datetime,
                        now: str) -> dict[str, Any]:
        assert action.after is not None and action.username is not None
        self.store.create_account(action.username, action.after, now)
        self.store.grant(action.username, action.services, now)
        if self._by_hand(action):  # the portal issues the code and writes to the person
            self.store.set_code_token(action.username, action.after.get("code_token"), now)
            return {**action.after, "services": list(action.services), "code": PORTAL,
                    "establishment_name": self.names.get(action.establishment)}
        issued = self._issue_code(action, action.after.get("code_token"), now,
                                  action.after["email"])
        available = iso(moment + LOGIN_DELAY)
        self.new_accounts.append(NewAccount(action.username, available))
        self._email(index, "created", action, action.after["email"], now,
                    available_at=available, username=action.username)
        # Its fields are the person already (names, email, profile): not written twice, at
        # a province's first apply of 100,000 creations.
        return {**action.after, "services": list(action.services), "available_at": available,
                "code": issued, "establishment_name": self.names.get(action.establishment)}

    def _grant_services(self, index: int, action: Action, moment: dt.datetime,
                        now: str) -> dict[str, Any]:
        account = self._account(action)
        self.store.grant(account.username, action.services, now)
        return {**story.services_change(account.services, action.services, granted=True),
                **self._about(action, story.person(account))}

    def _revoke_services(self, index: int, action: Action, moment: dt.datetime,
                         now: str) -> dict[str, Any]:
        account = self._account(action)
        self.store.revoke(account.username, action.services)
        return {**story.services_change(account.services, action.services, granted=False),
                **self._about(action, story.person(account))}

    def _update_account(self, index: int, action: Action, moment: dt.datetime,
                        now: str) -> dict[str, Any]:
        assert action.changes is not None
        account = self._account(action)
        self.store.update_account(
            account.username, {k: v["new"] for k, v in action.changes.items()}, now
        )
        return {"changes": action.changes, **self._about(action, story.person(account))}

    def _regenerate_code(self, index: int, action: Action, moment: dt.datetime,
                         now: str) -> dict[str, Any]:
        account = self._account(action)
        if self._by_hand(action):  # « Générer un nouveau code secret », in the portal
            assert action.username is not None
            self.store.set_code_token(action.username, action.token, now)
            issued = PORTAL
        else:
            issued = self._issue_code(action, action.token, now, account.email)
        return {"token": action.token, "code": issued,
                **self._about(action, story.person(account))}

    def _reset_password(self, index: int, action: Action, moment: dt.datetime,
                        now: str) -> dict[str, Any]:
        assert action.token is not None
        account = self._account(action)
        self.store.set_reset(account.username, action.token, now)
        if not self._by_hand(action):  # else the portal sends RAMQ's reset email
            self._email(index, "reset", action, account.email, now, username=account.username)
        return {"token": action.token, **self._about(action, story.person(account))}

    def _delete_account(self, index: int, action: Action, moment: dt.datetime,
                        now: str) -> dict[str, Any]:
        account = self._account(action)
        self.store.delete_account(account.username)
        return {**story.deleted(account), **self._about(action, story.person(account))}

    def _account(self, action: Action) -> AccountRecord:
        """The account as it is inside this action's transaction: after the actions before
        it in this run, so that its entry's "before" is the truth."""
        assert action.username is not None
        account = self.store.account(action.username)
        if account is None:  # the planner only acts on accounts the state holds
            raise ValueError(f"no account {action.username} in the state")
        return account

    def _about(self, action: Action, person: dict[str, Any]) -> dict[str, Any]:
        return {"person": person, "establishment_name": self.names.get(action.establishment)}

    # --- helpers --------------------------------------------------------------------
    def _by_hand(self, action: Action) -> bool:
        """Does a representative carry `action` out by hand, as a portal task? A change
        the portal shows (`Action.in_portal`) at a portal-mode establishment."""
        return action.establishment in self.portal_sites and action.in_portal

    def _issue_code(self, action: Action, token: str | None, now: str, email: str) -> str:
        """A new code: its hash in the account, its sealed copy in the same transaction.
        Returns where the code went, for the audit entry (`state check` counts them):
        "sealed" or "shown" (on the terminal)."""
        assert action.username is not None
        code = codes.new_code()
        self.store.set_code(action.username, codes.code_hash(code), token, now)
        entry = {"username": action.username, "email": email, "code": code, "issued_at": now,
                 codes.NAME: action.name or ""}  # for `codes reveal`'s table
        if action.recipient is None:
            self._shown_now.append(entry)  # terminal only: checked before the run started
            return "shown"
        batch = self.sealed.setdefault(action.establishment, codes.Batch())
        batch.add(entry)
        sealed = batch.seal(action.recipient)
        self.store.put_sealed(
            SealedCodes(self.run_id, action.establishment, sealed, len(batch)), action.recipient
        )
        return "sealed"

    def _email(self, index: int, kind: str, action: Action, to: str, now: str,
               **params: Any) -> None:
        message_id = f"{self.run_id}-{index:06d}"
        text = mail.compose(
            kind, to, message_id, self.clock(), name=action.name or action.username,
            establishment=self.names.get(action.establishment, action.establishment), **params,
        )
        self.store.add_outbox(message_id, self.run_id, kind, action.username or "", to, text, now)
