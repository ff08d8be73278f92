"""The click command tree as completion data, and kenactl's values for click's completion protocol.

Imported only when completing or generating scripts, never on a normal command's startup path.
"""

from collections.abc import Iterator
from functools import partial

import click

from kenactl.cli.params import DURATION, LineName
from kenactl.core.dates import alarm_days
from kenactl.core.record import record
from kenactl.errors import InputError

FILE_FLAGS = {"-o", "--output", "--profile"}
SHELL_NAMES = {"bash": "GNU Bash", "zsh": "Z shell", "fish": "friendly interactive shell"}
LANGUAGE_NAMES = {"it": "italiano", "en": "English"}


@record
class Values:
    """What a parameter's value completes to: ``kind`` is line, operator, option-key, file, list or text."""

    kind: str
    items: tuple[tuple[str, str], ...] = ()


@record
class OptionSpec:
    flags: tuple[str, ...]
    help: str
    values: Values | None  # None: a flag that takes no value


@record
class CommandSpec:
    """One command path (``kenactl line add``) with its subcommands, options and arguments."""

    path: str
    commands: tuple[tuple[str, str], ...]
    options: tuple[OptionSpec, ...]
    arguments: tuple[tuple[str, Values, int], ...]  # (name, values, nargs)


CHOICE_HELP = {**SHELL_NAMES, **LANGUAGE_NAMES}


def param_values(param: click.Parameter) -> Values | None:
    """How ``param``'s value completes; ``None`` for a flag."""
    if isinstance(param, click.Option) and (param.is_flag or param.count):
        return None
    kind = param.type
    flags = set(getattr(param, "opts", ()))
    if isinstance(kind, LineName):
        return Values("line")
    if "--option" in flags:
        return Values("option-key")
    if "--operator" in flags:  # asked at runtime: the user's own operator files count too
        return Values("operator")
    if isinstance(kind, click.Choice):
        return Values("list", tuple((str(choice), CHOICE_HELP.get(str(choice), "")) for choice in kind.choices))
    if "--alarm" in flags:  # alarms ring at 09:00 whole days before: only the durations the command accepts
        return Values("list", tuple(item for item in DURATION.suggestions if _is_alarm(item[0])))
    if getattr(kind, "suggestions", ()):
        return Values("list", kind.suggestions)
    if isinstance(kind, (click.Path, click.File)) or flags & FILE_FLAGS:
        return Values("file")
    return Values("text")


def _is_alarm(duration: str) -> bool:
    try:
        alarm_days([duration])
    except InputError:
        return False
    return True


def _walk(command: click.Command, ctx: click.Context) -> Iterator[tuple[click.Command, click.Context]]:
    yield command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, click.Context(sub, info_name=name, parent=ctx, **sub.context_settings))


def command_specs(root: click.Command, prog_name: str = "kenactl") -> list[CommandSpec]:
    """Every command path of ``root`` with what completes there, in help order."""
    specs = []
    for command, ctx in _walk(root, click.Context(root, info_name=prog_name, **root.context_settings)):
        commands = ()
        if isinstance(command, click.Group):
            commands = tuple((name, sub.get_short_help_str(limit=80)) for name in command.list_commands(ctx)
                             if (sub := command.get_command(ctx, name)) is not None and not sub.hidden)
        options, arguments = [], []
        for param in command.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            if isinstance(param, click.Option):
                flags = tuple(param.opts) + tuple(param.secondary_opts)
                if param is command.get_help_option(ctx):  # click 8.4 builds its names from a set: unordered
                    flags = tuple(name for name in ctx.help_option_names if name in flags)
                options.append(OptionSpec(flags, " ".join((param.help or "").split()), param_values(param)))
            elif isinstance(param, click.Argument):
                arguments.append((param.name or "", param_values(param) or Values("text"), param.nargs))
        specs.append(CommandSpec(ctx.command_path, commands, tuple(options), tuple(arguments)))
    return specs


def _given(ctx: click.Context, flag: str) -> str | None:
    """The value given on the command line to ``ctx``'s option ``flag`` (``--profile`` is the root's)."""
    if flag == "--profile":
        ctx = ctx.find_root()
    for param in ctx.command.params:
        if flag in getattr(param, "opts", ()):
            value = ctx.params.get(param.name or "")
            return value if isinstance(value, str) else None
    return None


def value_items(param: click.Parameter, ctx: click.Context, incomplete: str) -> list:
    """click's completion items for ``param`` (the ``shell_complete`` that ``attach_values`` installs)."""
    from click.shell_completion import CompletionItem

    from kenactl.completion import values as complete

    values = param_values(param)
    if values is None or values.kind == "text":
        return []
    if values.kind == "file":
        return [CompletionItem(incomplete, type="file")]
    items = values.items
    if values.kind == "line":
        items = complete.line_values(_given(ctx, "--profile"))
    elif values.kind == "operator":
        items = complete.operator_values(_given(ctx, "--profile"))
    elif values.kind == "option-key":
        items = complete.option_key_values(_given(ctx, "--profile"), _given(ctx, "--line"), incomplete,
                                           _given(ctx, "--operator"))
    return [CompletionItem(value, help=text or None) for value, text in items if value.startswith(incomplete)]


def attach_values(root: click.Command) -> None:
    """Make click's completion protocol offer kenactl's values (lines, option keys, durations ...)."""
    for command, ctx in _walk(root, click.Context(root, info_name="kenactl", **root.context_settings)):
        for param in command.get_params(ctx):
            if not (isinstance(param, click.Option) and (param.is_flag or param.count)):
                param.shell_complete = partial(value_items, param)
