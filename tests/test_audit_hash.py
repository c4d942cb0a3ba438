"""The chain's hash never changes: whatever an entry holds, it is the SHA-256 of the JSON
list of its parts as every release has written it (entries already written verify), even
though apply now writes an entry's fields once and builds the hashed text around them."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reconciler.store.audit_chain import entry_hash

texts = st.text(max_size=12)
maybe = st.none() | texts
values = st.recursive(st.none() | st.booleans() | st.integers() | texts,
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(texts, inner, max_size=3), max_leaves=8)


def as_released(prev: str, seq: int, at: str, actor: str, commit: str | None, run: str,
                action: str, establishment: str | None, username: str | None,
                fields: dict[str, Any], change_ref: str | None) -> str:
    """The formula every earlier release hashed with, word for word."""
    linked = [prev, seq, at, actor, commit, run, action, establishment, username, fields]
    if change_ref is not None:
        linked.append(change_ref)
    body = json.dumps(linked, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


entries = st.tuples(texts, st.integers(1, 10**9), texts, texts, maybe, texts, texts, maybe,
                    maybe, st.dictionaries(texts, values, max_size=5), maybe)


@settings(max_examples=300, deadline=None)
@given(entries)
def test_the_hash_is_the_one_every_release_wrote(parts: tuple[Any, ...]) -> None:
    assert entry_hash(*parts) == as_released(*parts)
