"""Domain rules that need no state (ARCHITECTURE §2, §3): P, C, E, U, K and the empty list.

Each rule is a small function over normalised access files that yields located problems.
What needs the state (unknown accounts, emails known elsewhere) is left to the planner.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePath
from typing import NamedTuple

from reconciler import domain
from reconciler.catalog import phrase
from reconciler.problems import Problem, error, warning
from reconciler.reading import text
from reconciler.reading.model import AccessFile, User
from reconciler.reading.policy import Policy, ordered, ordered_types


def check_file(access: AccessFile, policy: Policy, today: dt.date) -> list[Problem]:
    problems = [*_layout(access), *_user_list(access)]
    problems.extend(_email(access, ("representative", "email"), access.representative.email))
    seen: dict[str, User] = {}
    for user in access.users:
        problems.extend(_email(access, ("users", user.index, "email"), user.email))
        if user.username is not None and "@" in user.username:
            problems.extend(_email(access, ("users", user.index, "username"), user.username))
        problems.extend(_review(access, user, policy, today))
        problems.extend(_professional(access, user))
        problems.extend(_clinical_nurse(access, user))
        problems.extend(_eligibility(access, user, policy))
        problems.extend(_keys(access, user))
        if user.email == access.representative.email:
            problems.append(error(access.file, access.where(user, "email"), "E058"))
        first = seen.setdefault(user.key, user)
        if first is not user:
            first_line = access.where(first)[0]
            problems.append(
                error(access.file, access.where(user), "E059", key=user.key, first_line=first_line)
            )
    return problems


class _Place(NamedTuple):
    access: AccessFile
    path: tuple[str | int, ...]  # located only if it is shared: positions cost a re-read
    code: str  # what sharing this identifier means here


def check_across(files: list[AccessFile]) -> list[Problem]:
    """Rule U across entries: one file per establishment; an account (username, or the email
    of a new account) listed once; an email used by one account only."""
    if not _shares_a_name(files):
        return []  # the usual case, decided in C without a place per user
    places: dict[str, list[_Place]] = defaultdict(list)
    for access in files:
        places[f"establishment:{access.establishment.id}"].append(
            _Place(access, ("establishment", "id"), "E062"))
        in_this_file: set[str] = set()
        for user in access.users:
            if user.key in in_this_file:
                continue  # the same entry twice in one file is E059, reported per file
            in_this_file.add(user.key)
            places[user.email].append(_Place(access, ("users", user.index, "email"), "E061"))
            if user.username and user.username != user.email:
                # A username may be an old email: it must not be anyone's email either.
                path = ("users", user.index, "username")
                places[user.username].append(_Place(access, path, "E060"))
    problems: list[Problem] = []
    for key, shared in places.items():
        if len(shared) < 2:
            continue
        located = [(p, p.access.document.where(p.path)) for p in shared]
        for i, (place, position) in enumerate(located):
            other = [phrase("where.line", file=p.access.file, line=at[0])
                     for j, (p, at) in enumerate(located) if j != i]
            problems.append(error(place.access.file, position, place.code,
                                  key=key.removeprefix("establishment:"),
                                  _words={"other": other}))
    return problems


def _shares_a_name(files: list[AccessFile]) -> bool:
    """Whether any identifier check_across looks at appears twice (in one file included)."""
    names = [f"establishment:{access.establishment.id}" for access in files]
    for access in files:
        names.extend(user.email for user in access.users)
        names.extend(user.username for user in access.users
                     if user.username and user.username != user.email)
    return len(set(names)) != len(names)


def _layout(access: AccessFile) -> Iterator[Problem]:
    """access/<region>/<establishment-id>.yaml: checked only where that layout is used."""
    path = PurePath(access.file)
    est = access.establishment
    if path.parent.name not in domain.REGIONS:
        return
    if path.stem != est.id:
        where = access.document.where(("establishment", "id"))
        yield warning(access.file, where, "W104", id=est.id, expected=f"{est.id}{path.suffix}")
    if path.parent.name != est.region:
        where = access.document.where(("establishment", "region"))
        yield warning(access.file, where, "W105", folder=path.parent.name, region=est.region)


def _email(access: AccessFile, path: tuple[str | int, ...], address: str) -> Iterator[Problem]:
    """An address email-validator refuses (the schema's pattern lets more through)."""
    refused = text.email_refusal(address)
    if refused is not None:
        key, detail = refused
        yield error(access.file, access.document.where(path), "E017", value=address,
                    _words={"reason": phrase(key, detail=detail)})


def _user_list(access: AccessFile) -> Iterator[Problem]:
    if not access.users and not access.establishment.retired:
        yield error(access.file, access.document.where(("users",)), "E050")
    if access.users and access.establishment.retired:
        yield error(access.file, access.document.where(("users",)), "E051")


def _professional(access: AccessFile, user: User) -> Iterator[Problem]:
    """Rule P, and the professional number's format by profile."""
    if user.profile not in domain.PROFESSIONALS:
        if user.professional_number is not None:
            yield error(access.file, access.where(user, "professional_number"), "E055")
        return
    label = {"profile_label": phrase(f"profile.{user.profile}")}
    example = domain.PROFESSIONAL_NUMBER_EXAMPLE[user.profile]
    if user.username is None:
        yield error(access.file, access.where(user), "E052", _words=label)
    number = user.professional_number
    if number is None:
        yield error(access.file, access.where(user), "E053", example=example, _words=label)
    elif not domain.PROFESSIONAL_NUMBER[user.profile].fullmatch(number):
        yield error(
            access.file, access.where(user, "professional_number"), "E054",
            value=number, prefix=example[0] if user.profile != "ips" else "8-1",
            example=example, _words=label,
        )


def _clinical_nurse(access: AccessFile, user: User) -> Iterator[Problem]:
    """Rule C: a clinical nurse always gets a new account of her own."""
    if user.profile == "infirmiere-clinicienne" and user.username is not None:
        yield error(access.file, access.where(user, "username"), "E056")


def _policy_named(policy: Policy) -> dict[str, object]:
    """The policy a finding applies: its file, or the default said in the reader's words."""
    if policy.source == "default":
        return {"_words": {"policy": phrase("policy.default")}}
    return {"policy": policy.source}


def _eligibility(access: AccessFile, user: User, policy: Policy) -> Iterator[Problem]:
    """Rule E: services by profile (error) and by establishment type (warning)."""
    est_type = access.establishment.type
    for i, service in enumerate(user.services):
        allowed = policy.eligibility[service]
        if user.profile not in allowed:
            yield error(
                access.file, access.where(user, "services", i), "E057",
                service=service, profile=user.profile, allowed=ordered(allowed),
                **_policy_named(policy),
            )
        usual = policy.usual_types[service]
        if est_type not in usual:
            yield warning(
                access.file, access.where(user, "services", i), "W101",
                service=service, type=est_type, allowed=ordered_types(usual),
            )


def _keys(access: AccessFile, user: User) -> Iterator[Problem]:
    """Rule K: who holds the keys. Decided for good by the planner; warned about here."""
    if domain.representative_holds_keys(user.username, user.profile):
        return
    why = "professional" if user.profile in domain.PROFESSIONALS else "ramq"  # hint variant
    if user.code_token is not None:
        yield warning(
            access.file, access.where(user, "secret_code"), "W102", key=user.key, _hint=why
        )
    if user.reset_token is not None:
        yield warning(
            access.file, access.where(user, "password_reset"), "W103", key=user.key, _hint=why
        )


def _review(access: AccessFile, user: User, policy: Policy, today: dt.date) -> Iterator[Problem]:
    """ARCHITECTURE §10: each user's access is reviewed at least every policy interval."""
    interval = dt.timedelta(days=policy.review_interval_days)
    # today - reviewed, not reviewed + interval: a review dated 9999 must not overflow
    if user.reviewed is not None and today - user.reviewed > interval:
        yield warning(access.file, access.where(user, "reviewed"), "W106", key=user.key,
                      date=user.reviewed.isoformat(), days=policy.review_interval_days)
