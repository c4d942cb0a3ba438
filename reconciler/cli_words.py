"""The command line's words in the user's language: its help, and click's own words.

The language of a run is decided once, before click parses anything (`language_of`:
`--lang` wherever it is given, else the environment), so that help, usage errors and the
framework's words (`Usage:`, `Error: No such option`, `[default: 10]`) all speak it.

Help texts, metavars and the framework's words are catalog keys, said when they are shown:
the commands are built once, at import, and one process may run in both languages (the
tests do). click says its own words through gettext (`from gettext import gettext as _` in
each of its modules), which reads only compiled .mo files from disk; rather than a build
step that a fresh `pip install` would miss, click's modules are given a translation made
from the catalog (`CLICK_SENTENCES`: click's sentence → the catalog key that says it).
"""

from __future__ import annotations

import contextlib
import gettext
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

import click

from reconciler.catalog import CATALOGS, LANGUAGES, language_from_env

_spoken: ContextVar[str | None] = ContextVar("rvsq_cli_language", default=None)


def language() -> str:
    """The language of this run; the environment's outside one (a test importing a view)."""
    return _spoken.get() or language_from_env()


def said(key: str, /, **params: Any) -> str:
    """The catalog's `key` in the language of this run."""
    return CATALOGS[language()][key].format(**params)


