"""Eligibility policy (rule E): the default of ARCHITECTURE §2, which access/policy.yaml
may override."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from reconciler import domain
from reconciler.records import REGISTER

POLICY_FILE_NAME = "policy.yaml"

DEFAULT_ELIGIBILITY: dict[str, frozenset[str]] = {
    "rvsq": frozenset(domain.PROFILES),
    "rvsq-811": domain.NURSING,
    "rvsq-reorientation-hopital": domain.NURSING | domain.ADMINISTRATIVE,
    "rvsq-reorientation-clinique": domain.NURSING | domain.ADMINISTRATIVE,
}
DEFAULT_USUAL_TYPES: dict[str, frozenset[str]] = {
    "rvsq": frozenset(domain.ESTABLISHMENT_TYPES),
    "rvsq-811": frozenset({"info-sante-811"}),
    "rvsq-reorientation-hopital": frozenset({"urgence-ch", "centrale-regionale"}),
    "rvsq-reorientation-clinique": frozenset(domain.ESTABLISHMENT_TYPES),
}
DEFAULT_REVIEW_INTERVAL_DAYS = 365


class Policy(NamedTuple):
    eligibility: dict[str, frozenset[str]]
    usual_types: dict[str, frozenset[str]]
    review_interval_days: int
    source: str  # the policy file, or "default"
    mode: str = REGISTER  # how establishments that do not say carry out changes

    def fingerprint(self) -> str:
        """Everything the rules read from the policy, in a stable order (a cache key)."""
        return json.dumps([sorted((k, sorted(v)) for k, v in self.eligibility.items()),
                           sorted((k, sorted(v)) for k, v in self.usual_types.items()),
                           self.review_interval_days, self.source, self.mode])


DEFAULT = Policy(DEFAULT_ELIGIBILITY, DEFAULT_USUAL_TYPES, DEFAULT_REVIEW_INTERVAL_DAYS, "default")


def from_data(data: dict, source: str) -> Policy:
    """Build a policy from a policy.yaml document that passed its schema."""
    eligibility = dict(DEFAULT_ELIGIBILITY)
    eligibility.update({s: frozenset(p) for s, p in data.get("eligibility", {}).items()})
    usual = dict(DEFAULT_USUAL_TYPES)
    usual.update({s: frozenset(t) for s, t in data.get("usual_establishment_types", {}).items()})
    interval = data.get("review_interval_days", DEFAULT_REVIEW_INTERVAL_DAYS)
    return Policy(eligibility, usual, interval, source, data.get("mode", REGISTER))


def find(paths: list[Path]) -> Path | None:
    """policy.yaml at the top of the first folder given, or beside/above the first file."""
    here = Path.cwd().resolve()
    for path in paths:
        folder = path if path.is_dir() else path.parent
        for candidate in (folder.resolve(), *folder.resolve().parents):
            found = candidate / POLICY_FILE_NAME
            if found.exists() and not found.is_dir():  # a FIFO, too: the reader refuses it
                return found
            if path.is_dir() or candidate == here or (candidate / ".git").exists():
                break  # a folder's policy is at its top; never look above the repository
    return None


def ordered(profiles: frozenset[str]) -> str:
    """Profiles in the portal's order, for messages."""
    return ", ".join(p for p in domain.PROFILES if p in profiles)


def ordered_types(types: frozenset[str]) -> str:
    return ", ".join(t for t in domain.ESTABLISHMENT_TYPES if t in types)
