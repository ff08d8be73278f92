"""``kenactl credit set|topup``."""

from dataclasses import replace

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import SIGNED_MONEY, TOPUP, json_option, line_option
from kenactl.cli.results import line_result
from kenactl.core.model import Profile
from kenactl.i18n import _
from kenactl.i18n import money as euros
from kenactl.render import say


@click.group()
def credit() -> None:
    """Set the credit or record a top-up."""


@credit.command("set", context_settings={"ignore_unknown_options": True})  # so that "-2.50" is an amount
@line_option
@click.argument("amount", type=SIGNED_MONEY, metavar="EUR")
@json_option
@pass_app
def credit_set(app: App, line_name: str | None, amount, as_json: bool) -> None:
    """Record the credit the operator shows now: EUR (may be negative: kenactl credit set -2.50).

    It becomes the ledger's basis: later renewals and top-ups are applied to it.
    """
    from kenactl.core.model import Observation

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        return profile.with_line(replace(line, credit=amount, observations=_added(
            line.observations, Observation(at=app.now, credit=amount))))

    updated = app.update(change)
    name = updated.line(line_name).name
    say([_("Credit of line {name}: {amount}.").format(name=repr(name), amount=euros(amount))],
        lambda: line_result(app, updated, name), as_json=as_json)


@credit.command("topup", context_settings={"ignore_unknown_options": True})  # "-5": refused as an amount
@line_option
@click.argument("amount", type=TOPUP, metavar="EUR")
@json_option
@pass_app
def credit_topup(app: App, line_name: str | None, amount, as_json: bool) -> None:
    """Record a top-up of EUR now (or --at).

    Pending charges that are due (see 'kenactl charges list') and amounts a renewal left owed are taken
    first, as operators do; a top-up that covers the price renews a suspended offer.
    """
    from kenactl.core.model import TopUp
    from kenactl.derived import line_states

    folder = app.operator_folder
    before = line_states(app.load(), app.now, folder)

    def change(profile: Profile) -> Profile:
        from kenactl.core.line_facts import dated

        line = dated(profile.line(line_name), app.now)
        return profile.with_line(replace(line, topups=(*line.topups, TopUp(at=app.now, amount=amount))))

    updated = app.update(change)
    name = updated.line(line_name).name
    state = line_states(updated, app.now, folder)[name]
    earlier = before.get(name)
    taken = amount - (state.credit - earlier.credit) if earlier is not None else 0
    renewed = (state.last_renewal is not None and state.last_renewal.kind == "topup"
               and state.last_renewal.at == app.now and (earlier is None or earlier.last_renewal != state.last_renewal))
    if renewed:
        taken -= state.last_renewal.charged
    messages = []
    if taken > 0:
        messages.append(_("Taken first for pending charges: {amount}.").format(amount=euros(taken)))
    if renewed:
        messages.append(_("The offer renewed now: {price} taken from the credit.").format(
            price=euros(state.last_renewal.charged)))
    messages.append(_("Credit of line {name}: {amount}.").format(name=repr(name), amount=euros(state.credit)))

    def result() -> dict:
        from kenactl.core.money import ZERO, format_money

        return line_result(app, updated, name, taken_for_charges=format_money(taken if taken > 0 else ZERO),
                           renewed=renewed)

    say(messages, result, as_json=as_json)


def _added(facts: tuple, fact) -> tuple:
    """``facts`` with ``fact``, in time order; a fact at the same moment is replaced (a corrected entry)."""
    from kenactl.core.dates import instant

    kept = [item for item in facts if instant(item.at) != instant(fact.at)]
    return tuple(sorted([*kept, fact], key=lambda item: instant(item.at)))


COMMANDS = (credit,)
