"""Age public keys (`age_recipient` in an access file): which text is one codes can be
sealed to. The schema checks the form; only age itself checks the checksum. Imported only
where a key is used: age's native module costs 2 MB, and most plans issue no code.
"""

from __future__ import annotations

import functools

import pyrage


@functools.lru_cache(maxsize=64)
def recipient(text: str) -> pyrage.x25519.Recipient:
    """The key `text` names; ValueError if it is not one (apply refuses it first: E120)."""
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise ValueError(f"not an age public key: {text}") from None


def is_recipient(text: str) -> bool:
    """Can codes be sealed to `text`?"""
    try:
        recipient(text)
    except ValueError:
        return False
    return True
