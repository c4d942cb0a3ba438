"""Errors meant for the user: a catalog code and its parameters, rendered once by the CLI."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Something the user can fix. The CLI prints its message and hint, and exits with
    `exit_code` (1 unless a command says otherwise: an apply whose changes are all
    applied but whose deliveries wait exits 4)."""

    exit_code = 1

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
