"""``kenactl undo``: go back to the profile as it was before the last change (``profile.toml.bak``)."""

import difflib

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import json_option
from kenactl.i18n import _
from kenactl.render import say

SHOWN_LINES = 12


@click.command()
@json_option
@pass_app
def undo(app: App, as_json: bool) -> None:
    """Restore the profile as it was before the last change, and say what changed back.

    The current profile becomes the backup, so a second undo redoes the change: nothing is lost.
    """
    from kenactl import writer
    from kenactl.safety import printable

    undone, restored = writer.swap_with_backup(app.path)
    changes = [line for line in difflib.unified_diff(undone.splitlines(), restored.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))
               and line[1:].strip() and not line[1:].startswith("updated_at")]
    messages = [_("Restored {path} as it was before the last change.").format(path=app.path)]
    if changes:
        messages.append(_("What changed back (- gone now, + back again):"))
    else:
        messages.append(_("It differs only in the time of the change."))
    messages.extend(f"  {printable(line)}" for line in changes[:SHOWN_LINES])
    if len(changes) > SHOWN_LINES:
        messages.append(_("  … and {count} more changed lines ('kenactl profile show' prints the whole file)").format(
            count=len(changes) - SHOWN_LINES))
    messages.append(_("Run 'kenactl undo' again to redo it."))
    say(messages, {"path": str(app.path), "gone": [line[1:] for line in changes if line.startswith("-")],
                   "back": [line[1:] for line in changes if line.startswith("+")]}, as_json=as_json)


COMMANDS = (undo,)
