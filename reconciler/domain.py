"""The RVSQ domain vocabulary (ARCHITECTURE §2): services, profiles, establishment types.

These are facts about the portal, not configuration; the policy file (policy.py) only
decides which profiles and establishment types each service is meant for.
"""

from __future__ import annotations

import re

SERVICES = (
    "rvsq",
    "rvsq-811",
    "rvsq-reorientation-hopital",
    "rvsq-reorientation-clinique",
)

SERVICE_LABELS = {
    "rvsq": "Rendez-vous santé Québec",
    "rvsq-811": "Rendez-vous santé Québec – 811",
    "rvsq-reorientation-hopital": (
        "Rendez-vous santé Québec – Réorientation d'un patient d'un hôpital vers une clinique"
    ),
    "rvsq-reorientation-clinique": (
        "Rendez-vous santé Québec – Réorientation d'un patient d'une clinique vers une autre"
    ),
}

PROFILES = (
    "personnel-administratif",
    "personnel-infirmier",
    "infirmiere-clinicienne",
    "medecin",
    "resident",
    "ips",
)

# Rule P: these professionals create their own RAMQ account with a reference number.
PROFESSIONALS = frozenset({"medecin", "resident", "ips"})
NURSING = frozenset({"personnel-infirmier", "infirmiere-clinicienne", "ips"})
ADMINISTRATIVE = frozenset({"personnel-administratif"})

# Professional number: first digit by profile, optional dash after it, 5 to 7 digits.
PROFESSIONAL_NUMBER = {
    "medecin": re.compile(r"1-?[0-9]{4,6}"),  # [0-9]: \d would take any script's digits
    "resident": re.compile(r"5-?[0-9]{4,6}"),
    "ips": re.compile(r"8-?1[0-9]{3,5}"),
}
PROFESSIONAL_NUMBER_EXAMPLE = {"medecin": "1-12345", "resident": "5-12345", "ips": "8-1234"}

ESTABLISHMENT_TYPES = ("clinique", "gmf", "urgence-ch", "centrale-regionale", "info-sante-811")
REGIONS = tuple(f"{n:02d}" for n in range(1, 19))
TITLES = ("madame", "monsieur", "docteur", "docteure")

# Same patterns as schemas/access-file.schema.json (a test keeps them equal).
EMAIL = re.compile(r'[^@\s<>()\[\]:;,"]+@[^@\s<>()\[\]:;,"]+\.[^@\s<>()\[\]:;,".]+')
USERNAME = re.compile(rf"(CE|IP|IELP)[0-9]+|{EMAIL.pattern}")
# Accounts made by RAMQ itself; the representative cannot hold their keys (rule K).
RAMQ_MADE_USERNAME = re.compile(r"(CE|IP)\d+")
# Only these fields accept an unquoted YAML date (ARCHITECTURE §3).
DATE_FIELDS = frozenset({"expires", "reviewed"})


def is_email(username: str) -> bool:
    return "@" in username


def representative_holds_keys(username: str | None, profile: str) -> bool:
    """Rule K: may the representative regenerate a code or reset a password?"""
    if profile in PROFESSIONALS:
        return False
    return username is None or not RAMQ_MADE_USERNAME.fullmatch(username)
