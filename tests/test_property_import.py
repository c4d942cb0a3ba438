"""Round trip: names over the whole accepted alphabet go into a state (a RAMQ directory
imported from CSV, then access files applied), `import --all` writes them back as access
files, and those files validate and plan no change.

The alphabet is what a francophone administrator's names hold: accented Latin letters,
both apostrophes, hyphens, inner spaces, « », and letters of other scripts (Greek,
Cyrillic, CJK, Arabic). Control and format characters are refused by the loader, so they
are not part of it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from helpers import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconciler import edit
from reconciler.reading.loader import load_bytes
from reconciler.render.access_files import scalar

LETTERS = st.one_of(
    st.characters(min_codepoint=0x41, max_codepoint=0x24F, categories=["Lu", "Ll"]),
    st.characters(min_codepoint=0x370, max_codepoint=0x3FF, categories=["Lu", "Ll"]),
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF, categories=["Lu", "Ll"]),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, categories=["Lo"]),
    st.characters(min_codepoint=0x621, max_codepoint=0x64A, categories=["Lo"]),
)
PUNCTUATION = st.sampled_from(("'", "’", "-", " ", "«", "»"))
INNER = st.booleans().flatmap(lambda mark: PUNCTUATION if mark else LETTERS)  # half and half


@st.composite
def names(draw: st.DrawFn) -> str:
    """A name: no space at either end (the loader refuses one there), a
    letter or a guillemet or an apostrophe there, anything of the alphabet inside."""
    first = draw(LETTERS | st.sampled_from(("«", "'")))
    inner = draw(st.text(INNER, max_size=12))
    last = draw(LETTERS | st.sampled_from(("»", "’")))
    return first + inner + last if inner or draw(st.booleans()) else draw(LETTERS)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's is one), independent of the writer under test."""
    return json.dumps(text, ensure_ascii=False)


def _access_file(est: str, rep: str, people: list[tuple[str, str]]) -> str:
    (doctor_first, doctor_last), (clerk_first, clerk_last) = people
    return f"""version: 1
establishment:
  id: clinique-alpha
  name: {_quoted(est)}
  region: "06"
  type: clinique
representative:
  name: {_quoted(rep)}
  email: rep@clinique.example
  age_recipient: age1t36qu64m5zp945vsfujpkxvcf0dnj8s39v9fg7vzu7ecmpefd9uqldqkdn
users:
  - username: CE10001
    email: emma.md@example.org
    title: docteure
    first_name: {_quoted(doctor_first)}
    last_name: {_quoted(doctor_last)}
    profile: medecin
    professional_number: "1-23456"
    services: [rvsq]
  - email: ana.roy@example.org
    title: madame
    first_name: {_quoted(clerk_first)}
    last_name: {_quoted(clerk_last)}
    profile: personnel-administratif
    services: [rvsq]
"""


def _directory(first: str, last: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["username", "email", "title", "first_name", "last_name", "profile",
                     "professional_number"])
    writer.writerow(["CE10001", "emma.md@example.org", "docteure", first, last, "medecin",
                     "1-23456"])
    return out.getvalue()


def _ok(*args: str, codes: tuple[int, ...] = (0,)) -> Any:
    result = cli(*args)
    assert result.exit_code in codes, result.output
    return result


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(est=names(), rep=names(), people=st.lists(st.tuples(names(), names()), min_size=2,
                                                 max_size=2))
def test_imported_files_plan_no_change(est: str, rep: str,
                                       people: list[tuple[str, str]]) -> None:
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            folder = Path(tmp)
            state = ("--state", f"sqlite:///{folder / 'state.db'}")
            (folder / "directory.csv").write_text(_directory(*people[0]), encoding="utf-8")
            (folder / "access" / "06").mkdir(parents=True)
            (folder / "access" / "06" / "clinique-alpha.yaml").write_text(
                _access_file(est, rep, people), encoding="utf-8")
            _ok(*state, "state", "init")
            _ok(*state, "state", "import-directory", "directory.csv")
            _ok(*state, "apply", "--auto-approve", codes=(0, 4))  # 4: codes sealed, unsent
            _ok(*state, "import", "--all", "--out", "imported")
            written = (folder / "imported" / "06" / "clinique-alpha.yaml").read_text(
                encoding="utf-8")
            _ok(*state, "validate", "imported")
            plan = json.loads(_ok(*state, "plan", "--format", "json", "imported").stdout)
        finally:
            os.chdir(here)
    assert plan["actions"] == [] and plan["blocked"] == [], written


# What a state written before the loader refused them may still hold: both writers must
# write it so that it reads back the same (YAML folds a raw U+0085 into a space).
HOSTILE = st.sampled_from(("\x85", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff",
                           "\x1b", "\r", "\t"))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.one_of(names(), st.text(st.one_of(INNER, HOSTILE), min_size=1, max_size=12)))
def test_both_writers_write_text_that_reads_back_the_same(text: str) -> None:
    imported = load_bytes(f"v: {scalar(text)}\n".encode(), "f.yaml").document
    doc = edit.load("v: x\n")
    doc["v"] = edit.text_value(text)
    edited = load_bytes(edit.dump(doc).encode(), "f.yaml").document
    assert imported is not None and imported.data == {"v": text}
    assert edited is not None and edited.data == {"v": text}
