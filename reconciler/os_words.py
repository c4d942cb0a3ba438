"""What the operating system said, in the user's words.

An `OSError`'s own text (`[Errno 111] Connection refused`, `No such file or directory`)
is English whatever the user's language. Wherever such an error reaches a message, its
reason is given as a catalog phrase chosen by its errno (`os.*` in
catalog/problems_reading.py), said in the reader's language when the message is (see
catalog.phrase); an errno not in the table is named (`ENOTEMPTY`) in a translated
sentence. Only what is not the system's (a database driver's words) passes as it is.
"""

from __future__ import annotations

import errno
import re
from typing import Any

from reconciler.catalog import phrase
from reconciler.reading.text import describe

# errno → the catalog phrase that says it; several errnos, one remedy, one phrase.
_BY_ERRNO = {
    errno.ENOENT: "os.missing",
    errno.ENOTDIR: "os.not_a_folder",
    errno.EISDIR: "os.is_a_folder",
    errno.EEXIST: "os.exists",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.full",
    errno.EDQUOT: "os.full",
    errno.EFBIG: "os.too_large",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ELOOP: "os.link",
    errno.EMFILE: "os.too_many_open",
    errno.ENFILE: "os.too_many_open",
    errno.EIO: "os.io",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
    errno.EAGAIN: "os.busy",
    errno.ENOTEMPTY: "os.not_empty",
    errno.EXDEV: "os.other_disk",
    errno.ECONNREFUSED: "os.refused",
    errno.ETIMEDOUT: "os.timed_out",
    errno.ECONNRESET: "os.reset",
    errno.EPIPE: "os.reset",
    errno.ECONNABORTED: "os.reset",
    errno.EHOSTUNREACH: "os.unreachable",
    errno.ENETUNREACH: "os.unreachable",
    errno.ENETDOWN: "os.unreachable",
    errno.EADDRNOTAVAIL: "os.unreachable",
    errno.ENOMEM: "os.memory",
}


def reason(exc: BaseException) -> dict[str, Any]:
    """Why `exc` happened, as a phrase: by errno for the system's errors; a name the
    network cannot find, a timeout, text the system's encoding cannot hold, each said;
    anything else in its own words (a driver's, which are not the system's)."""
    import socket  # here: most commands never see a network error
    import ssl

    if isinstance(exc, ssl.SSLError):  # its errno is OpenSSL's: its own words name it
        return phrase("os.said", text=str(exc).strip())
    if isinstance(exc, socket.gaierror):
        return phrase("os.unknown_host")
    if isinstance(exc, TimeoutError) and exc.errno is None:
        return phrase("os.timed_out")
    if isinstance(exc, OSError) and exc.errno is not None:
        key = _BY_ERRNO.get(exc.errno)
        if key:
            return phrase(key)
        return phrase("os.other", name=errno.errorcode.get(exc.errno, str(exc.errno)))
    if isinstance(exc, UnicodeDecodeError) and isinstance(exc.object, bytes):
        line = exc.object.count(b"\n", 0, exc.start) + 1
        column = exc.start - exc.object.rfind(b"\n", 0, exc.start)
        return phrase("os.not_utf8", byte=f"0x{exc.object[exc.start]:02X}", line=line,
                      column=column)
    if isinstance(exc, UnicodeEncodeError):
        return phrase("os.character", char=describe(exc.object[exc.start]))
    if isinstance(exc, UnicodeError):
        return phrase("os.encoding")
    return phrase("os.said", text=str(exc).strip() or type(exc).__name__)


# How the state keeps a system error as a delivery's reason (the outbox's last_error):
# in no language, 'OS ECONNREFUSED', worded when it is read (`kept_reason`).
_KEPT = re.compile(r"OS ([A-Z0-9_]+)")


def kept(exc: OSError) -> str | None:
    """`exc` as the state keeps it, or None when it is not the system's (a mail server's
    own reply, an SMTPException, has no errno: it is kept as the server gave it)."""
    import socket
    import ssl

    if isinstance(exc, ssl.SSLError):  # its errno is OpenSSL's, not the system's
        return None
    if isinstance(exc, socket.gaierror):
        return "OS EAI_NONAME"
    if exc.errno is None:
        return "OS ETIMEDOUT" if isinstance(exc, TimeoutError) else None
    return f"OS {errno.errorcode.get(exc.errno, exc.errno)}"


def kept_reason(text: str) -> dict[str, Any] | None:
    """The phrase of a reason `kept` wrote, or None for any other text."""
    found = _KEPT.fullmatch(text)
    if found is None:
        return None
    name = found[1]
    if name == "EAI_NONAME":
        return phrase("os.unknown_host")
    key = _BY_ERRNO.get(getattr(errno, name, -1))
    return phrase(key) if key else phrase("os.other", name=name)


def words(exc: BaseException) -> dict[str, Any]:
    """The `_words` of a message whose `{reason}` is why `exc` happened."""
    return {"reason": reason(exc)}
