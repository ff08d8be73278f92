"""``kenactl credit set|topup``."""

from dataclasses import replace

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import SIGNED_MONEY, TOPUP, line_option
from kenactl.i18n import money as euros
from kenactl.core.model import Profile
from kenactl.i18n import _


@click.group()
def credit() -> None:
    """Set the credit or record a top-up."""


@credit.command("set", context_settings={"ignore_unknown_options": True})  # so that "-2.50" is an amount
@line_option
@click.argument("amount", type=SIGNED_MONEY, metavar="EUR")
@pass_app
def credit_set(app: App, line_name: str | None, amount) -> None:
    """Set the credit to EUR (may be negative: kenactl credit set -2.50)."""
    updated = app.update(lambda profile: profile.with_line(replace(profile.line(line_name), credit=amount)))
    click.echo(_("Credit of line {name}: {amount}.").format(
        name=repr(updated.line(line_name).name), amount=euros(amount)))


@credit.command("topup", context_settings={"ignore_unknown_options": True})  # "-5": refused as an amount
@line_option
@click.argument("amount", type=TOPUP, metavar="EUR")
@pass_app
def credit_topup(app: App, line_name: str | None, amount) -> None:
    """Add EUR to the credit and record today as the last top-up.

    Pending charges that are due (see 'kenactl charges list') are taken first, as operators do.
    """
    from kenactl.core.charges import take

    taken = []

    def change(profile: Profile) -> Profile:
        line, taken_now = take(profile.line(line_name), amount, app.now)
        taken[:] = [taken_now]
        return profile.with_line(replace(line, last_topup=app.now.date()))

    updated = app.update(change).line(line_name)
    if taken and taken[0] > 0:
        click.echo(_("Taken first for pending charges: {amount}.").format(amount=euros(taken[0])))
    click.echo(_("Credit of line {name}: {amount}.").format(name=repr(updated.name), amount=euros(updated.credit)))


COMMANDS = (credit,)
