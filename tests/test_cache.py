"""The parse cache (.rvsq/cache/) changes speed, never results."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPO, run

from reconciler.checking import cache as cache_module
from reconciler.checking.cache import CachingReader, ParseCache
from reconciler.checking.validation import PLAIN
from reconciler.reading import model, policy, schema
from reconciler.reading.loader import load_bytes


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "access")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    monkeypatch.delenv("RVSQ_CACHE_DIR")  # the default place, .rvsq/cache
    run("state", "init")
    run("state", "import-directory", str(REPO / "examples/ramq-directory.csv"))
    return tmp_path


def plan(*options: str) -> dict:
    result = run("--lang", "en", *options, "plan", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("created_at")
    return data


def entries(repo: Path) -> list[Path]:
    """The cache's entries (in their two-character folders; not the pruning stamp)."""
    return [p for p in (repo / ".rvsq" / "cache").glob("??/*") if p.is_file()]


def test_cached_and_uncached_plans_are_identical(repo: Path) -> None:
    cold = plan("--no-cache")
    assert not (repo / ".rvsq" / "cache").exists()
    first, warm = plan(), plan()
    assert cold == first == warm
    assert len(entries(repo)) == 6  # per access file: its model and its rules' findings
    assert (repo / ".rvsq" / "cache").stat().st_mode & 0o777 == 0o700


def test_a_changed_file_is_parsed_again(repo: Path) -> None:
    plan()
    gmf = repo / "access/06/gmf-hill-valley.yaml"
    gmf.write_text(gmf.read_text(encoding="utf-8").replace("first_name: Martin",
                                                           "first_name: Marty"),
                   encoding="utf-8")
    assert "Marty" in json.dumps(plan())
    assert len(entries(repo)) == 8


def test_problems_are_the_same_from_the_cache_in_each_language(repo: Path) -> None:
    gmf = repo / "access/06/gmf-hill-valley.yaml"
    gmf.write_text(gmf.read_text(encoding="utf-8").replace("type: gmf", "type: gmff"),
                   encoding="utf-8")
    for lang, text in (("en", "did you mean 'gmf'?"),
                       ("fr", "vouliez-vous dire «\u00a0gmf\u00a0»\u00a0?")):
        # Files with problems are never cached: they are parsed again to locate them.
        outputs = {run("--lang", lang, *flag, "validate").output
                   for flag in ((), (), ("--no-cache",))}
        assert len(outputs) == 1 and text in outputs.pop()


def test_rule_findings_from_the_cache_follow_the_date_and_the_policy(repo: Path) -> None:
    """Warnings read from the cache are those a fresh check gives, and a new day or a
    new policy checks the files again (the example's users were reviewed on 2026-05-01)."""
    def validate(as_of: str, *options: str) -> str:
        result = run("--lang", "fr", *options, "validate", "--as-of", as_of)
        assert result.exit_code == 0, result.output
        return result.output

    for as_of, overdue in (("2026-06-01", False), ("2027-06-01", True)):
        outputs = {validate(as_of, *flag) for flag in ((), (), ("--no-cache",))}
        assert len(outputs) == 1
        assert ("W106" in outputs.pop()) is overdue
    policy = repo / "access" / "policy.yaml"
    assert "W106" not in validate("2026-06-10")
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "review_interval_days: 365", "review_interval_days: 30"), encoding="utf-8")
    assert "W106" in validate("2026-06-10")
    assert "W106" in validate("2026-06-10", "--no-cache")


def test_a_damaged_entry_is_a_miss(repo: Path) -> None:
    expected = plan()
    for entry in entries(repo):
        entry.write_bytes(b"not an entry")
    assert plan() == expected


