"""Yes-or-no questions on a terminal, answered in the user's language.

click's `confirm` knows only `y`/`yes`/`n`/`no` and says `[y/N]`: a francophone answers
`o`, `oui` or `non`. The answers each language takes are in the catalog (`answer.*`).
"""

from __future__ import annotations

import click

from reconciler.catalog import Messages


def confirm(messages: Messages, question: str) -> bool:
    """Asks `question` until the answer is yes or no; no answer (Enter) is no. Ctrl-C and
    the end of input raise click.Abort, as click.confirm does."""
    yes = frozenset(messages("answer.yes").split())
    no = frozenset(messages("answer.no").split())

    def answer(typed: str) -> bool:
        word = typed.strip().lower()
        if word in yes:
            return True
        if not word or word in no:
            return False
        raise click.UsageError(messages("answer.invalid"))  # click says it, and asks again

    return click.prompt(f"{question} {messages('answer.choices')}", default="",
                        show_default=False, value_proc=answer,
                        prompt_suffix=messages("answer.suffix"))
