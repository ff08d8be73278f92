"""``kenactl remind``: what is due soon, one line each; silent when nothing is (for cron)."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import DURATION, all_lines_option, json_option


@click.command()
@click.option("--within", type=DURATION, default="3d", show_default=True, metavar="DURATION",
              help="How far ahead to look (e.g. 3d, 12h, 1w).")
@all_lines_option
@json_option
@pass_app
def remind(app: App, within, line_name: str | None, as_json: bool) -> None:
    """One line per renewal (with the minimum top-up when credit is short) or Kena Restart becoming
    available within the window. Prints nothing when nothing is due, so cron mails only then:

    0 8 * * * kenactl remind
    """
    from kenactl.core.reminders import due_items
    from kenactl.views.remind import show_remind

    show_remind(due_items(app.load(), app.now, within, line_name), as_json=as_json)


COMMANDS = (remind,)
