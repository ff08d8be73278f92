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
    """One line per thing due within the window: a renewal (with the minimum top-up when credit is
    short), Kena Restart becoming available, the SIM's validity ending, a complaint's reply deadline.
    Prints nothing when nothing is due, so cron mails only then:

    \b
    0 8 * * * kenactl remind
    """
    from kenactl.cli.export import validity_rules
    from kenactl.core.reminders import due_items
    from kenactl.views.remind import show_remind

    from kenactl.ledger_rules import user_folder
    from kenactl.derived import derived_profile

    profile, states = derived_profile(app.load(), app.now, user_folder(app.path))
    items = due_items(profile, app.now, within, line_name, validity_rules(app, profile, line_name), states)
    show_remind(items, as_json=as_json)


COMMANDS = (remind,)
