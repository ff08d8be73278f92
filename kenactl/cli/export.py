"""``kenactl export ics``: the calendar of renewals, top-ups, Restart and SIM validity, for cron."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import all_lines_option
from kenactl.errors import KenactlError
from kenactl.i18n import _

GC_ALLOCATIONS = 50_000  # objects allocated between two young collections while exporting (Python: 700)
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
    with _fewer_collections():
        data, events = _calendar(app, months, alarms, line_name)
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
        click.echo(said.format(path=path, events=events, size=len(data)), err=True)


def _calendar(app: App, months: int, alarms: tuple[str, ...], line_name: str | None) -> tuple[bytes, int]:
    """(the calendar's bytes, how many events it holds), remembered in the state file. The profile, its states
    and the items end with this call, before the collector's threshold returns (they would be its work)."""
    from kenactl.core import dates
    from kenactl.core.reminders import calendar_items
    from kenactl.derived import derived_profile
    from kenactl.knowledge import reminder_knowledge
    from kenactl.publish import calendar_with_memory

    profile, states = derived_profile(app.load(), app.now, app.operator_folder)
    days = dates.alarm_days(alarms) if alarms else dates.alarm_days(profile.alarms, field=_("alarms (profile)"))
    items = calendar_items(profile, app.now, months=months, line_name=line_name,
                           states=states, **reminder_knowledge(profile, line_name, app.operator_folder))
    return calendar_with_memory(app.path, profile, items, days, line_name, app.now)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector mostly held back while the calendar is built: the export makes
    hundreds of thousands of short-lived objects (no cycles on purpose). Its threshold returns afterwards.
    What outlives the export is the modules it imported and what they keep (operators, charters): in the
    executable, whose modules ``entry.main`` froze, they are frozen too, so neither the next young
    collection nor the interpreter's last one at exit scans them; kenactl called in-process freezes nothing."""
    import gc

    threshold = gc.get_threshold()
    gc.set_threshold(GC_ALLOCATIONS, *threshold[1:])
    try:
        yield
    finally:
        if gc.get_freeze_count():
            gc.freeze()
        gc.set_threshold(*threshold)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True if written.

    A regular file (or a missing one) is replaced atomically and keeps its permissions; a symlink is
    followed. A FIFO or a character device (``/dev/null``, a terminal) is written in place, as a shell
    redirection does, never replaced: a FIFO nobody reads is refused rather than waited on.
    """
    import stat

    from kenactl import writer

    target = Path(os.path.realpath(path))
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise KenactlError(_("cannot write {path}: {error}").format(path=path, error=error.strerror or error)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise KenactlError(_("{path} is a directory; give a file name such as {example}").format(
            path=path, example=path / "kenactl.ics"))
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(target, path, data, status.st_mode)
        return True
    if status is not None and status.st_size == len(data) and _first_bytes(target, path, len(data) + 1) == data:
        return False
    if not target.parent.is_dir():
        raise KenactlError(_("cannot write {path}: folder {folder} does not exist").format(
            path=path, folder=target.parent))
    writer.write_atomic(target, data, mode=CALENDAR_MODE if status is None else stat.S_IMODE(status.st_mode))
    return True


def _first_bytes(target: Path, path: Path, count: int) -> bytes:
    """At most ``count`` bytes of the file: enough to compare, never the whole of something endless."""
    try:
        with target.open("rb") as handle:
            return handle.read(count)
    except OSError as error:
        raise KenactlError(_("cannot read {path}: {error}").format(path=path, error=error.strerror or error)) from None


def _write_in_place(target: Path, path: Path, data: bytes, mode: int) -> None:
    """Write to a FIFO or a character device as ``> FILE`` would; other special files are refused."""
    import errno
    import fcntl
    import stat

    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise KenactlError(_("{path} is not a regular file, a FIFO or a character device; kenactl does not write "
                             "there").format(path=path))
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO with no reader: waiting could last forever
            raise KenactlError(_("{path} is a FIFO that nobody is reading; start the reader first").format(
                path=path)) from None
        raise KenactlError(_("cannot write {path}: {error}").format(path=path, error=error.strerror or error)) from None
    try:
        fcntl.fcntl(descriptor, fcntl.F_SETFL, fcntl.fcntl(descriptor, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    except OSError as error:
        raise KenactlError(_("cannot write {path}: {error}").format(path=path, error=error.strerror or error)) from None
    finally:
        os.close(descriptor)


COMMANDS = (export,)
