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
    folder = None if demo else app.operator_folder
    lines = profile.selected(line_name)
    if any(line.last_topup or line.activated for line in lines):  # operator data only when validity is shown
        from kenactl.knowledge import operators

        rules = operators.validity_rules(lines, folder)
    reports = profile_status(profile, app.now, line_name, rules, states, _restart_operators(lines, folder))
    view.show_status(reports, app.now, household=line_name is None, as_json=as_json)


def _restart_operators(lines, folder) -> frozenset[str]:
    """The operators that offer Kena Restart among those of the lines whose credit pays one: operator data is
    read only for those, and the Restart rules are then checked only on their lines."""
    from kenactl.core.status import restart_affordable

    candidates = sorted({line.operator for line in lines if restart_affordable(line)})
    if not candidates:
        return frozenset()
    from kenactl.knowledge import operators

    return frozenset(name for name in candidates if "restart" in operators.part(name, "features", folder))


COMMANDS = (status,)
