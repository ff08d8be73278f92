"""``kenactl status``: every line at a glance."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import all_lines_option, json_option


@click.command()
@all_lines_option
@json_option
@click.option("--demo", is_flag=True, help="Show a built-in sample household; reads and writes nothing.")
@pass_app
def status(app: App, line_name: str | None, as_json: bool, demo: bool) -> None:
    """Credit against price, next renewal, allowances, daily budget and projections."""
    from kenactl.core.status import profile_status
    from kenactl.views import status as view

    if demo:
        from kenactl.demo import demo_profile

        profile, states = demo_profile(app.now), {}
    else:
        from kenactl.derived import derived_profile

        profile, states = derived_profile(app.load(), app.now, app.operator_folder)
    rules = {}
    lines = profile.selected(line_name)
    if any(line.last_topup or line.activated for line in lines):  # operator data only when validity is shown
        from kenactl.knowledge import operators

        rules = operators.validity_rules(lines, None if demo else app.operator_folder)
    view.show_status(profile_status(profile, app.now, line_name, rules, states), as_json=as_json)


COMMANDS = (status,)
