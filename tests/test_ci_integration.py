"""The pre-commit hook and the example pipelines in docs/ci/ are real and consistent."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import EXAMPLE, REPO

BIN = Path(sys.executable).parent


def test_pre_commit_hook_runs_validate_on_the_access_folder(tmp_path: Path) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    command = [str(BIN / shlex.split(hook["entry"])[0]), *shlex.split(hook["entry"])[1:],
               *hook["args"]]
    shutil.copytree(EXAMPLE, tmp_path / "access")  # as in an access repository's checkout
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": str(BIN), "RVSQ_LANG": "en"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All access files are valid." in result.stdout


def test_pipelines_never_run_two_applies_at_once_and_keep_the_sealed_codes() -> None:
    github = yaml.safe_load((REPO / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    assert github["concurrency"]["cancel-in-progress"] is False
    apply_steps = " ".join(str(step) for step in github["jobs"]["apply"]["steps"])
    assert "apply access --auto-approve" in apply_steps and ".rvsq/codes/*.age" in apply_steps
    assert "--format markdown" in " ".join(str(s) for s in github["jobs"]["plan"]["steps"])
    gitlab = yaml.safe_load((REPO / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["apply"]["resource_group"]
    assert ".rvsq/codes/" in gitlab["apply"]["artifacts"]["paths"]
