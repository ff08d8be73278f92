"""The click layer: the root group, global options, and ``main()`` turning errors into exit codes."""

import os
import sys
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

import click

from kenactl import __version__, i18n
from kenactl.core.model import Line, Profile
from kenactl.core.record import record
from kenactl.errors import KenactlError

if TYPE_CHECKING:
    from pathlib import Path

i18n.route_click_messages()  # before the options below are built: click's own texts skip gettext's search

INTERNAL_ERROR = 70
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click >= 8.2; older clicks print help


@record(frozen=False)
class App:
    """What every command needs: where the profile is and what time it is."""

    profile_option: str | None
    at: datetime | None

    @cached_property
    def file(self) -> str:
        """The profile's location as text (what the read commands use: no ``pathlib`` to import)."""
        from kenactl.paths import profile_file

        return profile_file(self.profile_option)

    @cached_property
    def path(self) -> "Path":
        """The profile's location as a ``Path`` (for the commands that write or check files)."""
        from pathlib import Path

        return Path(self.file)

    @cached_property
    def now(self) -> datetime:
        """``--at`` if given, else the current moment to the second (as facts are stored), in Europe/Rome."""
        from kenactl.core.dates import ROME

        return self.at or datetime.now(ROME).replace(microsecond=0)

    def load(self) -> Profile:
        from kenactl import store

        return store.load(self.file)

    def update(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply ``change`` to the profile under the write lock and save it atomically."""
        from kenactl import writer

        return writer.update(self.path, change, self.now)

    @property
    def operator_folder(self) -> str:
        """Where the user's own operator files are: ``operators/`` beside the profile."""
        from kenactl.knowledge.registry import user_folder

        return user_folder(self.file)

    def require(self, feature: str, line: Line) -> None:
        """Refuse (exit 2) ``line`` if its operator's data does not list ``feature`` (e.g. ``restart``)."""
        from kenactl.knowledge import operators

        operators.require(feature, line, self.operator_folder)


pass_app = click.make_pass_decorator(App)


class KenactlGroup(click.Group):
    """The root group: commands imported on first use, messages in the chosen language, and errors
    turned into one stderr line and an exit code, in this one place."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        from importlib import import_module

        from kenactl.i18n import translate_help

        module = import_module(COMMANDS[name] if "." in COMMANDS[name] else f"kenactl.cli.{COMMANDS[name]}")
        command = next(command for command in module.COMMANDS if command.name == name)
        return translate_help(_with_global_options(command))

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        i18n.set_language(i18n.choose_language(_lang_argument(argv), os.environ))
        i18n.translate_help(self)
        if os.environ.get(complete_var or "_KENACTL_COMPLETE"):  # click's completion protocol
            from kenactl.completion.spec import attach_values

            attach_values(self)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        debug = bool(os.environ.get("KENACTL_DEBUG"))
        try:
            result = super().main(argv, prog_name or "kenactl", complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()  # surface a write error (a full disk) here rather than at exit
        except KenactlError as error:
            if debug:
                raise
            _fail(error.message, error.exit_code)
        except click.ClickException as error:
            if debug:
                raise
            if isinstance(error, _NO_ARGS_IS_HELP) and error.ctx is not None:  # bare `kenactl`, `kenactl line`
                click.echo(error.ctx.get_help())
                sys.exit(0)
            _fail(_click_message(error), error.exit_code)
        except click.exceptions.Abort:
            _fail(i18n._("aborted"), 130)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (e.g. `| head`); nothing left to say
            sys.exit(0)
        except OSError as error:
            if debug:
                raise
            if error.filename is not None:  # a file error the code that opens files did not name: still one line
                _fail(i18n._("cannot use {path}: {reason}").format(path=error.filename, reason=error.strerror or error),
                      2)
            _discard_stdout()
            _fail(i18n._("cannot write the output: {reason}").format(reason=error.strerror or error), 2)
        except Exception as error:  # a bug: say so in one line unless debugging
            if debug:
                raise
            _fail(_internal_error(error), INTERNAL_ERROR)
        sys.exit(result if isinstance(result, int) else 0)


def _internal_error(error: Exception) -> str:
    from kenactl.i18n import _

    return _("internal error: {error} (run with KENACTL_DEBUG=1 for details)").format(
        error=f"{type(error).__name__}: {error}")


def _discard_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit does not fail a second time."""
    try:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests) or no /dev/null
        pass


