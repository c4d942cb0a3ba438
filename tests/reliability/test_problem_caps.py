"""At most 100 problems per file and 1,000 per run are printed (issue 13, item 6); one
line then says how many more there are, the JSON carries the counts, and the summary's
totals stay exact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPO, cli, example_repository

HEAD = (EXAMPLE / "06" / "gmf-hill-valley.yaml").read_text(encoding="utf-8").split(
    "users:\n")[0].replace("gmf-hill-valley", "{id}")


def write_bad_file(folder: Path, name: str, users: int) -> Path:
    """An access file whose `users` each have one error: a title that is not one (E030)."""
    entries = "".join(
        f"  - {{email: u{i}@example.org, title: sir, first_name: A, last_name: B, "
        f"profile: personnel-administratif, services: [rvsq], reviewed: \"2026-05-01\"}}\n"
        for i in range(users))
    path = folder / f"{name}.yaml"
    path.write_text(HEAD.replace("{id}", name) + "users:\n" + entries, encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad").mkdir()
    return tmp_path / "bad"


def test_a_file_shows_its_first_100_problems_and_counts_the_rest(bad: Path) -> None:
    write_bad_file(bad, "clinique-a", 150)
    result = cli("validate", "bad")
    assert result.exit_code == 1
    assert result.stdout.count("error[E030]") == 100
    assert "bad/clinique-a.yaml:112:" in result.stdout  # the first ones, by position
    assert ("bad/clinique-a.yaml: 50 more problems not shown (100 of 150 shown: at most 100 "
            "per file)") in result.stdout
    assert "1 file, 150 users: 150 errors, 0 warnings" in result.stdout


def test_validate_json_carries_the_counts(bad: Path) -> None:
    write_bad_file(bad, "clinique-a", 150)
    write_bad_file(bad, "clinique-b", 3)
    result = cli("validate", "--format", "json", "bad")
    data = json.loads(result.stdout)
    assert data["errors"] == 153 and data["valid"] is False
    assert len(data["problems"]) == 103
    assert data["problem_counts"] == {
        "total": 153, "shown": 103, "omitted": 50,
        "files": [{"file": "bad/clinique-a.yaml", "total": 150, "shown": 100, "omitted": 50},
                  {"file": "bad/clinique-b.yaml", "total": 3, "shown": 3, "omitted": 0}]}


def test_a_run_shows_1000_problems_then_counts_the_files_not_shown(bad: Path) -> None:
    for n in range(12):
        write_bad_file(bad, f"clinique-{n:02}", 120)
    result = cli("validate", "bad")
    assert result.stdout.count("error[E030]") == 1_000
    assert result.stdout.count("20 more problems not shown (100 of 120 shown") == 10
    assert "clinique-10.yaml:" not in result.stdout
    assert ("240 more problems in 2 more files not shown: at most 1000 problems are shown "
            "per run") in result.stdout
    assert "12 files, 1440 users: 1440 errors, 0 warnings" in result.stdout
    data = json.loads(cli("validate", "--format", "json", "bad").stdout)
    assert len(data["problems"]) == 1_000 and data["errors"] == 1_440
    counts = data["problem_counts"]
    assert (counts["total"], counts["shown"], counts["omitted"]) == (1_440, 1_000, 440)
    assert counts["files"][-1] == {"file": "bad/clinique-11.yaml", "total": 120, "shown": 0,
                                   "omitted": 120}


def test_the_counts_are_said_in_french(bad: Path) -> None:
    write_bad_file(bad, "clinique-a", 101)
    result = cli("--lang", "fr", "validate", "bad")
    assert ("bad/clinique-a.yaml\u00a0: 1 autre problème non affiché (100 sur 101 "
            "affichés\u00a0: au plus 100 par fichier)") in result.stdout
    assert "101 erreurs" in result.stdout


def test_strict_counts_the_warnings_not_shown_as_errors(bad: Path) -> None:
    path = write_bad_file(bad, "clinique-a", 130)
    path.write_text(path.read_text(encoding="utf-8").replace("title: sir", "title: madame")
                    .replace("reviewed: \"2026-05-01\"", "reviewed: 2020-01-01"), encoding="utf-8")
    warned = cli("validate", "bad")
    assert warned.exit_code == 0 and "130 warnings" in warned.stdout
    assert warned.stdout.count("warning[W106]") == 100
    strict = cli("validate", "--strict", "bad")
    assert strict.exit_code == 1 and "130 errors, 0 warnings" in strict.stdout


def test_plan_prints_the_same_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    example_repository(tmp_path)
    write_bad_file(tmp_path / "access" / "06", "clinique-a", 150)
    result = cli("plan")
    assert result.exit_code == 1
    assert result.stderr.count("error[E030]") == 100
    assert "access/06/clinique-a.yaml: 50 more problems not shown" in result.stderr
    assert "4 files, 161 users: 150 errors" in result.stderr


def test_directory_import_prints_the_same_caps(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    assert cli("state", "init").exit_code == 0
    rows = "".join(f"CE{i},not-an-email-{i}\n" for i in range(1, 131))
    Path("directory.csv").write_text("username,email\n" + rows, encoding="utf-8")
    result = cli("state", "import-directory", "directory.csv")
    assert result.exit_code == 1
    assert result.stderr.count("error[E082]") == 100
    assert "directory.csv: 30 more problems not shown (100 of 130 shown" in result.stderr


def test_a_service_listed_100000_times_is_one_problem(bad: Path) -> None:
    text = (REPO / "access" / "06" / "gmf-hill-valley.yaml").read_text(encoding="utf-8")
    many = ", ".join(["rvsq"] * 100_000)
    (bad / "gmf.yaml").write_text(
        text.replace("services: [rvsq, rvsq-reorientation-clinique]",
                     f"services: [{many}]", 1), encoding="utf-8")
    result = cli("validate", "bad")
    assert result.exit_code == 1
    assert "error[E033] the service 'rvsq' is listed 100000 times" in result.stdout
    assert "1 error" in result.stdout
    assert len(result.stdout) < 1_000


def test_users_past_the_limit_are_refused_not_explained(bad: Path) -> None:
    """12,000 broken entries: E044, and only the 10,000 within the limit are explained."""
    head = HEAD.replace("{id}", "clinique-a")
    (bad / "clinique-a.yaml").write_text(head + "users:\n" + "  - {title: sir}\n" * 12_000,
                                         encoding="utf-8")
    result = cli("validate", "bad")
    assert result.exit_code == 1
    assert "error[E044] 'users' lists 12000 entries, more than the limit of 10000" in (
        result.stdout)
    # Per user: email, first_name, last_name, profile and services missing, title wrong.
    assert "1 file, 12000 users: 60001 errors, 0 warnings" in result.stdout
    assert "59901 more problems not shown (100 of 60001 shown" in result.stdout
