"""The text policy: which characters a single-line field of an access file may hold.

One definition, used by the tool (through the schema's patterns, which the fast path
already runs on every value: no extra work per user) and written into the JSON Schema in
ECMA-262 terms. Refused: Unicode categories Cc and Cf (C0 and C1 controls, U+0085, the soft
hyphen, bidi overrides and isolates, zero-width characters, U+FEFF) and U+2028/2029. What
is refused moves or hides text on a screen, or breaks an email or a database on its way.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Code point ranges (inclusive) of categories Cc and Cf, plus U+2028 and U+2029, as
# Unicode 14 (Python 3.11) defines them. Written out, not computed at start-up (walking
# every code point takes a fifth of a second); tests/test_text.py checks them against
# unicodedata.
FORBIDDEN: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F), (0x007F, 0x009F), (0x00AD, 0x00AD), (0x0600, 0x0605),
    (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
    (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x2028, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
# Spaces that are allowed inside a value but not around it (the others are forbidden).
SPACES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x0020), (0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
)

# Names of the controls unicodedata.name does not know (it names no Cc character).
_CONTROL_NAMES = {
    0x00: "NULL", 0x01: "START OF HEADING", 0x02: "START OF TEXT", 0x03: "END OF TEXT",
    0x04: "END OF TRANSMISSION", 0x05: "ENQUIRY", 0x06: "ACKNOWLEDGE", 0x07: "BELL",
    0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
    0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x0E: "SHIFT OUT",
    0x0F: "SHIFT IN", 0x10: "DATA LINK ESCAPE", 0x11: "DEVICE CONTROL ONE",
    0x12: "DEVICE CONTROL TWO", 0x13: "DEVICE CONTROL THREE", 0x14: "DEVICE CONTROL FOUR",
    0x15: "NEGATIVE ACKNOWLEDGE", 0x16: "SYNCHRONOUS IDLE", 0x17: "END OF TRANSMISSION BLOCK",
    0x18: "CANCEL", 0x19: "END OF MEDIUM", 0x1A: "SUBSTITUTE", 0x1B: "ESCAPE",
    0x1C: "INFORMATION SEPARATOR FOUR", 0x1D: "INFORMATION SEPARATOR THREE",
    0x1E: "INFORMATION SEPARATOR TWO", 0x1F: "INFORMATION SEPARATOR ONE", 0x7F: "DELETE",
    0x80: "PADDING CHARACTER", 0x81: "HIGH OCTET PRESET", 0x82: "BREAK PERMITTED HERE",
    0x83: "NO BREAK HERE", 0x84: "INDEX", 0x85: "NEXT LINE", 0x86: "START OF SELECTED AREA",
    0x87: "END OF SELECTED AREA", 0x88: "CHARACTER TABULATION SET",
    0x89: "CHARACTER TABULATION WITH JUSTIFICATION", 0x8A: "LINE TABULATION SET",
    0x8B: "PARTIAL LINE FORWARD", 0x8C: "PARTIAL LINE BACKWARD", 0x8D: "REVERSE LINE FEED",
    0x8E: "SINGLE SHIFT TWO", 0x8F: "SINGLE SHIFT THREE", 0x90: "DEVICE CONTROL STRING",
    0x91: "PRIVATE USE ONE", 0x92: "PRIVATE USE TWO", 0x93: "SET TRANSMIT STATE",
    0x94: "CANCEL CHARACTER", 0x95: "MESSAGE WAITING", 0x96: "START OF GUARDED AREA",
    0x97: "END OF GUARDED AREA", 0x98: "START OF STRING", 0x99: "SINGLE GRAPHIC CHARACTER "
    "INTRODUCER", 0x9A: "SINGLE CHARACTER INTRODUCER", 0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9C: "STRING TERMINATOR", 0x9D: "OPERATING SYSTEM COMMAND", 0x9E: "PRIVACY MESSAGE",
    0x9F: "APPLICATION PROGRAM COMMAND",
}


def char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """The inside of a regex character class for `ranges`, the characters themselves: none
    is special in a class, and JSON carries them as \\uXXXX (astral ones as a surrogate
    pair, which every JSON reader joins into one code point before the regex sees it)."""
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def schema_patterns() -> dict[str, str]:
    """The patterns the JSON Schema must carry, by its $defs name (see test_text.py)."""
    forbidden = char_class(FORBIDDEN)
    edge = forbidden + char_class(SPACES)
    address = f"[^@<>()\\[\\]:;,\"{edge}]+"
    email = f"{address}@{address}\\.[^@<>()\\[\\]:;,\".{edge}]+"
    return {
        "text": f"^([^{edge}]([^{forbidden}]*[^{edge}])?)?$",
        "line": f"^[^{forbidden}]*$",
        "email": f"^{email}$",
        "username": f"^((CE|IP|IELP)[0-9]+|{email})$",
    }


_FORBIDDEN = re.compile(f"[{char_class(FORBIDDEN)}]")


def first_forbidden(value: str) -> int | None:
    """The index of the first forbidden character of `value`, or None."""
    found = _FORBIDDEN.search(value)
    return found.start() if found else None


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': a character named the way Unicode does."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "")
    return f"U+{code:04X} {name}".rstrip()


# An address whose part before the @ is plain ASCII words joined by periods (nearly every
# address) is as email-validator would find it; only its domain is asked, once per domain.
# Any other address is asked whole. Each of 100,000 users costs a regex, not 36 µs.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
# email-validator's reasons (English sentences), by the catalog key that says them: the
# first whose words the sentence holds.
_EMAIL_REASONS = (
    ("two periods in a row", "text.email.dots"),
    ("hyphen", "text.email.hyphen"),
    ("should have a period", "text.email.no_dot"),
    ("so many characters", "text.email.long"),
    ("too long", "text.email.long"),
    ("period", "text.email.period"),
    ("special-use or reserved", "text.email.reserved"),
    ("invalid characters", "text.email.characters"),
    ("Quoting", "text.email.quoted"),
    ("bracketed", "text.email.literal"),
)


def email_refusal(address: str) -> tuple[str, str] | None:
    """Why email-validator refuses `address` (without asking DNS): (catalog key, the
    library's own sentence), or None when it is accepted."""
    local, at, domain = address.rpartition("@")
    if at and len(address) <= 254 and len(local) <= 64 and _PLAIN_LOCAL.fullmatch(local):
        return _domain_refusal(domain)
    return _refusal(address)


@functools.lru_cache(maxsize=4096)
def _domain_refusal(domain: str) -> tuple[str, str] | None:
    return _refusal(f"a@{domain}")


def _refusal(address: str) -> tuple[str, str] | None:
    from email_validator import EmailNotValidError, validate_email  # 25 ms: only when asked

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        detail = str(exc)
        for words, key in _EMAIL_REASONS:
            if words in detail:
                return key, detail
        return "text.email.other", detail
    return None