def _lang_argument(argv: list[str]) -> str | None:
    """The value of a global ``--lang`` among the arguments, before click parses them."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def _click_message(error: click.ClickException) -> str:
    from kenactl.i18n import _

    message = error.format_message()
    if isinstance(error, click.UsageError) and error.ctx is not None:
        message += _(" (see '{command} --help')").format(command=error.ctx.command_path)
    return message[0].lower() + message[1:] if message else message


def _fail(message: str, code: int) -> None:
    from kenactl.safety import printable

    click.echo(f"kenactl: {printable(message)}", err=True)  # one line: control characters shown escaped
    sys.exit(code)


def _global_options(*, on_command: bool) -> list[click.Option]:
    """``--profile``, ``--at`` and ``--lang``: on the root group, and on every command so that they also
    work after it (``kenactl status --at 2026-11-22``); there they set the same ``App`` fields."""
    late = {"expose_value": False, "callback": _set_on_app, "is_eager": True}  # before values that read them
    return [
        click.Option(["--profile", "profile_option"], metavar="PATH", type=click.Path(dir_okay=True),
                     help="Profile file (default: $KENACTL_PROFILE, else the per-user config folder).",
                     **(late if on_command else {})),
        click.Option(["--at"], metavar="DATETIME",
                     help="Behave as if now were this ISO 8601 moment (naive = Europe/Rome).",
                     **(late if on_command else {"callback": _parse_at})),
        # The language is chosen from the arguments before click parses them (``KenactlGroup.main``).
        click.Option(["--lang"], type=click.Choice(["it", "en"]), expose_value=False, is_eager=True,
                     help="Language of messages (default: $KENACTL_LANG, else the locale, else English)."),
    ]


def _with_global_options(command: click.Command) -> click.Command:
    """``command`` (and every command of a group) accepting the global options after its name."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_global_options(sub)
    elif not any(param.name == "at" for param in command.params):
        command.params.extend(_global_options(on_command=True))
    return command


def _set_on_app(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """A global option given after the command: the later of the two places wins."""
    if value is None:
        return
    app = ctx.find_object(App)
    if param.name == "at":
        app.at = _parse_at(ctx, param, value)
    else:
        app.profile_option = value


def _parse_at(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    from kenactl.core.dates import parse_moment
    from kenactl.errors import InputError

    if value is None:
        return None
    try:
        return parse_moment(value)
    except InputError as error:
        raise click.BadParameter(str(error.reason), ctx, param) from None


@click.group(cls=KenactlGroup, context_settings={"help_option_names": ["-h", "--help"]},
             params=_global_options(on_command=False))
@click.version_option(__version__, prog_name="kenactl")
@click.pass_context
def cli(ctx: click.Context, profile_option: str | None, at: datetime | None) -> None:
    """Track prepaid SIM lines: renewals, credit, allowances, Kena Restart and reminders.

    Start with `kenactl status --demo`, then `kenactl init` to create your profile.
    """
    ctx.obj = App(profile_option=profile_option, at=at)


COMMANDS = {
    "init": "profile", "profile": "profile", "line": "line", "usage": "usage", "credit": "credit",
    "status": "status", "history": "history", "explain": "explain", "charges": "charges", "restart": "restart",
    "rights": "rights", "export": "export", "remind": "remind", "undo": "undo",
    "completion": "kenactl.completion.command",
}
"""Each top-level command and its module (``kenactl.cli.NAME``, or a full name), in help order (imported on use)."""


def main() -> None:
    """Console entry point."""
    cli.main()
