"""A path given on the command line that is a link, or goes through one, out of the
repository is refused like a link inside the access folder (E015); a real folder named
explicitly stays allowed. "The repository" is git's top level, else the working folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli, example_repository

GMF = "access/06/gmf-hill-valley.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, a repository of example files with a state; beside it, outside,
    a folder holding another copy of the access files."""
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    here = tmp_path / "repo"
    here.mkdir()
    monkeypatch.chdir(here)
    example_repository(here)
    shutil.copytree(EXAMPLE, tmp_path / "outside" / "access")
    return here


def refused(result_output: str, link: str, top: Path) -> bool:
    return f"error[E015] '{link}' is a symbolic link that leads outside '{top.as_posix()}'" in (
        result_output)


@pytest.mark.parametrize("command", [["validate"], ["plan"], ["apply", "--auto-approve"],
                                     ["report"]])
def test_access_itself_a_link_out_is_refused(repo: Path, command: list[str]) -> None:
    shutil.rmtree(repo / "access")
    os.symlink(repo.parent / "outside" / "access", repo / "access")
    result = cli(*command)  # the default path, ./access
    assert result.exit_code == 1 and refused(result.output, "access", repo.resolve())
    assert not Path(".rvsq/codes").exists()  # nothing applied, nothing sealed


def test_a_link_to_a_folder_outside_is_refused(repo: Path) -> None:
    os.symlink(repo.parent / "outside" / "access", repo / "theirs")
    result = cli("validate", "theirs")
    assert result.exit_code == 1 and refused(result.output, "theirs", repo.resolve())
    assert cli("plan", "access", "theirs").exit_code == 1  # one bad path among several


def test_a_file_argument_that_is_a_link_outside_is_refused(repo: Path) -> None:
    outside = repo.parent / "outside" / GMF
    before = outside.read_bytes()
    os.symlink(outside, repo / "access" / "06" / "link.yaml")
    given = "access/06/link.yaml"
    result = cli("validate", given)
    assert result.exit_code == 1 and refused(result.output, given, repo.resolve())
    result = cli("user", "remove", given, "martinmacfly@ramq.gouv.qc.ca")
    assert result.exit_code == 1 and refused(result.output, given, repo.resolve())
    assert outside.read_bytes() == before  # the file out there was not edited


def test_a_path_under_a_linked_parent_is_refused(repo: Path) -> None:
    os.symlink(repo.parent / "outside", repo / "shared")
    for given in ("shared/access", f"shared/{GMF}", "shared/access/06/../03"):
        result = cli("validate", given)
        assert result.exit_code == 1 and refused(result.output, given, repo.resolve()), given


def test_a_link_through_dot_dot_is_refused(repo: Path) -> None:
    """`inner/..` is where the link leads, then up: not the working folder."""
    os.symlink(repo.parent / "outside" / "access" / "06", repo / "inner")
    result = cli("validate", "inner/../03")
    assert result.exit_code == 1 and refused(result.output, "inner/../03", repo.resolve())


def test_a_policy_given_through_a_link_outside_is_refused(repo: Path) -> None:
    os.symlink(repo.parent / "outside" / "access" / "policy.yaml", repo / "policy.yaml")
    result = cli("validate", "--policy", "policy.yaml")
    assert result.exit_code == 1 and refused(result.output, "policy.yaml", repo.resolve())


def test_a_real_folder_outside_named_explicitly_is_allowed(repo: Path) -> None:
    outside = repo.parent / "outside"
    assert cli("validate", "../outside/access").exit_code == 0
    assert cli("validate", str(outside / "access")).exit_code == 0
    assert cli("validate", str(outside / GMF), "--policy",
               str(outside / "access" / "policy.yaml")).exit_code == 0
    assert cli("plan", str(outside / "access")).exit_code == 0


def test_a_link_inside_the_repository_is_followed(repo: Path) -> None:
    (repo / "config").mkdir()
    (repo / "access").rename(repo / "config" / "access")
    os.symlink(repo / "config" / "access", repo / "access")
    assert cli("validate").exit_code == 0
    assert cli("plan").exit_code == 0


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_inside_git_the_repository_is_its_top_level(repo: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """From a sub-folder of a repository, a link to elsewhere in the same repository is
    followed; a link out of the repository is refused with the top level named."""
    _git(repo, "init", "-q")
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    os.symlink(repo / "access", repo / "sub" / "ours")
    os.symlink(repo.parent / "outside" / "access", repo / "sub" / "theirs")
    assert cli("validate", "ours").exit_code == 0
    result = cli("validate", "theirs")
    assert result.exit_code == 1 and refused(result.output, "theirs", repo.resolve())


def test_outside_git_the_repository_is_the_working_folder(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same layout without git: the working folder is all the repository there is."""
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    os.symlink(repo / "access", repo / "sub" / "ours")
    result = cli("validate", "ours")
    assert result.exit_code == 1 and refused(result.output, "ours", (repo / "sub").resolve())


def test_the_refusal_is_in_french(repo: Path) -> None:
    os.symlink(repo.parent / "outside" / "access", repo / "theirs")
    result = cli("--lang", "fr", "validate", "theirs")
    assert result.exit_code == 1
    assert ("«\u00a0theirs\u00a0» est un lien symbolique qui mène hors de "
            f"«\u00a0{repo.resolve().as_posix()}\u00a0»" in result.output)


def test_a_link_outside_the_repository_is_the_operators_own(repo: Path) -> None:
    """A link that is itself outside the repository (no pull request can plant it) is
    followed when a path named goes through it, as /tmp is on macOS."""
    os.symlink(repo.parent / "outside", repo.parent / "mine")
    assert cli("validate", str(repo.parent / "mine" / "access")).exit_code == 0
    assert cli("validate", "../mine/access").exit_code == 0
