"""Asking before a destructive change: on a terminal only, skipped with ``--yes`` (``params.yes_option``)."""

import sys

import click

from kenactl.errors import NEGATIVE, KenactlError
from kenactl.i18n import _


def confirm(question: str, assume_yes: bool) -> None:
    """Ask ``question`` when stdin is a terminal; a "no" stops the command (exit 1, nothing changed).

    Without a terminal (scripts, cron) or with ``--yes`` the command goes on as it always did.
    """
    if assume_yes or not sys.stdin.isatty():
        return
    from kenactl.cli.params import json_requested

    if not click.confirm(question, default=False, err=json_requested()):  # with --json stdout is the JSON alone
        raise KenactlError(_("not confirmed; nothing changed"), exit_code=NEGATIVE)
