"""The benchmark (benchmarks/run.py) runs end to end at a small size, so that the figures
the README quotes can always be measured again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import REPO


def test_every_step_runs_and_the_everyday_plan_is_settled(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--users", "300",
         "--json", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
        # its steps make a cache key: in the test's folder, not the developer's
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    steps = {row["step"]: row for row in report["steps"]}
    assert list(steps) == ["a", "b", "i", "c", "w", "d", "e", "p", "f", "g", "n"]
    assert steps["c"]["summary"] == steps["w"]["summary"]  # the cache changes no plan
    assert steps["e"]["summary"] == steps["p"]["summary"]
    assert steps["d"]["actions"] > 300 and steps["f"]["actions"] > 0
    assert steps["g"]["summary"] == "Nothing to apply."
    assert steps["n"]["summary"] == "No changes. The state matches the access files."
    assert "| n | plan (cache warm, no change since the apply) |" in result.stdout