def language_of(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """`--lang` as the command line gives it, before or after the command (the last one
    given wins, as click's would); else the environment's language. An unknown value is
    left for click to refuse, in the environment's language."""
    chosen = None
    for at, arg in enumerate(args):
        if arg == "--":  # what follows is paths
            break
        if arg == "--lang" and at + 1 < len(args):
            value = args[at + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        if value in LANGUAGES:
            chosen = value
    return chosen or language_from_env(environ)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Every word of the command line in `lang` while the run lasts."""
    token = _spoken.set(lang)
    try:
        yield
    finally:
        _spoken.reset(token)


# --- click's own words ------------------------------------------------------------------

# click's sentence (gettext's msgid) → the catalog key that says it. Two spellings of a
# sentence are click's older and newer ones (the project accepts click 8.1 and later).
CLICK_SENTENCES: dict[str, str] = {
    "Usage:": "click.usage",
    "Options": "click.options",
    "Commands": "click.commands",
    "Positional arguments": "click.arguments",
    "[OPTIONS]": "click.options_metavar",
    "COMMAND [ARGS]...": "click.command_metavar",
    "Show this message and exit.": "click.help",
    "Error: {message}": "click.error",
    "Try '{command} {option}' for help.": "click.try_help",
    "No such option: {name}": "click.no_such_option",
    "No such option {name!r}.": "click.no_such_option",
    "No such command {name!r}.": "click.no_such_command",
    "No such command '{name}'.": "click.no_such_command",
    "Did you mean {possibility}?": "click.did_you_mean",
    "(Possible options: {possibilities})": "click.possible",
    "(Did you mean one of: {possibilities}?)": "click.possible",
    "Got unexpected extra argument ({args})": "click.extra_argument",
    "Got unexpected extra arguments ({args})": "click.extra_arguments",
    "Missing command.": "click.missing_command",
    "Missing argument": "click.missing_argument",
    "Missing option": "click.missing_option",
    "Missing parameter": "click.missing_parameter",
    "Missing {param_type}": "click.missing_other",
    "Missing parameter: {param_name}": "click.missing_named",
    "Invalid value: {message}": "click.invalid",
    "Invalid value for {param_hint}: {message}": "click.invalid_for",
    "Option {name!r} does not take a value.": "click.takes_no_value",
    "Option {name!r} requires an argument.": "click.requires_value",
    "Option {name!r} requires {nargs} arguments.": "click.requires_values",
    "Argument {name!r} takes {nargs} values.": "click.argument_values",
    "{value!r} is not {choice}.": "click.not_choice",
    "{value!r} is not one of {choices}.": "click.not_choices",
    "Choose from:\n\t{choices}": "click.choose_from",
    "{value!r} does not match the format {format}.": "click.not_format",
    "{value!r} does not match the formats {formats}.": "click.not_formats",
    "{value!r} is not a valid {number_type}.": "click.not_number",
    "{value} is not in the range {range}.": "click.not_in_range",
    "default: {default}": "click.default",
    "required": "click.required",
    "env var: {var}": "click.env_var",
    "(dynamic)": "click.dynamic",
    "Aborted!": "click.aborted",
    "Error: invalid input": "click.invalid_input",
    "Error: The two entered values do not match.": "click.values_differ",
    "Repeat for confirmation": "click.repeat",
    "Could not open file {filename!r}: {message}": "click.cannot_open",
    "unknown error": "click.unknown_error",
    "Press any key to continue...": "click.press_any_key",
}


def click_gettext(message: str) -> str:
    """gettext for click: its sentence in the language of this run (as is if unknown)."""
    key = CLICK_SENTENCES.get(message)
    return CATALOGS[language()][key] if key else message


def click_ngettext(singular: str, plural: str, n: int) -> str:
    """ngettext for click: French takes the singular for 0 and 1, English for 1 only."""
    one = n < 2 if language() == "fr" else n == 1
    return click_gettext(singular if one else plural)


def _give_click_its_words() -> None:
    """Each of click's modules calls the `_` and `ngettext` it imported from gettext:
    those names, in those modules only, are bound to the catalog's translation."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is gettext.gettext:
                module._ = click_gettext  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = click_ngettext  # type: ignore[attr-defined]


_give_click_its_words()


# --- help said when it is shown ----------------------------------------------------------


class HelpFormatter(click.HelpFormatter):
    """Section headings as each language writes them (French: `Options :`)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{said('click.heading', heading=heading)}\n")


class Context(click.Context):
    formatter_class = HelpFormatter


class Option(click.Option):
    """An option whose help and metavar are catalog keys; its notes (default, range,
    required) said in the run's language."""

    def make_metavar(self, ctx: click.Context) -> str:
        if self.metavar is not None:
            return said(self.metavar)
        return super().make_metavar(ctx)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        notes = []
        if self.show_default and self.default is not None and not self.is_flag:
            notes.append(said("click.default", default=self.default))
        if isinstance(self.type, AtLeast):
            notes.append(self.type.describe())
        if self.required:
            notes.append(said("click.required"))
        text = said(self.help) if self.help else ""
        if notes:
            said_notes = said("click.notes").join(notes)
            text = f"{text}  [{said_notes}]" if text else f"[{said_notes}]"
        return record[0], text

    def get_error_hint(self, ctx: click.Context | None) -> str:
        return " / ".join(said("click.quoted", name=name) for name in self.opts)


class Argument(click.Argument):
    """An argument whose metavar is a catalog key, marked as click marks it: `[PATH]...`
    when it may be left out, `...` when several are taken."""

    def make_metavar(self, ctx: click.Context) -> str:
        if self.metavar is None:
            return super().make_metavar(ctx)
        word = said(self.metavar)
        if not self.required:
            word = f"[{word}]"
        return f"{word}..." if self.nargs != 1 else word

    @property
    def human_readable_name(self) -> str:
        return said(self.metavar) if self.metavar is not None else self.name.upper()

    def get_error_hint(self, ctx: click.Context | None) -> str:
        return said("click.quoted", name=self.human_readable_name)


class AtLeast(click.IntRange):
    """A whole number from `min` up, described in words rather than `x>=0`."""

    def __init__(self, min: int) -> None:
        super().__init__(min=min)

    def describe(self) -> str:
        return said("click.at_least", min=self.min)

    def _describe_range(self) -> str:  # click's description, in its error message
        return self.describe()


class _SaysHelp:
    """A command or group whose help is a catalog key, said when shown; each takes `--lang`
    (`rvsq-access validate --lang fr`)."""

    context_class = Context
    help: str | None
    params: list[click.Parameter]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(Option(["--lang"], type=click.Choice(LANGUAGES), expose_value=False,
                                  help="help.lang"))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(said(self.help))

    def get_short_help_str(self, limit: int = 45) -> str:
        return shortened(said(self.help), limit) if self.help else ""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # click makes it once, in the first run's language
            option.help = click_gettext("Show this message and exit.")
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [click_gettext(piece) for piece in pieces]


def shortened(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut between words: a command's line in its
    group's list."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


class Command(_SaysHelp, click.Command):
    pass


class Group(_SaysHelp, click.Group):
    """A group whose commands and subgroups say their help too; the run's language is
    decided before the command line is parsed (see `language_of`)."""

    command_class = Command

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        with speaking(language_of(given, os.environ)):
            return super().main(given, *rest, **options)


Group.group_class = Group


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import importlib.metadata  # only here: it costs a plan 30 ms to import

    click.echo(said("version", prog=ctx.find_root().info_name,
                    version=importlib.metadata.version("rvsq-access")))
    ctx.exit()
