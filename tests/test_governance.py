"""Governance (ARCHITECTURE §10) with a fixed clock: time-bound access and the annual review."""

from __future__ import annotations

from pathlib import Path

from helpers import cli, run_json, sqlite_only

URGENCE = Path("access/03/urgence-chu-de-quebec.yaml")  # Olivier Roy expires 2027-06-30
GMF = Path("access/06/gmf-hill-valley.yaml")  # everyone reviewed 2026-05-01
pytestmark = sqlite_only  # rules, not stores


def codes(out: dict) -> list[str]:
    return [p["code"] for p in out["problems"]]


def test_review_past_due_is_a_warning_then_an_error_under_strict(applied: Path) -> None:
    code, out = run_json("--lang", "en", "validate", "--as-of", "2027-05-01")
    assert code == 0 and "W106" not in codes(out)
    code, out = run_json("--lang", "en", "validate", "--as-of", "2027-05-03")
    assert code == 0 and codes(out).count("W106") == 4  # the GMF's four users
    first = next(p for p in out["problems"] if p["code"] == "W106")
    assert first["file"] == GMF.as_posix() and first["line"] == 21
    assert "2026-05-01" in first["message"] and "365 days" in first["message"]
    code, out = run_json("--lang", "en", "validate", "--strict", "--as-of", "2027-05-03")
    assert code == 1 and {p["severity"] for p in out["problems"]} == {"error"}
    assert cli("plan", "--strict", "--as-of", "2027-05-03").exit_code == 1


def test_policy_sets_the_review_interval(applied: Path) -> None:
    policy = Path("access/policy.yaml")
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "review_interval_days: 365", "review_interval_days: 90"), encoding="utf-8")
    _, out = run_json("--lang", "en", "validate", "--as-of", "2026-08-01")
    assert codes(out).count("W106") == 4


def test_expiry_warns_two_weeks_ahead_then_revokes(applied: Path) -> None:
    plan = cli("plan", "--as-of", "2027-06-16").output
    assert "No changes." in plan
    assert "[W203] the access of 'CE20931' ends on 2027-06-30" in plan
    assert "W203" not in cli("plan", "--as-of", "2027-06-15").output
    revoked = cli("plan", "--as-of", "2027-06-30").output
    assert "- revoke CE20931 (Olivier Roy): rvsq" in revoked


def test_ticket_is_carried_into_plan_and_audit(applied: Path) -> None:
    text = URGENCE.read_text(encoding="utf-8")
    URGENCE.write_text(text.replace("    services: [rvsq]\n    expires",
                                    "    services: [rvsq]\n    ticket: REQ-2027-001\n"
                                    "    expires", 1), encoding="utf-8")
    assert '"ticket": "REQ-2027-001"' in cli("plan", "--format", "json").output
    assert cli("apply", "--auto-approve").exit_code == 4
    assert "REQ-2027-001" in cli("audit", "log").output
