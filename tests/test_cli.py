"""`rvsq-access validate` as a user runs it: output, languages, exit codes, options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, run, run_json

GMF = EXAMPLE / "06" / "gmf-hill-valley.yaml"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_error_line_has_location_code_and_indented_hint(tmp_path: Path) -> None:
    text = GMF.read_text(encoding="utf-8").replace("last_name: MacFly", "last_name: NO", 1)
    path = _write(tmp_path, "gmf.yaml", text)
    result = run("--lang", "en", "validate", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    line_no = text.splitlines().index("    last_name: NO") + 1
    assert lines[0] == (
        f"{path.as_posix()}:{line_no}:16: error[E023] 'last_name: NO' is read by YAML as "
        "true or false, not as text"
    )
    assert lines[1] == '    hint: quote it: last_name: "NO"'
    assert lines[-2] == "1 file, 4 users: 1 error, 0 warnings"


def test_french_output(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.yaml", GMF.read_text(encoding="utf-8").replace("gmf\n", "gmff\n"))
    result = run("--lang", "fr", "validate", str(path))
    assert result.exit_code == 1
    assert "erreur[E027] «\u00a0gmff\u00a0» n'est pas un type d'établissement" in result.output
    assert "    conseil\u00a0: vouliez-vous dire «\u00a0gmf\u00a0»\u00a0?" in result.output


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"RVSQ_LANG": "fr"}, "valides."), ({"LANG": "fr_CA.UTF-8"}, "valides."),
     ({"LANG": "en_CA.UTF-8"}, "valid.")],
)
def test_language_from_environment(env: dict[str, str], expected: str) -> None:
    result = run("validate", str(EXAMPLE), env={"RVSQ_LANG": "", "LANG": "", **env})
    assert result.output.rstrip().endswith(expected)


def test_warnings_pass_and_strict_turns_them_into_errors(tmp_path: Path) -> None:
    # A clinic nurse with 811 is allowed by profile but unusual outside Info-Santé.
    text = GMF.read_text(encoding="utf-8").replace(
        "    profile: infirmiere-clinicienne\n    services: [rvsq, rvsq-reorientation-clinique]",
        "    profile: infirmiere-clinicienne\n    services: [rvsq, rvsq-811]",
    )
    path = _write(tmp_path, "gmf.yaml", text)
    code, out = run_json("--lang", "en", "validate", str(path))
    assert code == 0
    assert [(p["code"], p["severity"]) for p in out["problems"]] == [("W101", "warning")]
    code, out = run_json("--lang", "en", "validate", "--strict", str(path))
    assert code == 1
    assert [(p["code"], p["severity"]) for p in out["problems"]] == [("W101", "error")]


def test_policy_file_overrides_eligibility(tmp_path: Path) -> None:
    text = GMF.read_text(encoding="utf-8").replace(
        "profile: personnel-administratif\n    services: [rvsq]",
        "profile: personnel-administratif\n    services: [rvsq, rvsq-811]",
    )
    _write(tmp_path, "access/06/gmf-hill-valley.yaml", text)
    code, out = run_json("--lang", "en", "validate", str(tmp_path / "access"))
    assert code == 1 and "E057" in {p["code"] for p in out["problems"]}
    _write(tmp_path, "access/policy.yaml", "version: 1\neligibility:\n"
           "  rvsq-811: [personnel-administratif, personnel-infirmier]\n"
           "usual_establishment_types:\n  rvsq-811: [gmf, info-sante-811]\n")
    code, out = run_json("--lang", "en", "validate", str(tmp_path / "access"))
    assert code == 0, out["problems"]


def test_invalid_policy_is_reported_with_its_location(tmp_path: Path) -> None:
    _write(tmp_path, "access/06/gmf-hill-valley.yaml", GMF.read_text(encoding="utf-8"))
    _write(tmp_path, "access/policy.yaml", "version: 1\neligibility:\n  rvsq-811: [nurse]\n")
    code, out = run_json("--lang", "en", "validate", str(tmp_path / "access"))
    assert code == 1
    [problem] = out["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == ("E031", 3, 14)
    assert problem["file"].endswith("access/policy.yaml")


def test_layout_warnings_when_the_file_is_misplaced(tmp_path: Path) -> None:
    _write(tmp_path, "access/03/hill.yaml", GMF.read_text(encoding="utf-8"))
    code, out = run_json("--lang", "en", "validate", str(tmp_path / "access"))
    assert code == 0
    assert sorted(p["code"] for p in out["problems"]) == ["W104", "W105"]


def test_missing_path_and_empty_folder_are_clear_errors(tmp_path: Path) -> None:
    result = run("--lang", "en", "validate", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert "error[E012]" in result.output and "hint:" in result.output
    result = run("--lang", "en", "validate", str(tmp_path))
    assert result.exit_code == 1 and "error[E013]" in result.output


def test_usage_error_exits_2() -> None:
    assert run("validate", "--format", "xml").exit_code == 2


def test_installed_command_runs_and_help_is_french_under_french_locale() -> None:
    exe = Path(sys.executable).parent / "rvsq-access"
    env = {**os.environ, "LANG": "fr_CA.UTF-8", "RVSQ_LANG": ""}
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, env=env,
                         check=True).stdout
    assert "Gérer les accès à RVSQ" in out
    out = subprocess.run([str(exe), "validate", str(EXAMPLE)], capture_output=True, text=True,
                         env={**env, "RVSQ_LANG": "en"})
    assert out.returncode == 0 and "All access files are valid." in out.stdout
