"""Secret codes: how they are drawn, how a batch of them is sealed, and how `codes reveal`
shows them to the person who hands them out."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pyrage
import pytest
from helpers import REPO, cli, example_repository, run

from reconciler.applying import secret_codes as codes

IDENTITY_FILE = REPO / "examples" / "demo-identities" / "gmf-hill-valley.txt"
IDENTITY = IDENTITY_FILE.read_text(encoding="utf-8")
RECIPIENT = re.search(r"age1[0-9a-z]+", IDENTITY).group(0)  # the public key, in the file


def test_codes_are_grouped_crockford_base32_and_use_every_letter() -> None:
    drawn = [codes.new_code() for _ in range(2_000)]
    assert all(re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}", c)
               for c in drawn)
    assert len(set(drawn)) == len(drawn)
    letters = Counter("".join(drawn).replace("-", ""))
    assert set(letters) == set(codes.ALPHABET)
    # 32,000 letters over 32: a biased draw would stand far outside this band.
    assert all(800 < n < 1_200 for n in letters.values())


def test_a_batch_seals_what_a_whole_list_seals() -> None:
    entries = [{"username": f"u{i}", "email": f"é{i}@example.org", "code": codes.new_code(),
                "issued_at": "2026-11-26T00:00:00Z"} for i in range(3)]
    batch = codes.Batch()
    for entry in entries:
        batch.add(entry)
    assert len(batch) == 3
    # Byte for byte the JSON a whole list gives, so older tools open it the same way.
    identity = pyrage.x25519.Identity.from_str(
        next(line for line in IDENTITY.splitlines() if line.startswith("AGE-SECRET-KEY-")))
    expected = json.dumps({"codes": entries}, ensure_ascii=False).encode("utf-8")
    for sealed in (batch.seal(RECIPIENT), codes.seal(entries, RECIPIENT)):
        assert pyrage.decrypt(codes._unarmor(sealed.encode()), [identity]) == expected
        assert codes.reveal(sealed.encode(), IDENTITY) == {"codes": entries}


# --- codes reveal -----------------------------------------------------------------------
MARTIN = "martinmacfly@ramq.gouv.qc.ca"


@pytest.fixture
def two_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The example applied, then a new code for Martin applied: the GMF's two sealed files
    (oldest first), as the README's glob finds them."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    example_repository(tmp_path)
    assert cli("apply", "--auto-approve").exit_code == 4
    assert cli("user", "rotate-code", "access/06/gmf-hill-valley.yaml", MARTIN).exit_code == 0
    assert cli("apply", "--auto-approve").exit_code == 4
    found = sorted(p.as_posix() for p in Path(".rvsq/codes").glob("*-gmf-hill-valley.age"))
    assert len(found) == 2
    return found


def reveal(*args: str, lang: str = "en") -> str:
    result = run("--lang", lang, "codes", "reveal", *args, "--identity", str(IDENTITY_FILE))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_several_files_show_a_table_and_mark_a_replaced_code(two_applies: list[str]) -> None:
    older, newer = two_applies
    text = reveal(newer, older)  # in any order: shown oldest first
    assert text.index(older) < text.index(newer)
    lines = text.splitlines()
    assert lines[0] == f"Codes for gmf-hill-valley, in {older}:"
    assert lines[1].split() == ["Name", "Username", "Secret", "code", "Issued", "(Quebec",
                                "time)", "Status"]
    martin = [line for line in lines if MARTIN in line]
    assert len(martin) == 2
    assert martin[0].startswith("Martin MacFly") and "replaced by the code of 20" in martin[0]
    assert martin[1].endswith("to hand out")
    assert sum(line.endswith("to hand out") for line in lines) == 3  # Lorraine, Georges, Martin
    assert re.search(r"  20\d\d-\d\d-\d\d \d\d:\d\d  ", martin[1])  # Quebec's time, no Z
    assert lines[-1].startswith("A code marked replaced no longer works")


def test_latest_keeps_each_establishments_newest_file(two_applies: list[str]) -> None:
    older, newer = two_applies
    text = reveal("--latest", *two_applies)
    assert newer in text and older not in text
    assert "replaced" not in text and text.count(MARTIN) == 1


def test_json_has_iso_utc_times_and_which_code_replaced_which(two_applies: list[str]) -> None:
    older, newer = two_applies
    shown = json.loads(reveal("--format", "json", *two_applies))["codes"]
    assert [c["file"] for c in shown] == [older] * 3 + [newer]
    first, last = (c for c in shown if c["username"] == MARTIN)
    assert first["current"] is False and last["current"] is True
    assert first["replaced_by"] == {"issued_at": last["issued_at"], "file": newer}
    assert first["code"] != last["code"] and last["replaced_by"] is None
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", c["issued_at"]) for c in shown)
    assert {c["name"] for c in shown} == {"Martin MacFly", "Lorraine Baines MacFly",
                                          "Georges MacFly"}
    assert {c["establishment"] for c in shown} == {"gmf-hill-valley"}


def test_in_french(two_applies: list[str]) -> None:
    older = two_applies[0]
    text = reveal(*two_applies, lang="fr")
    lines = text.splitlines()
    assert lines[0] == f"Codes de gmf-hill-valley, dans {older}\u00a0:"
    assert lines[1].split()[:4] == ["Nom", "Nom", "d'utilisateur", "Code"]
    assert "Émis (heure du Québec)" in lines[1] and lines[1].endswith("État")
    martin = [line for line in lines if MARTIN in line]
    assert "remplacé par le code du 20" in martin[0] and martin[1].endswith("à remettre")
    assert re.search(r"  20\d\d-\d\d-\d\d \d{1,2} h \d\d  ", martin[1])
    assert lines[-1].startswith("Un code marqué remplacé ne fonctionne plus")
    for english in ("Name", "Username", "Status", "replaced", "hand out", "Issued"):
        assert english not in text


def test_a_file_another_key_opens_shows_nothing_and_says_which(two_applies: list[str]) -> None:
    # Another register-mode site's file (the emergency department, in portal mode, has none).
    other = next(p.as_posix() for p in
                 Path(".rvsq/codes").glob("*-info-sante-811-capitale-nationale.age"))
    result = cli("codes", "reveal", *two_applies, other, "--identity", str(IDENTITY_FILE))
    assert result.exit_code == 1 and result.stdout == ""
    assert f"error[E122] '{other}' cannot be opened with that identity" in result.stderr
    assert "give only that establishment's files" in result.stderr


def test_which_files_latest_picks() -> None:
    named = [codes.SealedFile.named(p) for p in (
        "c/20261202T010000000000Z-aaaaaa-gmf-a.age", "c/20261203T010000000000Z-bbbbbb-gmf-a.age",
        "c/20261201T010000000000Z-cccccc-gmf-b.age", "elsewhere/renamed.age")]
    assert named[0].run == "20261202T010000000000Z-aaaaaa" and named[0].establishment == "gmf-a"
    assert named[3].run is None and named[3].establishment is None
    assert [f.path for f in codes.latest(named)] == [
        "c/20261201T010000000000Z-cccccc-gmf-b.age", "c/20261203T010000000000Z-bbbbbb-gmf-a.age",
        "elsewhere/renamed.age"]
