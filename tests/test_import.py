"""`rvsq-access import`: YAML written from the state plans to no change (round trip)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import cli, example_repository

from reconciler.reading.loader import load_bytes
from reconciler.render.access_files import scalar


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    example_repository(tmp_path)
    # Edits that importing must carry back: a changed email, tokens, a ticket, an expiry.
    gmf = tmp_path / "access/06/gmf-hill-valley.yaml"
    text = gmf.read_text(encoding="utf-8").replace(
        "  - email: martinmacfly@ramq.gouv.qc.ca\n",
        "  - email: martinmacfly@ramq.gouv.qc.ca\n"
        "    secret_code: {rotate: \"2026-11-20, again\"}\n    ticket: INC-1\n", 1)
    gmf.write_text(text, encoding="utf-8")
    assert cli("apply", "--auto-approve").exit_code == 4
    gmf.write_text(text.replace("  - email: martinmacfly@ramq.gouv.qc.ca\n",
                                "  - username: martinmacfly@ramq.gouv.qc.ca\n"
                                "    email: marty@example.org\n", 1), encoding="utf-8")
    assert cli("apply", "--auto-approve").exit_code == 4
    return tmp_path


def test_import_all_round_trips_to_an_empty_plan(applied: Path) -> None:
    result = cli("import", "--all", "--out", "imported")
    assert result.exit_code == 0 and "Wrote 3 access files" in result.output
    files = sorted(p.relative_to(applied / "imported").as_posix()
                   for p in (applied / "imported").rglob("*.yaml"))
    assert files == ["03/info-sante-811-capitale-nationale.yaml",
                     "03/urgence-chu-de-quebec.yaml", "06/gmf-hill-valley.yaml"]
    gmf = (applied / "imported/06/gmf-hill-valley.yaml").read_text(encoding="utf-8")
    assert gmf.startswith("# yaml-language-server: $schema=../../schemas/access-file.schema")
    assert "  - username: martinmacfly@ramq.gouv.qc.ca\n    email: marty@example.org\n" in gmf
    assert 'secret_code: {rotate: "2026-11-20, again"}' in gmf
    # Each site's mode is written: the emergency department's portal mode is not lost to
    # the policy's default (register).
    assert "\n  type: gmf\n  mode: register\n" in gmf
    urgence = (applied / "imported/03/urgence-chu-de-quebec.yaml").read_text(encoding="utf-8")
    assert "\n  type: urgence-ch\n  mode: portal\n" in urgence
    assert cli("validate", "imported").exit_code == 0
    plan = json.loads(cli("plan", "--format", "json", "imported").stdout)
    assert plan["actions"] == [] and plan["blocked"] == []


def test_import_one_establishment_to_stdout(applied: Path) -> None:
    result = cli("import", "--establishment", "urgence-chu-de-quebec")
    assert result.exit_code == 0
    assert "  name: Urgence – CHU de Québec, Hôpital de l'Enfant-Jésus\n" in result.stdout
    assert '    expires: "2027-06-30"\n' in result.stdout


def test_import_never_overwrites_and_explains_its_options(applied: Path) -> None:
    assert "error[E128]" in cli("import").output
    assert "error[E130]" in cli("import", "--all").output
    unknown = cli("import", "--establishment", "gmf-nowhere")
    assert "error[E129]" in unknown.output and "gmf-hill-valley" in unknown.output
    clash = cli("import", "--all", "--out", "access")
    assert clash.exit_code == 1 and "error[E131]" in clash.output
    assert "  - username: martinmacfly" in (applied / "access/06/gmf-hill-valley.yaml"
                                          ).read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["NO", "06", "2026-05-01", "Hill: Valley", "# x", "O'Brien",
                                  "yes", "null", "1e3", " lead", "é",
                                  "a\x85b", "a\u2028b", "a\u202eb"])
def test_scalars_read_back_as_the_same_text(text: str) -> None:
    doc = load_bytes(f"v: {scalar(text)}\n".encode(), "f.yaml").document
    assert doc is not None and doc.data == {"v": text}
