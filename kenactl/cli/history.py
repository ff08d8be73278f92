"""``kenactl history``: every period of each line, oldest first."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import all_lines_option, json_option


@click.command()
@all_lines_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: one row per period.")
@pass_app
def history(app: App, line_name: str | None, as_json: bool, as_csv: bool) -> None:
    """Every period of each line: its renewal, top-ups, fees, Restarts and the last usage reading."""
    from kenactl.derived import line_states
    from kenactl.views.history import show_history

    profile = app.load()
    states = line_states(profile, app.now, app.operator_folder)
    show_history([states[line.name] for line in profile.selected(line_name)], as_json=as_json, as_csv=as_csv)


COMMANDS = (history,)
