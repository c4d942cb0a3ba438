"""Run the real `rvsq-access` CLI, sending a signal to itself at a chosen point.

    python crash_runner.py POINT N [--signal KILL|STOP] -- CLI-ARGS...

POINT is where the Nth event of a kind happens (counted from 1 within this process):

    before-commit  inside the Nth action transaction, after its last write, before commit
    after-commit   right after the Nth action transaction committed
    after-export   after the Nth sealed-code file is written, before it is marked exported
    after-email    after the Nth email file is written (outbox export), before it is
                   marked exported
    after-sent     after the Nth email sent by SMTP is marked sent
    mid-smtp       after the Nth email's text went to the SMTP server, before its reply is
                   read (the server takes it; the sender does not know yet)

The real code is only wrapped: each wrapper calls the original, then signals. SIGKILL is
a crash (nothing runs after it); SIGSTOP freezes the process, holding whatever it holds,
until the test sends SIGCONT. If the point is never reached, the CLI runs to its end.
"""

from __future__ import annotations

import argparse
import functools
import os
import signal
import smtplib
import sys
from collections.abc import Callable
from typing import Any

from reconciler.applying import executor as apply
from reconciler.applying import mail
from reconciler.cli import main
from reconciler.store.base import SQLStore

# point → (object, attribute) whose call is the event counted
POINTS: dict[str, tuple[Any, str]] = {
    "before-commit": (SQLStore, "append_audit"),  # the last write of every action
    "after-commit": (apply._Run, "apply"),  # returns once the transaction committed
    "after-export": (apply, "export_sealed"),
    "after-email": (mail, "write_eml"),
    "after-sent": (SQLStore, "mark_sent"),
    "mid-smtp": (smtplib.SMTP, "send"),
}
# Points that count only some calls: smtplib sends a message's text, ending with the
# line that holds a single dot, in one call, then reads the reply.
COUNTED: dict[str, Callable[..., bool]] = {
    "mid-smtp": lambda server, data: isinstance(data, bytes) and data.endswith(b"\r\n.\r\n"),
}


def every_call(*args: Any, **kwargs: Any) -> bool:
    return True


def signal_after(nth: int, signum: int, original: Callable[..., Any],
                 counted: Callable[..., bool] = every_call) -> Callable[..., Any]:
    calls = 0

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        result = original(*args, **kwargs)
        if counted(*args, **kwargs):
            calls += 1
            if calls == nth:
                os.kill(os.getpid(), signum)
        return result

    return wrapper


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("point", choices=sorted(POINTS))
    parser.add_argument("nth", type=int)
    parser.add_argument("--signal", choices=["KILL", "STOP", "INT", "TERM"], default="KILL")
    return parser.parse_args(argv[:split]), argv[split + 1 :]


def run(argv: list[str]) -> None:
    options, cli_args = parse(argv)
    # A person's Ctrl-C reaches a command in the foreground; a test suite started in the
    # background (`pytest &`) would have SIGINT ignored from the start, as a shell does.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    owner, name = POINTS[options.point]
    signum = signal.Signals[f"SIG{options.signal}"]
    counted = COUNTED.get(options.point, every_call)
    setattr(owner, name, signal_after(options.nth, signum, getattr(owner, name), counted))
    sys.argv = ["rvsq-access", *cli_args]
    main()


if __name__ == "__main__":
    run(sys.argv[1:])