def test_a_planted_entry_is_never_used(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry altered, or made with another key (a clone, a shared CI cache), cannot
    replace what the files say: here it would rename Martin."""
    monkeypatch.setenv("RVSQ_CACHE_KEY", "this runner's key")
    plan()
    for entry in entries(repo):  # altered in place: the signature no longer matches
        entry.write_bytes(entry.read_bytes().replace(b"Martin", b"Mallory"))
        assert not entry.read_bytes().startswith(b"\x80"), "entries are never pickles"
    assert "Mallory" not in json.dumps(plan())
    # Signed with the attacker's own key: still a miss for this runner.
    monkeypatch.setenv("RVSQ_CACHE_KEY", "the attacker's key")
    attacker = ParseCache(repo / ".rvsq" / "cache")
    gmf = repo / "access/06/gmf-hill-valley.yaml"
    raw = gmf.read_bytes()
    document = load_bytes(raw.replace(b"Martin", b"Mallory"), "access/06/gmf-hill-valley.yaml"
                          ).document
    assert document is not None
    schema.accept_bare_dates(document.data)
    forged = cache_module.to_json(model.from_document(document))
    attacker.put(attacker.key("model", "access/06/gmf-hill-valley.yaml", raw), forged)
    assert "Mallory" in json.dumps(plan())  # the attacker's own runs would read it...
    monkeypatch.setenv("RVSQ_CACHE_KEY", "this runner's key")
    assert "Mallory" not in json.dumps(plan())  # ...this runner's never do


def test_a_genuine_entry_for_other_bytes_is_not_replayed(repo: Path) -> None:
    """Copying an older, genuinely signed entry under the name of the current bytes must
    not bring the old content back."""
    plan()
    old_entries = {p.name: p.read_bytes() for p in entries(repo)}
    gmf = repo / "access/06/gmf-hill-valley.yaml"
    gmf.write_text(gmf.read_text(encoding="utf-8").replace("first_name: Martin",
                                                           "first_name: Marty"),
                   encoding="utf-8")
    plan()
    new = next(p for p in entries(repo) if p.name not in old_entries and b"Marty" in p.read_bytes())
    old = next(body for name, body in old_entries.items() if b"Martin" in body)
    new.write_bytes(old)
    assert "Marty" in json.dumps(plan())


def test_entries_unused_for_a_week_are_pruned_once_a_day(repo: Path) -> None:
    """Entries keyed by the day would otherwise pile up, a thousand a day at province
    scale; an entry still read every day stays, however old."""
    plan()
    cache = ParseCache(repo / ".rvsq" / "cache")
    found = entries(repo)
    assert len(found) == 6
    stale, used = found[0], found[1]
    week_ago = time.time() - cache_module.UNUSED_FOR - 60
    for entry in (stale, used):
        os.utime(entry, (week_ago, week_ago))
    plan()  # reads every entry again: each is marked used
    assert all(p.stat().st_mtime > week_ago + 60 for p in (stale, used))
    os.utime(stale, (week_ago, week_ago))
    assert cache.prune() == 0  # pruned less than a day ago (by the first plan's writes)
    assert cache.prune(now=time.time() + cache_module.PRUNE_EVERY + 1) == 1
    assert not stale.exists() and used.exists()
    assert cache.prune(now=time.time() + cache_module.PRUNE_EVERY + 2) == 0  # the stamp
    assert plan() == plan("--no-cache")  # what was pruned is made again when needed


def test_the_caching_reader_gives_what_the_plain_reader_gives(repo: Path) -> None:
    """The validator's seam: a file read through the cache, first parsed then from its
    entry, is the plain reader's read, positions and rules' findings included."""
    today = dt.date(2027, 6, 1)  # a review overdue: W106
    path = Path("access/06/gmf-hill-valley.yaml")
    plain = PLAIN.read(path)
    assert plain.access is not None
    findings = PLAIN.rule_findings(plain, policy.DEFAULT, today)
    assert any(p.code == "W106" for p in findings)
    cache = ParseCache(repo / ".rvsq" / "cache")
    for time_read in ("parsed", "from the cache"):
        reader = CachingReader(cache)
        found = reader.read(path)
        assert found.access is not None, time_read
        assert found._replace(access=None) == plain._replace(access=None)
        assert found.access[1:] == plain.access[1:]  # the document is another object
        deep = ("users", 0, "last_name")  # located from the file's bytes, read again
        assert (found.access.document.where(deep) == plain.access.document.where(deep)
                != plain.access.document.where(("users", 0)))
        assert reader.rule_findings(found, policy.DEFAULT, today) == findings
    assert len(entries(repo)) == 2  # the model and the findings, kept once
