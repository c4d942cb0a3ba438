"""apply on a real terminal (a pseudo-terminal): it asks before changing anything, and
with no age recipient it shows the new codes once, on screen only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import EXAMPLE, REPO, on_terminal

EXE = Path(sys.executable).parent / "rvsq-access"
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")


def _on_terminal(args: list[str], cwd: Path, answer: bytes) -> str:
    """Run rvsq-access on a pseudo-terminal; answer its question; what it wrote."""
    env = {**{k: v for k, v in os.environ.items() if k != "RVSQ_STATE"},  # .rvsq/state.db
           "RVSQ_LANG": "en", "COLUMNS": "200"}
    return on_terminal([str(EXE), "--no-color", *args], cwd, answer, env)[1]


def _repo(tmp_path: Path, with_recipients: bool) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "access")
    if not with_recipients:
        for path in (tmp_path / "access").rglob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"  age_recipient: \S+\n", "", text), encoding="utf-8")
    subprocess.run([str(EXE), "state", "init"], cwd=tmp_path, check=True, capture_output=True)
    subprocess.run([str(EXE), "state", "import-directory",
                    str(REPO / "examples" / "ramq-directory.csv")], cwd=tmp_path, check=True,
                   capture_output=True)
    return tmp_path


def test_answering_no_changes_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path, with_recipients=True)
    out = _on_terminal(["apply"], repo, b"n\n")
    assert "Apply these changes? [y/N]" in out
    assert "Nothing was changed." in out
    plan = subprocess.run([str(EXE), "--lang", "en", "plan", "--detailed-exitcode"], cwd=repo,
                          capture_output=True, text=True)
    assert plan.returncode == 2


def test_codes_are_shown_once_on_a_terminal_without_recipient(tmp_path: Path) -> None:
    repo = _repo(tmp_path, with_recipients=False)
    # The plan warns that an apply without a terminal (CI) would refuse; this one may not.
    # Only the two register-mode sites issue codes: the emergency department (portal mode)
    # needs no key.
    plan = subprocess.run([str(EXE), "--lang", "en", "plan", "--detailed-exitcode"], cwd=repo,
                          capture_output=True, text=True)
    assert plan.returncode == 1 and plan.stdout.count("error[E114]") == 2
    out = _on_terminal(["apply"], repo, b"y\n")
    assert "New secret codes, shown once" in out
    assert "E114" not in out and "would refuse" not in out
    shown = [m.group(0) for m in CODE.finditer(out)]
    assert len(shown) == 5 and len(set(shown)) == 5  # the register-mode sites' new accounts
    assert not list((repo / ".rvsq").glob("codes/*.age"))
    # Shown, never kept: not in the state, the emails or the audit log.
    for path in (repo / ".rvsq").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(code.encode() in data for code in shown), path
