"""What the tool prints reaches any terminal, whatever its encoding, and a reader that goes
away (`| head`) never stops a command half-way.

A Latin-1 or ASCII locale cannot encode French typography (the narrow no-break space
before « : », the dash, the ellipsis) and a file name the system could not decode holds
surrogates: either would stop a command in the middle of its report. Such characters are
written as their nearest equivalent instead (`\\xNN` for undecodable bytes, `?` for the
rest), so the sentence is still read, and no command fails for how it is shown.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import Any

# The typography the catalog uses, as a narrower encoding can write it.
_NEAREST = {
    "\u202f": "\u00a0", "\u2009": " ", "\u2011": "-", "\u2013": "-", "\u2014": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...",
    "\u2192": "->", "\u2190": "<-", "\u2022": "*", "\u2713": "v", "\u2717": "x",
}
ERRORS = "rvsq-nearest"


def _nearest(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    encoding = error.encoding
    out = []
    for char in error.object[error.start:error.end]:
        if "\udc80" <= char <= "\udcff":  # a byte the system could not decode
            out.append(f"\\x{ord(char) - 0xdc00:02x}")
            continue
        near = _NEAREST.get(char, "?")
        try:
            near.encode(encoding)
        except (UnicodeError, LookupError):
            near = " " if near == "\u00a0" else "?"
        out.append(near)
    return "".join(out), error.end


codecs.register_error(ERRORS, _nearest)

# Characters a terminal obeys or hides rather than shows: controls (ESC, CR, BS, C1),
# format characters (bidi overrides, zero-width) and the line and paragraph separators.
_NOT_SHOWN = frozenset({"Cc", "Cf", "Zl", "Zp"})


def inert(text: str) -> str:
    """`text` from data (a file, the state, an exception) as a terminal can only show it:
    each control or format character written as its escape (ESC as `\\u001b`), so that
    no line can be hidden, rewritten or reordered by what it prints."""
    if text.isprintable():  # the common case, at C speed (a plan prints 100,000 names)
        return text
    return "".join(
        (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        if unicodedata.category(c) in _NOT_SHOWN else c
        for c in text)


def is_terminal(stream: object) -> bool:
    """A terminal a person reads or answers on; not a closed stream (`<&-` leaves no
    stdin at all)."""
    try:
        return stream is not None and bool(stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):  # closed
        return False


def json_for_terminal(text: str) -> str:
    """JSON text as standard output may carry it: on a terminal, the control and format
    characters JSON leaves as they are (C1, bidi, zero-width, U+2028) are written as JSON
    escapes, which read back as the same string; elsewhere (a pipe, a file) it is unchanged,
    at no cost."""
    if not is_terminal(sys.stdout):
        return text
    return "".join(_json_escape(c) if c != "\n" and unicodedata.category(c) in _NOT_SHOWN
                   else c for c in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes an astral character as its UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def tolerant_streams() -> None:
    """Standard output and error never fail on a character their encoding lacks."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or not ours to change
                reconfigure(errors=ERRORS)


class _Forgiving:
    """Standard output that outlives its reader: once a write finds the pipe closed (`|
    head -1`), the rest goes nowhere and the command carries on to its end, with its own
    exit code, instead of stopping half-way (an apply between its changes and its report)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.lost = False

    def write(self, text: Any) -> int:
        if not self.lost:
            try:
                return int(self._stream.write(text))
            except BrokenPipeError:
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._lose()

    def _lose(self) -> None:
        self.lost = True
        with contextlib.suppress(OSError, ValueError):  # what is buffered goes nowhere too
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def forgiving_stdout() -> _Forgiving | None:
    """Make sys.stdout forgiving (see _Forgiving); None when there is none (`>&-`)."""
    if sys.stdout is None:
        return None
    sys.stdout = _Forgiving(sys.stdout)  # type: ignore[assignment]
    return sys.stdout  # type: ignore[return-value]
