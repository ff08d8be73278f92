"""Asking before a destructive change: on a terminal only, skipped with ``--yes``."""

import sys
from collections.abc import Callable

import click

from kenactl.errors import NEGATIVE, KenactlError
from kenactl.i18n import _


def yes_option(function: Callable) -> Callable:
    """``--yes``: do not ask for confirmation."""
    return click.option("--yes", "-y", "assume_yes", is_flag=True,
                        help="Do not ask for confirmation (without a terminal nobody is asked anyway).")(function)


def confirm(question: str, assume_yes: bool) -> None:
    """Ask ``question`` when stdin is a terminal; a "no" stops the command (exit 1, nothing changed).

    Without a terminal (scripts, cron) or with ``--yes`` the command goes on as it always did.
    """
    if assume_yes or not sys.stdin.isatty():
        return
    from kenactl.cli.params import json_requested

    if not click.confirm(question, default=False, err=json_requested()):  # with --json stdout is the JSON alone
        raise KenactlError(_("not confirmed; nothing changed"), exit_code=NEGATIVE)
