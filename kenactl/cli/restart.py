"""``kenactl restart check|apply|plan|remove``: Kena Restart, for the lines whose operator data lists it."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import CoreType, json_option, line_option, yes_option
from kenactl.core.model import Profile
from kenactl.render import say


def _parse_when(text: str):
    """A date (the Restart on that day) or a date-time (the Restart in that minute), in Europe/Rome."""
    from kenactl.core import dates

    if len(text.strip()) == 10:
        return dates.parse_date(text, field="WHEN")
    return dates.parse_moment(text, field="WHEN")


WHEN = CoreType("WHEN", _parse_when)


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
    from kenactl.cli.confirm import confirm  # only the commands that ask load it (not restart check)
    from kenactl.core import dates
    from kenactl.core.record import replace
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


@restart.command("remove", short_help="Remove a recorded Restart (the last one, or the one at WHEN).")
@line_option
@click.argument("when", type=WHEN, required=False)
@yes_option
@json_option
@pass_app
def restart_remove(app: App, line_name: str | None, when, assume_yes: bool, as_json: bool) -> None:
    """Remove a Restart recorded by mistake: the last one, or the one at WHEN (a date, or a date-time such as
    2026-11-10T09:05); says what the renewal is now. Asks first on a terminal."""
    from kenactl.cli.confirm import confirm
    from kenactl.core import dates
    from kenactl.core.record import replace
    from kenactl.core.restart import recorded_restart
    from kenactl.i18n import _, moment, money

    shown = app.load().line(line_name)
    chosen = recorded_restart(shown, when)  # refused before asking when there is nothing to remove
    confirm(_("Remove the Restart of line {line} recorded at {at} ({price})?").format(
        line=repr(shown.name), at=moment(chosen.at), price=money(chosen.price)), assume_yes)
    removed = []

    def change(profile: Profile) -> Profile:
        stored = profile.line(line_name)
        entry = recorded_restart(stored, when)
        removed[:] = [entry]
        history = list(stored.history)
        history.remove(entry)  # that one entry, even if a hand-edited file repeats it
        return profile.with_line(replace(stored, history=tuple(history)))

    updated = app.update(change)
    after = _derived(app, line_name, updated)
    upcoming = dates.next_renewal(after.renewal_day, after.renewal_time, app.now)
    messages = [
        _("Removed the Restart of line {line} recorded at {at} ({price}).").format(
            line=repr(after.name), at=moment(removed[0].at), price=money(removed[0].price)),
        _("Renewal day now {day}; next renewal: {renewal} ({price}); credit now {credit}.").format(
            day=after.renewal_day, renewal=moment(upcoming), price=money(after.price), credit=money(after.credit)),
    ]

    def result() -> dict:
        from kenactl.cli.results import line_result
        from kenactl.core.money import format_money
        from kenactl.views import iso

        return line_result(app, updated, after.name, removed={"at": iso(removed[0].at),
                                                               "charged": format_money(removed[0].price)})

    say(messages, result, as_json=as_json)


def _derived(app: App, line_name: str | None, profile: Profile | None = None):
    """The line as the ledger derives it now: real credit, counters and renewal day."""
    from kenactl.derived import line_states

    profile = profile or app.load()
    return line_states(profile, app.now, app.operator_folder)[profile.line(line_name).name].line


COMMANDS = (restart,)
