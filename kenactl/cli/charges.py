"""``kenactl charges add|list|clear``: amounts the operator takes at the next top-up."""

from dataclasses import replace
from datetime import timedelta

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import DATE, MONEY, json_option, line_option
from kenactl.core.model import Charge, Profile
from kenactl.errors import InputError
from kenactl.i18n import _, ngettext


@click.group()
def charges() -> None:
    """Pending charges: negative credit, late fees, arrears in instalments."""


@charges.command("add")
@line_option
@click.argument("description")
@click.argument("amount", type=MONEY, metavar="EUR")
@click.option("--instalments", type=click.IntRange(1, 120), default=1, show_default=True,
              help="Recovered in this many equal instalments (Easy Pay style arrears: one per month missed).")
@click.option("--every-days", type=click.IntRange(1, 366), default=30, show_default=True,
              help="Days between instalments (WINDTRE Easy Pay: 30).")
@click.option("--first-due", type=DATE, metavar="DATE",
              help="When the first instalment falls due (default: today for one payment, else in --every-days).")
@pass_app
def charges_add(app: App, line_name: str | None, description: str, amount, instalments: int, every_days: int,
                first_due) -> None:
    """Record a charge of EUR the operator takes at the next top-up(s)."""
    from kenactl.core.charges import schedule
    from kenactl.core.money import ZERO
    from kenactl.i18n import money, number
    from kenactl.views import human_date

    if amount <= 0:
        raise click.BadParameter(_("a charge must be more than {amount}").format(amount=number(ZERO)),
                                 param_hint="'EUR'")
    today = app.now.date()
    if first_due is None:
        first_due = today if instalments == 1 else today + timedelta(days=every_days)
    charge = Charge(description=description, amount=amount, added=today, instalments=instalments,
                    every_days=every_days, first_due=first_due)

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        return profile.with_line(replace(line, charges=(*line.charges, charge)))

    updated = app.update(change).line(line_name)
    click.echo(_("Added to line {name}: {description}, {amount}.").format(
        name=repr(updated.name), description=description, amount=money(amount)))
    if instalments > 1:
        for item in schedule(charge):
            click.echo(f"  {item.number}/{instalments}  {human_date(item.due)}  {money(item.amount)}")


@charges.command("list")
@line_option
@json_option
@pass_app
def charges_list(app: App, line_name: str | None, as_json: bool) -> None:
    """The line's pending charges with their instalment schedule and the minimum top-up."""
    from kenactl.views.charges import show_charges

    from kenactl.ledger_rules import user_folder
    from kenactl.derived import line_states

    profile = app.load()
    name = profile.line(line_name).name
    show_charges(line_states(profile, app.now, user_folder(app.path))[name].line, app.now, as_json=as_json)


@charges.command("clear")
@line_option
@click.argument("number", type=click.IntRange(1), required=False)
@pass_app
def charges_clear(app: App, line_name: str | None, number: int | None) -> None:
    """Remove charge NUMBER (as in 'charges list'), or every pending charge of the line."""
    from kenactl.ledger_rules import user_folder
    from kenactl.core.money import ZERO
    from kenactl.derived import line_states

    folder = user_folder(app.path)

    def pending(profile: Profile) -> list:
        """The stored charges still unpaid now, in the order 'charges list' numbers them."""
        line = profile.line(line_name)
        unpaid = {replace(charge, paid=ZERO) for charge in line_states(profile, app.now, folder)[line.name].line.charges}
        return [charge for charge in line.charges if replace(charge, paid=ZERO) in unpaid]

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        listed = pending(profile)
        if not listed:
            raise InputError(_("line {name} has no pending charges").format(name=repr(line.name)))
        if number is not None and number > len(listed):
            raise InputError(_("line {name} has charges 1-{count}; there is no {number}").format(
                name=repr(line.name), count=len(listed), number=number))
        dropped = listed if number is None else [listed[number - 1]]
        return profile.with_line(replace(line, charges=tuple(c for c in line.charges if c not in dropped)))

    updated = app.update(change)
    left = len(pending(updated))
    updated = updated.line(line_name)
    click.echo(ngettext("Line {name}: {count} pending charge(s) left.", "Line {name}: {count} pending charge(s) left.",
                        left).format(name=repr(updated.name), count=left))


COMMANDS = (charges,)
