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

        profile = demo_profile(app.now)
    else:
        profile = app.load()
    rules = _validity_rules(profile.selected(line_name), None if demo else app.path)
    view.show_status(profile_status(profile, app.now, line_name, rules), as_json=as_json)


def _validity_rules(lines, profile_path):
    """The SIM validity rules of the operators of ``lines`` that have a last top-up (only those are read)."""
    needed = {line.operator for line in lines if line.last_topup is not None}
    if not needed:
        return {}
    from kenactl import operators

    folder = None if profile_path is None else operators.user_folder(profile_path)
    return {name: operators.load(name, folder).validity for name in sorted(needed)}


COMMANDS = (status,)
