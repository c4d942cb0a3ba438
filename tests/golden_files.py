"""The one comparison with the golden files of tests/golden/: a rendering must be its file
byte for byte. To accept a deliberate change, write the files again with the tests that
compare them, and review the diff:

    RVSQ_UPDATE_GOLDEN=1 pytest tests/test_render_plan.py tests/test_report.py \
        tests/test_refusals.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
# A state's place and id are new at every run: golden files show these instead.
GOLDEN_STATE_LOCATION = "/srv/rvsq/state.db"
GOLDEN_STATE_ID = "0123456789abcdef0123456789abcdef"


def assert_golden(name: str, content: str | bytes, *, state_location: str = "",
                  state_id: str = "") -> None:
    """`content` (text is UTF-8) must be tests/golden/NAME byte for byte, once the state's
    place and id, if given, are replaced by the golden ones. With RVSQ_UPDATE_GOLDEN=1 it
    is written there instead."""
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    if state_location:
        text = text.replace(state_location, GOLDEN_STATE_LOCATION)
    if state_id:
        text = text.replace(state_id, GOLDEN_STATE_ID)
    data = text.encode("utf-8")
    path = GOLDEN / name
    if os.environ.get("RVSQ_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run with RVSQ_UPDATE_GOLDEN=1 to write it"
    golden = path.read_bytes()
    if data != golden:
        diff = difflib.unified_diff(golden.decode("utf-8").splitlines(keepends=True),
                                    text.splitlines(keepends=True),
                                    f"tests/golden/{name}", "this run")
        pytest.fail(f"{name} differs from its golden file; if the change is intended, run "
                    "the test again with RVSQ_UPDATE_GOLDEN=1 and review the diff:\n"
                    + "".join(diff), pytrace=False)
