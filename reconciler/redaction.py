"""Passwords kept out of what the tool shows: URLs in messages, and the errors of drivers
that echo parts of the URL they were given.

A URL's password may hold anything, `@`, `/`, `:` and spaces included, and need not be
percent-encoded: so the user information always ends at the LAST `@`, and hiding too
much is preferred to hiding too little.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# A URL in free text, up to the last `@` of its line: a password may hold spaces.
_USER_INFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^\n]*@")
_QUERY = re.compile(r"[?#]")
HIDDEN = "***"


def shown_url(url: str) -> str:
    """`url` as a message may show it: `scheme://host:port/path`, without its user
    information, query or fragment (libpq takes `?password=` too). A port that is not a
    number may be a password given without a host: it is hidden, with what follows. Spaces
    around the URL are kept: a message may be about them."""
    lead = url[:len(url) - len(url.lstrip())]
    scheme = _SCHEME.match(url, len(lead))
    if scheme is None:  # not a URL: what precedes an `@` may still be a password
        return lead + url[len(lead):].rpartition("@")[2] if "@" in url else url
    if url[scheme.end():].startswith("/"):  # no host (sqlite:///path): a file name, shown whole
        return url
    rest = _QUERY.split(url[scheme.end():].rpartition("@")[2], maxsplit=1)[0]
    netloc, slash, path = rest.partition("/")
    host, colon, port = netloc.rpartition(":")
    if colon and not netloc.endswith("]") and port and not port.isdigit():
        return f"{lead}{scheme.group(0)}{host}:{HIDDEN}"
    return f"{lead}{scheme.group(0)}{netloc}{slash}{path}"


def redact(text: str) -> str:
    """Text as it may be shown: every URL in it without its user and password (up to the
    last `@` of the line, so that a password holding `@`, `/` or a space is hidden too)."""
    return _USER_INFO.sub(rf"\1{HIDDEN}@", text)


def secrets_of(url: str) -> list[str]:
    """What of `url` must never be shown: its password, each part of it between `@` and
    `:` (a driver that misreads the URL quotes such parts), and a `password=` parameter;
    as written and percent-decoded, longest first. Parts shorter than 2 characters are
    left: hiding every single letter would hide the message."""
    scheme = _SCHEME.match(url)
    if scheme is None:
        return []
    rest = url[scheme.end():]
    user_info, at, _ = rest.rpartition("@")
    found = []
    if at:
        found.append(user_info.partition(":")[2])
    else:  # no `@`: a port that is not a number may be a password given without a host
        netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
        port = netloc.rpartition(":")[2]
        found += [port] if not (port.isdigit() or netloc.endswith("]")) else []
    # `password=` anywhere: a password holding `@` moves the query into what looks like
    # the user information, and one holding `#` would end it early.
    found += _PASSWORD_ANYWHERE.findall(rest)
    whole = {form for secret in found for form in (secret, unquote(secret))}
    pieces = {form for secret in whole for piece in (secret, *re.split(r"[@:]", secret))
              for form in (piece, unquote(piece))}
    return sorted((p for p in pieces if len(p) >= 2), key=lambda p: (-len(p), p))


def _shares_a_part(quoted: str, secrets: list[str]) -> bool:
    """Whether a quoted text holds four characters in a row of a password: a driver that
    misreads a URL may quote a piece that runs across the password's own `@`, `/` or
    spaces (shorter runs would hide ordinary words)."""
    return any(quoted[i:i + 4] in secret for secret in secrets
               for i in range(len(quoted) - 3))


_PASSWORD_ANYWHERE = re.compile(r"[?&]password=([^&]*)", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'")


def scrub(text: str, url: str | None) -> str:
    """A driver's message about `url` as it may be shown: without the URL's password or
    any part of it, and without the user information of any URL it quotes. A quoted
    text sharing a part with the password is hidden whole."""
    secrets = secrets_of(url) if url else []
    if secrets:
        text = _QUOTED.sub(lambda m: f'"{HIDDEN}"' if any(p in m[0] for p in secrets)
                           or _shares_a_part(m[0][1:-1], secrets) else m[0], text)
    for secret in secrets:
        text = text.replace(secret, HIDDEN)
    return redact(text)
