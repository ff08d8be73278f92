"""``kenactl charges add|list|clear``: amounts the operator takes at the next top-up, or by card."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.confirm import confirm
from kenactl.cli.params import CHARGE, DATE, FREE_TEXT, json_option, line_option, yes_option
from kenactl.core.model import Charge, Profile, next_charge_id
from kenactl.core.record import replace
from kenactl.errors import InputError
from kenactl.i18n import _, ngettext
from kenactl.render import say


@click.group()
def charges() -> None:
    """Pending charges: negative credit, late fees, arrears in instalments."""


@charges.command("add", context_settings={"ignore_unknown_options": True})  # "-2": refused as an amount
@line_option
@click.argument("description", type=FREE_TEXT)
@click.argument("amount", type=CHARGE, metavar="EUR")
@click.option("--instalments", type=click.IntRange(1, 120), metavar="N",
              help="Recovered in N instalments. On a line paid by card (Easy Pay arrears) the default is one per "
                   "renewal price, else equal parts, one per month missed; from the credit the default is 1.")
@click.option("--every-days", type=click.IntRange(1, 366), metavar="DAYS",
              help="Days between instalments (default 30, as WINDTRE Easy Pay).")
@click.option("--first-due", type=DATE, metavar="DATE",
              help="When the first instalment falls due (default by card: in 30 days, never this month; from the "
                   "credit: today for one payment, else in --every-days).")
@json_option
@pass_app
def charges_add(app: App, line_name: str | None, description: str, amount, instalments: int | None,
                every_days: int | None, first_due, as_json: bool) -> None:
    """Record a charge of EUR: taken at the next top-up(s), or by card on a line paid by card."""
    from kenactl.core.charges import card_recovery, new_charge, schedule
    from kenactl.i18n import money
    from kenactl.views import human_date
    from kenactl.views.charges import two_charges

    today = app.now.date()
    added: list[Charge] = []

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        charge = new_charge(description, amount, today, line, instalments=instalments, every_days=every_days,
                            first_due=first_due)
        added[:] = [replace(charge, id=next_charge_id(line.charges))]
        return profile.with_line(replace(line, charges=(*line.charges, *added)))

    saved = app.update(change)
    updated = saved.line(line_name)
    charge = added[0]
    messages = [_("Added to line {name}: {description}, {amount}.").format(
        name=repr(updated.name), description=description, amount=money(amount))]
    if charge.instalments > 1 or charge.by_card:
        messages.extend(f"  {item.number}/{charge.instalments}  {human_date(item.due)}  {money(item.amount)}"
                        for item in schedule(charge))
    recovery = card_recovery(updated, today)
    if recovery is not None:
        messages.append(two_charges(updated, recovery[1]))
    say(messages, lambda: {"added": updated.charges[-1].id, **_charges_json(app, saved, updated.name)},
        as_json=as_json)


@charges.command("list")
@line_option
@json_option
@pass_app
def charges_list(app: App, line_name: str | None, as_json: bool) -> None:
    """The line's pending charges with their instalment schedule and the minimum top-up."""
    from kenactl.derived import line_states
    from kenactl.views.charges import show_charges

    profile = app.load()
    name = profile.line(line_name).name
    show_charges(line_states(profile, app.now, app.operator_folder)[name].line, app.now, as_json=as_json,
                 is_default=name == profile.default_line)


@charges.command("clear")
@line_option
@click.argument("number", type=click.IntRange(1), required=False)
@yes_option
@json_option
@pass_app
def charges_clear(app: App, line_name: str | None, number: int | None, assume_yes: bool, as_json: bool) -> None:
    """Remove charge NUMBER (as in 'charges list'), or every pending charge of the line (asks first on a terminal)."""
    from kenactl.core.money import ZERO
    from kenactl.derived import line_states
    from kenactl.i18n import money

    folder = app.operator_folder

    def pending(profile: Profile) -> list[Charge]:
        """The stored charges still unpaid now, in the order 'charges list' numbers them."""
        line = profile.line(line_name)
        derived = line_states(profile, app.now, folder)[line.name].line
        unpaid = {replace(charge, paid=ZERO) for charge in derived.charges}
        return [charge for charge in line.charges if replace(charge, paid=ZERO) in unpaid]

    shown = app.load()
    if number is None and pending(shown):  # nothing to ask when the answer could change nothing
        confirm(_("Remove every pending charge of line {name}?").format(name=repr(shown.line(line_name).name)),
                assume_yes)
    removed: list[Charge] = []

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        listed = pending(profile)
        if not listed:
            raise InputError(None, _("line {name} has no pending charges").format(name=repr(line.name)))
        chosen = [charge for charge in listed if number in (None, charge.id)]
        if not chosen:
            raise InputError(None, _("line {name} has no pending charge {number}; its charges are: {ids}").format(
                name=repr(line.name), number=number, ids=", ".join(str(charge.id) for charge in listed)))
        removed[:] = chosen
        return profile.with_line(replace(line, charges=tuple(c for c in line.charges if c not in removed)))

    updated = app.update(change)
    messages = [_("Removed: {description}, {amount}.").format(description=charge.description,
                                                              amount=money(charge.amount)) for charge in removed]
    left = len(pending(updated))
    name = updated.line(line_name).name
    messages.append(ngettext("Line {name}: {count} pending charge(s) left.",
                             "Line {name}: {count} pending charge(s) left.", left).format(name=repr(name), count=left))

    def result() -> dict:
        from kenactl.core.money import format_money

        gone = [{"number": charge.id, "description": charge.description, "amount": format_money(charge.amount)}
                for charge in removed]
        return {"removed": gone, **_charges_json(app, updated, name)}

    say(messages, result, as_json=as_json)


def _charges_json(app: App, profile: Profile, name: str) -> dict:
    """The ``charges list --json`` object of line ``name`` in ``profile`` (what a change left)."""
    from kenactl.derived import line_states
    from kenactl.views.charges import charges_json

    return charges_json(line_states(profile, app.now, app.operator_folder)[name].line, app.now)


COMMANDS = (charges,)
