"""The `rvsq-access` command line: parses arguments and calls one function per command.

User errors (UserError) are caught once, here, and printed with their hint (exit 1).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

import click

from reconciler.catalog import Messages, language_from_env
from reconciler.errors import UserError

# Help is rendered before --lang is parsed, so it follows the environment's language.
_help = Messages(language_from_env())


class Settings(NamedTuple):
    messages: Messages
    color: bool


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            settings: Settings | None = ctx.obj
            messages = settings.messages if settings else _help
            click.echo(
                f"{messages('fatal')}[{exc.code}] {messages(exc.code, **exc.params)}\n"
                f"    {messages('hint')} {messages(exc.code + '.hint', **exc.params)}",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=_Group, help=_help("help.main"))
@click.option("--lang", type=click.Choice(["fr", "en"]), help=_help("help.lang"))
@click.option("--no-color", is_flag=True, help=_help("help.no_color"))
@click.version_option(package_name="rvsq-access")
@click.pass_context
def cli(ctx: click.Context, lang: str | None, no_color: bool) -> None:
    messages = Messages(lang or language_from_env())
    color = not no_color and sys.stdout.isatty()
    ctx.obj = Settings(messages, color)


@cli.command(help=_help("help.validate"))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help=_help("help.format"))
@click.option("--strict", is_flag=True, help=_help("help.strict"))
@click.option("--policy", "policy_path", type=click.Path(path_type=Path, dir_okay=False),
              help=_help("help.policy"))
@click.pass_obj
def validate(
    settings: Settings, paths: tuple[Path, ...], fmt: str, strict: bool, policy_path: Path | None
) -> None:
    from reconciler.render import problems as render
    from reconciler.validate import validate_paths

    result = validate_paths(list(paths) or [Path("access")], settings.messages, policy_path, strict)
    if fmt == "json":
        click.echo(render.as_json(result, settings.messages))
    else:
        click.echo(render.as_text(result, settings.messages, settings.color), color=settings.color)
    sys.exit(1 if result.errors else 0)


def main() -> None:
    cli(prog_name="rvsq-access")
