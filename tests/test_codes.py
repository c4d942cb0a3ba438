"""Secret codes: how they are drawn and how a batch of them is sealed."""

from __future__ import annotations

import json
import re
from collections import Counter

import pyrage
from helpers import REPO

from reconciler.applying import secret_codes as codes

IDENTITY = (REPO / "examples" / "demo-identities" / "gmf-hill-valley.txt").read_text(
    encoding="utf-8")
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
