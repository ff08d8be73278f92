"""``kenactl export ics``: the calendar of renewals, top-ups, Restart and SIM validity, for cron."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import all_lines_option
from kenactl.errors import KenactlError
from kenactl.i18n import _

if TYPE_CHECKING:  # only for annotations: every command imports this module at startup
    from kenactl.core.model import Profile
    from kenactl.core.rules import ValidityRule

CALENDAR_MODE = 0o644  # a calendar holds no secret and is often served or synced by another program


@click.group()
def export() -> None:
    """Export the lines' dates for other programs."""


@export.command("ics")
@click.option("-o", "--output", default="-", metavar="FILE|-", show_default=True,
              help="Write the calendar to FILE (atomically; untouched when unchanged); - is stdout.")
@click.option("--months", type=click.IntRange(1, 60), default=12, show_default=True,
              help="How many renewals ahead to export.")
@click.option("--alarm", "alarms", multiple=True, metavar="DURATION",
              help="Alarm this many days before each renewal, at 09:00 (repeatable; default: the profile's "
                   "alarms, 2d).")
@all_lines_option
@click.option("-v", "--verbose", is_flag=True, help="Say what was written (on stderr).")
@pass_app
def export_ics(app: App, output: str, months: int, alarms: tuple[str, ...], line_name: str | None,
               verbose: bool) -> None:
    """An iCalendar (.ics) file: one all-day event per renewal with alarms, and top-up, Restart and
    SIM-validity events. Reads the profile only; the same data gives the same bytes.

    Nightly, for a calendar app that subscribes to the file:

    \b
    0 7 * * * kenactl export ics -o ~/calendars/kenactl.ics
    """
    from kenactl import ics
    from kenactl.core import dates
    from kenactl.core.reminders import calendar_items

    from kenactl.ledger_rules import user_folder
    from kenactl.derived import derived_profile

    profile, states = derived_profile(app.load(), app.now, user_folder(app.path))
    days = dates.alarm_days(alarms) if alarms else dates.alarm_days(profile.alarms, field=_("alarms (profile)"))
    items = calendar_items(profile, app.now, months=months, line_name=line_name,
                           validity=validity_rules(app, profile, line_name), states=states)
    data = ics.calendar_bytes(profile, items, days)
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)  # bytes as built: CRLF untouched on every platform
        sys.stdout.buffer.flush()
        return
    path = Path(output).expanduser()
    changed = write_if_changed(path, data)
    if verbose:
        said = (_("wrote {path} ({events} events, {size} bytes)") if changed
                else _("unchanged: {path} ({events} events, {size} bytes)"))
        click.echo(said.format(path=path, events=len(items), size=len(data)), err=True)


def validity_rules(app: App, profile: "Profile", line_name: str | None) -> "dict[str, ValidityRule]":
    """The SIM-validity rules for the selected lines that have a last top-up (the user's operator files first)."""
    from kenactl import operators

    return operators.validity_rules(profile.selected(line_name), operators.user_folder(app.path))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace ``path`` with ``data`` unless it already holds exactly that; True if written.

    A symlink is followed (its target is replaced); an existing file keeps its permissions.
    """
    from kenactl import store

    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise KenactlError(_("{path} is a directory; give a file name such as {example}").format(
            path=path, example=path / "kenactl.ics"))
    try:
        current = target.read_bytes()
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        current, mode = None, CALENDAR_MODE
    except OSError as error:
        raise KenactlError(_("cannot read {path}: {error}").format(path=path, error=error.strerror or error)) from None
    if current == data:
        return False
    if not target.parent.is_dir():
        raise KenactlError(_("cannot write {path}: folder {folder} does not exist").format(
            path=path, folder=target.parent))
    store.write_atomic(target, data, mode=mode)
    return True


COMMANDS = (export,)
