"""French typography, applied to every French message once, so that whoever writes one types
ordinary spaces: a non-breaking space (U+00A0) before « : ; ! ? » and inside « ».

Left as written: what the reader is to type or read as code. That is the text between « »
and in backticks (a YAML line, a command), a YAML key before its colon (`services: [rvsq]`,
`{field}: …`: a space there would change what YAML reads), and a colon not followed by a
space (`sqlite:///…`, `{file}:{line}`).
"""

from __future__ import annotations

import re
import string

NBSP = "\u00a0"
# The keys of the access file and the policy, as the catalog quotes them in examples.
YAML_KEYS = frozenset({
    "age_recipient", "email", "establishment", "expires", "first_name", "id", "last_name",
    "name", "password_reset", "professional_number", "profile", "region", "representative",
    "requested", "retired", "reviewed", "rotate", "secret_code", "services", "ticket",
    "title", "type", "username", "users", "version", "eligibility", "review_interval_days",
    "usual_establishment_types", "mode",
})
FIELD = "\ue000"  # stands for a {placeholder} while the text around it is set
QUOTE = "\ue001"  # stands for a quotation or a code span, likewise
_QUOTED = re.compile(r"«\s*(.*?)\s*»|(`[^`]*`)", re.S)
_BEFORE = re.compile(r"(?<![\s\u00a0])( ?)([:;!?])(?=[\s*_)]|$)")
_KEY = re.compile(r"([A-Za-z_]+|" + FIELD + r")$")


def french(template: str) -> str:
    """`template` (a str.format template) with French typography in its prose."""
    held: list[str] = []
    fields: list[str] = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        held.append(literal)
        if field is not None:
            held.append(FIELD)
            if spec and "|" in spec:  # a plural's forms (message.py) are prose too
                spec = french(spec)
            fields.append("{" + field + (f"!{conversion}" if conversion else "")
                          + (f":{spec}" if spec else "") + "}")
    pieces = [piece.replace("{", "{{").replace("}", "}}")
              for piece in _set("".join(held)).split(FIELD)]
    return "".join(part for pair in zip(pieces, [*fields, ""], strict=True) for part in pair)


def quoted(text: str) -> str:
    """`text` between guillemets, as the French messages quote (a label built in code)."""
    return f"«{NBSP}{text}{NBSP}»"


def _set(text: str) -> str:
    """Prose set, quotations and code spans kept as written (guillemets get their spaces).
    Each is held out as one character while the prose around it is set, so that a mark
    right after a quotation (`» ?`) is spaced too."""
    kept: list[str] = []

    def hold(found: re.Match[str]) -> str:
        inner = found.group(1)
        kept.append(quoted(inner) if inner is not None else found.group(2))
        return QUOTE

    prose = _prose(_QUOTED.sub(hold, text))
    return re.sub(QUOTE, lambda _: kept.pop(0), prose)


def _prose(text: str) -> str:
    def spaced(match: re.Match[str]) -> str:
        if match.group(2) == ":" and not match.group(1):
            key = _KEY.search(text, 0, match.start(2))
            if key is not None and (key.group(1) in YAML_KEYS or key.group(1) == FIELD):
                return match.group()  # `services: [rvsq]`, `{field}: …`: YAML as typed
        return NBSP + match.group(2)

    return _BEFORE.sub(spaced, text)
