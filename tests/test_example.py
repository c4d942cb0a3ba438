"""The example access repository is real and always valid."""

from __future__ import annotations

from helpers import EXAMPLE, run, run_json


def test_example_repository_is_valid_without_warnings() -> None:
    code, out = run_json("--lang", "en", "validate", str(EXAMPLE))
    assert code == 0, out["problems"]
    assert out["errors"] == 0 and out["warnings"] == 0
    assert out["files"] >= 3 and out["users"] >= 10


def test_example_has_three_establishments_in_two_regions() -> None:
    files = sorted(p for p in EXAMPLE.rglob("*.yaml") if p.name != "policy.yaml")
    assert len(files) >= 3
    assert len({p.parent.name for p in files}) >= 2


def test_every_example_file_names_its_schema_for_editors() -> None:
    for path in EXAMPLE.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"


def test_default_path_is_access_folder(monkeypatch) -> None:
    monkeypatch.chdir(EXAMPLE.parent)
    result = run("--lang", "en", "--no-cache", "validate")
    assert result.exit_code == 0
    assert "All access files are valid." in result.output
