"""``kenactl usage set|show``: consumption in the current period."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import COUNT_USED, DATA_USED, json_option, line_option
from kenactl.cli.results import line_result
from kenactl.core import consumption
from kenactl.core.model import Profile
from kenactl.core.record import replace
from kenactl.i18n import _
from kenactl.render import say


@click.group()
def usage() -> None:
    """Record and show what was used in the current period."""


@usage.command("set")
@line_option
@click.option("--data", type=DATA_USED, help="Data used so far this period, e.g. 12.5GB or 800MB.")
@click.option("--minutes", type=COUNT_USED, help="Minutes used so far this period.")
@click.option("--sms", type=COUNT_USED, help="SMS sent so far this period.")
@json_option
@pass_app
def usage_set(app: App, line_name: str | None, as_json: bool, **values) -> None:
    """Record the counters (only the given ones change) at now, or --at."""
    given = {kind: value for kind, value in values.items() if value is not None}
    if not given:
        raise click.UsageError(_("give at least one of --data, --minutes, --sms"))

    def change(profile: Profile) -> Profile:
        from kenactl.derived import line_states

        line = profile.line(line_name)
        derived = line_states(profile, app.now, app.operator_folder)[line.name].line
        sample = consumption.record_usage(derived, app.now, given)
        return profile.with_line(replace(line, usage=consumption.with_sample(line, sample)))

    updated = app.update(change)
    name = updated.line(line_name).name
    say([_("Recorded usage for line {name}.").format(name=repr(name))], lambda: line_result(app, updated, name),
        as_json=as_json)


@usage.command("show")
@line_option
@json_option
@pass_app
def usage_show(app: App, line_name: str | None, as_json: bool) -> None:
    """Show this period's counters and the samples recorded in it."""
    from kenactl.core.status import line_status
    from kenactl.derived import derived_profile
    from kenactl.views import status as view

    profile, states = derived_profile(app.load(), app.now, app.operator_folder)
    line = profile.line(line_name)
    report = line_status(profile, line, app.now, state=states[line.name])
    samples = consumption.period_samples(line, app.now)
    view.show_usage(report, samples, as_json=as_json)


COMMANDS = (usage,)
