"""``kenactl restart check|apply|plan``: Kena Restart, for the lines whose operator data lists it."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.confirm import confirm, yes_option
from kenactl.cli.params import json_option, line_option
from kenactl.core.model import Profile
from kenactl.render import say


@click.group()
def restart() -> None:
    """Kena Restart: renew the offer early once 80% of an allowance is used."""


@restart.command("check", short_help="Is a Restart allowed now? Exit 0 yes, 1 no.")
@line_option
@json_option
@click.pass_context
@pass_app
def restart_check(app: App, ctx: click.Context, line_name: str | None, as_json: bool) -> None:
    """The six rules with a reason each; exit 0 if a Restart is allowed now, 1 if not."""
    from kenactl.core.restart import check_restart
    from kenactl.views import restart as view

    line = _derived(app, line_name)
    app.require("restart", line)
    verdict = check_restart(line, app.now)
    view.show_check(verdict, as_json=as_json)
    if not verdict.eligible:
        ctx.exit(1)


@restart.command("apply", short_help="Record a Restart (refused, exit 1, if not allowed).")
@line_option
@yes_option
@json_option
@pass_app
def restart_apply(app: App, line_name: str | None, assume_yes: bool, as_json: bool) -> None:
    """Record a Restart at now (or --at) if every rule passes; otherwise refuse (exit 1). Asks first on a terminal."""
    from dataclasses import replace

    from kenactl.core import dates
    from kenactl.core.restart import SOURCE, apply_restart, check_restart
    from kenactl.i18n import _, day, moment, money

    shown = _derived(app, line_name)
    if check_restart(shown, app.now).eligible:  # a refused Restart is refused without a question
        confirm(_("Record a Kena Restart of line {line} now ({price} charged, renewal day moved)?").format(
            line=repr(shown.name), price=money(shown.price)), assume_yes)

    from kenactl.core.model import HistoryEntry

    def change(profile: Profile) -> Profile:
        from kenactl.core.line_facts import dated

        stored = dated(profile.line(line_name), app.now)
        app.require("restart", stored)
        later = [entry.at for entry in stored.history if dates.instant(entry.at) > dates.instant(app.now)]
        derived = _derived(app, line_name, replace(profile, lines={stored.name: replace(
            stored, history=tuple(entry for entry in stored.history if entry.at not in later))}) if later else profile)
        apply_restart(replace(derived, history=stored.history) if later else derived, app.now)  # refuses with reasons
        entry = HistoryEntry(kind="restart", at=app.now, price=derived.price, renewal_day_before=0, renewal_day_after=0)
        return profile.with_line(replace(stored, history=(*stored.history, entry)))

    updated = app.update(change)
    after = _derived(app, line_name, updated)
    entry = after.history[-1]
    upcoming = dates.next_renewal(after.renewal_day, after.renewal_time, app.now)
    messages = [
        _("Restart recorded for line {line} at {now}: {price} charged, credit now {credit}, counters back "
          "to zero.").format(line=repr(after.name), now=moment(app.now), price=money(after.price),
                             credit=money(after.credit)),
        _("Renewal day {before} → {after}. Next renewal: {renewal} ({price}).").format(
            before=entry.renewal_day_before, after=entry.renewal_day_after, renewal=day(upcoming.date()),
            price=money(after.price)),
        _("Source: {source}: from the Restart day on, renewals and charges fall on that day each "
          "month.").format(source=_(SOURCE)),
    ]

    def result() -> dict:
        from kenactl.cli.results import line_result
        from kenactl.core.money import format_money
        from kenactl.views import iso

        return line_result(app, updated, after.name, restart={
            "at": iso(app.now), "charged": format_money(after.price),
            "renewal_day_before": entry.renewal_day_before, "renewal_day_after": entry.renewal_day_after})

    say(messages, result, as_json=as_json)


@restart.command("plan", short_help="When a Restart becomes possible and what it shifts.")
@line_option
@json_option
@pass_app
def restart_plan(app: App, line_name: str | None, as_json: bool) -> None:
    """When 80% is reached at this pace, the earliest Restart, and how renewals and charges shift."""
    from kenactl.core.restart_plan import plan_restart
    from kenactl.views import restart as view

    line = _derived(app, line_name)
    app.require("restart", line)
    view.show_plan(plan_restart(line, app.now), as_json=as_json)


def _derived(app: App, line_name: str | None, profile: Profile | None = None):
    """The line as the ledger derives it now: real credit, counters and renewal day."""
    from kenactl.derived import line_states

    profile = profile or app.load()
    return line_states(profile, app.now, app.operator_folder)[profile.line(line_name).name].line


COMMANDS = (restart,)
