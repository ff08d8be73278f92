"""``kenactl line add|list|remove|rename|default|set``."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.confirm import confirm
from kenactl.cli.params import (
    LINE_NAME,
    OPTION,
    allowance,
    json_option,
    line_field_options,
    line_option,
    new_line_options,
    note_option,
    yes_option,
)
from kenactl.cli.profile import new_line
from kenactl.cli.results import line_result
from kenactl.core.model import ALLOWANCE_KINDS, Allowances, Profile
from kenactl.core.record import replace
from kenactl.errors import InputError
from kenactl.i18n import _
from kenactl.render import say


@click.group()
def line() -> None:
    """Manage the lines (SIMs) in the profile."""


@line.command("add")
@click.argument("name")
@line_field_options
@new_line_options
@note_option
@json_option
@pass_app
def line_add(app: App, name: str, as_json: bool, **values) -> None:
    """Add line NAME (same options as init)."""
    if name in app.load().lines:  # checked before prompting, as is a missing profile
        raise InputError(None, _("line {name} already exists").format(name=repr(name)))
    new = new_line(app, name, values, command="line add")
    updated = app.update(lambda profile: profile.add_line(new))
    say([_("Added line {name}.").format(name=repr(name))], lambda: line_result(app, updated, name), as_json=as_json)


@line.command("list")
@json_option
@pass_app
def line_list(app: App, as_json: bool) -> None:
    """List the lines with their offer, credit, next renewal and state; the default one is marked with *."""
    from kenactl.core.lines import line_row
    from kenactl.derived import derived_profile
    from kenactl.knowledge.operators import load_all
    from kenactl.views.lines import show_lines

    profile, states = derived_profile(app.load(), app.now, app.operator_folder)
    names = {operator.id: operator.name for operator in load_all(app.operator_folder)}
    show_lines([line_row(profile, line, app.now, states[line.name]) for line in profile.lines.values()], names,
               as_json=as_json)


@line.command("remove")
@click.argument("name", type=LINE_NAME)
@yes_option
@json_option
@pass_app
def line_remove(app: App, name: str, assume_yes: bool, as_json: bool) -> None:
    """Remove line NAME and its whole past: readings, top-ups, renewals, Restarts (a profile keeps one line);
    asks first on a terminal."""
    app.load().remove_line(name)  # refused before asking when it cannot be done
    confirm(_("Remove line {name} with its usage, history and charges?").format(name=repr(name)), assume_yes)
    before: list[Profile] = []

    def change(profile: Profile) -> Profile:
        before[:] = [profile]
        return profile.remove_line(name)

    updated = app.update(change)
    messages = [_("Removed line {name} and everything recorded for it.").format(name=repr(name))]
    if before[0].default_line == name:
        messages.append(_("The default line is now {name}.").format(name=repr(updated.default_line)))
    say(messages, {"removed": name, "default_line": updated.default_line}, as_json=as_json)


@line.command("rename")
@click.argument("old", type=LINE_NAME)
@click.argument("new")
@json_option
@pass_app
def line_rename(app: App, old: str, new: str, as_json: bool) -> None:
    """Rename line OLD to NEW."""
    updated = app.update(lambda profile: profile.rename_line(old, new))
    say([_("Renamed line {old} to {new}.").format(old=repr(old), new=repr(new))],
        lambda: line_result(app, updated, new, renamed_from=old), as_json=as_json)


@line.command("default")
@click.argument("name", type=LINE_NAME)
@json_option
@pass_app
def line_default(app: App, name: str, as_json: bool) -> None:
    """Make NAME the default line."""
    updated = app.update(lambda profile: profile.set_default(name))
    say([_("Default line: {name}.").format(name=repr(name))], lambda: line_result(app, updated, name),
        as_json=as_json)


@line.command("set")
@line_option
@line_field_options
@note_option
@click.option("--pending-offer-change/--no-pending-offer-change", default=None,
              help="Whether an offer change request is pending (blocks Kena Restart).")
@click.option("--option", "option_pairs", type=OPTION, multiple=True, metavar="KEY=VALUE",
              help="An operator option, e.g. continuita=off or sempre-connesso=on (KEY= removes it; repeatable).")
@json_option
@pass_app
def line_set(app: App, line_name: str | None, pending_offer_change: bool | None, option_pairs, as_json: bool,
             **values) -> None:
    """Change a line's offer, price, renewal day, allowances, operator, options, flags or note."""
    given = {key: value for key, value in values.items() if value is not None}
    if not given and pending_offer_change is None and not option_pairs:
        raise click.UsageError(_("nothing to change: give at least one option"))

    def change(profile: Profile) -> Profile:
        current = profile.line(line_name)
        included = current.included
        included = Allowances(**{kind: allowance(given.get(kind, included.get(kind)))
                                  for kind in ALLOWANCE_KINDS})
        fields = {key: value for key, value in given.items() if key not in ALLOWANCE_KINDS}
        if pending_offer_change is not None:
            fields["pending_offer_change"] = pending_offer_change
        if option_pairs or "operator" in fields:  # options are checked against the (new) operator's data
            from kenactl.core.operator import updated_options
            from kenactl.knowledge import operators

            operator = operators.load(fields.get("operator", current.operator), app.operator_folder)
            fields["options"] = updated_options(operator, current.options, option_pairs)
            dropped[:] = [(key, value, operator.name) for key, value in current.options.items()
                          if key not in operator.options]
        from kenactl.core.line_facts import record_changes
        from kenactl.core.model import Amounts, Observation

        if "credit" in fields:  # the credit is an observation, not a setting
            observed = Observation(at=app.now, credit=fields["credit"])
            fields["observations"] = Amounts.of(Observation, (*current.observations, observed))
        if "activated" in fields:  # a fact of the SIM, checked against its top-ups
            from kenactl.core.line_facts import with_days

            fields.update(activated=with_days(current, app.now.date(), activated=fields["activated"]).activated)
        return profile.with_line(record_changes(current, replace(current, included=included, **fields), app.now))

    dropped: list[tuple[str, str, str]] = []
    updated = app.update(change)
    name = updated.line(line_name).name
    messages = [_("Updated line {name}.").format(name=repr(name))]
    if dropped:
        messages.append(_("Dropped the options {operator} does not have: {options}.").format(
            operator=dropped[0][2], options=", ".join(f"{key}={value}" for key, value, _name in dropped)))
    say(messages, lambda: line_result(app, updated, name,
                                      dropped_options={key: value for key, value, _name in dropped}), as_json=as_json)


COMMANDS = (line,)
