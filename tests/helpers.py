"""Test helpers: run the real CLI in-process and read its JSON output."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result
from paths import EXAMPLE, REPO

from reconciler.catalog.typography import french
from reconciler.cli import cli as rvsq_access
from reconciler.store import SQLStore, init_store, parse_location

PLAN_SCHEMA = json.loads((REPO / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
# For a test of the `state_url` fixture (conftest.py) whose subject is not the store: it
# runs on SQLite only, rather than on each backend.
sqlite_only = pytest.mark.parametrize("state_url", ["sqlite"], indirect=True)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run `rvsq-access ARGS` in-process, as a user would from a shell."""
    return CliRunner().invoke(rvsq_access, list(args), env=env, catch_exceptions=True)


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = run(*args, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """`rvsq-access --lang en --no-color ARGS`; never an uncaught exception."""
    result = run("--lang", "en", "--no-color", *args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


# A new establishment (the state knows nothing of it) with one new account, its codes
# sealed to the demo key of access/06/gmf-hill-valley.yaml.
CASCADES = Path("access/05/clinique-des-cascades.yaml")
CASCADES_TEXT = """\
version: 1
establishment:
  id: clinique-des-cascades
  name: Clinique des Cascades
  region: "05"
  type: clinique
representative:
  name: Denise Roy
  email: denise.roy@example.org
  age_recipient: age1t36qu64m5zp945vsfujpkxvcf0dnj8s39v9fg7vzu7ecmpefd9uqldqkdn
users:
  - email: helene.fortin@example.org
    title: madame
    first_name: Hélène
    last_name: Fortin
    profile: personnel-administratif
    services: [rvsq]
    reviewed: 2026-11-20
"""


def add_cascades() -> None:
    """Write CASCADES in the working folder's access/."""
    CASCADES.parent.mkdir()
    CASCADES.write_text(CASCADES_TEXT, encoding="utf-8")


def ok(result: Result, code: int = 0) -> Result:
    """`result`, which must have exited with `code`."""
    assert result.exit_code == code, result.output
    return result


def plan_json(*args: str, cache: bool = True) -> dict[str, Any]:
    """`rvsq-access plan --format json ARGS`, checked against the plan's schema."""
    result = ok(cli(*(() if cache else ("--no-cache",)), "plan", "--format", "json", *args))
    data = json.loads(result.stdout)
    jsonschema.validate(data, PLAN_SCHEMA)
    return data


def example_repository(folder: Path) -> Path:
    """A working copy of the example access files in `folder`, with a new state (the
    default .rvsq/state.db, or RVSQ_STATE) holding the RAMQ directory. Call it with the
    working folder already set to `folder`."""
    shutil.copytree(EXAMPLE, folder / "access")
    created = cli("state", "init")
    assert created.exit_code == 0, created.output
    imported = cli("state", "import-directory", str(REPO / "examples" / "ramq-directory.csv"))
    assert imported.exit_code == 0, imported.output
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# The example's emergency department carries out its changes in RAMQ's portal (mode:
# portal): apply issues no code and writes no email for its people.
EMERGENCY = Path("access/03/urgence-chu-de-quebec.yaml")


def emergency_in_register_mode(folder: Path = Path()) -> None:
    """Put the working copy's emergency department in register mode (the tool issues its
    codes and writes its emails): for a test that needs more register-mode people than the
    example's other sites have."""
    edit(folder / EMERGENCY, "  mode: portal\n", "")


def remove_user(path: Path, first_line: str) -> None:
    """Delete the YAML entry that starts with `  - <first_line>`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - {first_line}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def new_store(url: str, now: str = "2026-11-26T00:00:00Z") -> SQLStore:
    """A new state at `url`, as `rvsq-access state init` makes it, open."""
    return init_store(parse_location(url), now)[0]


def without_root_rights() -> list[str]:
    """A command prefix that takes from root its power to ignore file modes, so that a test
    of a file one may not read or a folder one may not write means something as root too
    (CI runs as root); nothing for anyone else."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) is needed to test file modes as root"
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def on_terminal(command: list[str], cwd: Path, answer: bytes | int,
                env: dict[str, str] | None = None, asked: bytes = b"[y/N]") -> tuple[int, str]:
    """Run `command` with a pseudo-terminal as stdin, stdout and stderr; answer its [y/N]
    question (`asked`: [o/N] in French) with `answer`, bytes typed or a signal sent (SIGINT:
    Ctrl-C). Its exit code and everything it wrote."""
    return terminal_session(command, cwd, [(asked, answer)], env, must_ask=False)


def terminal_session(command: list[str], cwd: Path, steps: list[tuple[bytes, bytes | int]],
                     env: dict[str, str] | None = None, must_ask: bool = True
                     ) -> tuple[int, str]:
    """Run `command` on a pseudo-terminal; wait for each step's question (after the one
    before), then answer it: bytes typed as they are, or a signal sent (SIGINT: Ctrl-C).
    The exit code and everything written; with `must_ask`, a question never asked fails
    the test (else the command may end without asking, as a refusal does)."""
    import select
    import signal
    import subprocess
    import time

    controller, terminal = os.openpty()
    # Ctrl-C as a shell gives it: an in-process test before may have left this process
    # ignoring SIGINT (a command that ends stops listening), which a child would inherit.
    proc = subprocess.Popen(command, cwd=cwd, stdin=terminal, stdout=terminal,
                            stderr=terminal, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(terminal)
    output, seen, pending = b"", 0, list(steps)
    signalled: tuple[int, float] | None = None
    deadline = time.monotonic() + 90  # a loaded machine (CI, the whole suite) is slow
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            output += chunk
        if pending:
            question, answer = pending[0]
            found = output.find(question, seen)
            if found >= 0:
                seen = found + len(question)
                time.sleep(0.05)  # the prompt is written before input() waits: let it wait
                if isinstance(answer, int):
                    os.kill(proc.pid, answer)
                    signalled = answer, time.monotonic()
                else:
                    os.write(controller, answer)
                pending.pop(0)
        elif signalled and proc.poll() is None and time.monotonic() - signalled[1] > 3:
            # A signal that lands between the prompt and the read it waits in is noted by
            # Python but wakes nothing (a race in input()); a person presses Ctrl-C again.
            os.kill(proc.pid, signalled[0])
            signalled = signalled[0], time.monotonic()
        if proc.poll() is not None and not ready:
            break
    if proc.poll() is None:  # a question never asked: stop waiting for it
        proc.kill()
    code = proc.wait(timeout=10)
    os.close(controller)
    assert not (must_ask and pending), \
        f"never asked {pending[0][0]!r}:\n{output.decode(errors='replace')}"
    return code, output.decode("utf-8", errors="replace").replace("\r\n", "\n")


def typeset(text: str) -> str:
    """An expected French sentence with the catalog's French typography (catalog/typography)."""
    try:
        return french(text).replace("{{", "{").replace("}}", "}")
    except ValueError:  # braces that are not a template's: nothing to set
        return text
