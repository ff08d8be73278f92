"""``kenactl credit set|topup``."""

from decimal import Decimal

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import DATE, SIGNED_MONEY, TOPUP, json_option, line_option
from kenactl.cli.results import line_result
from kenactl.core.model import Profile
from kenactl.core.record import replace
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
    from kenactl.core.model import Amounts, Observation

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        observations = _added(line.observations, Observation(at=app.now, credit=amount))
        return profile.with_line(replace(line, credit=amount, observations=Amounts.of(Observation, observations)))

    updated = app.update(change)
    name = updated.line(line_name).name
    say([_("Credit of line {name}: {amount}.").format(name=repr(name), amount=euros(amount))],
        lambda: line_result(app, updated, name), as_json=as_json)


@credit.command("topup", context_settings={"ignore_unknown_options": True})  # "-5": refused as an amount
@line_option
@click.argument("amount", type=TOPUP, metavar="EUR")
@click.option("--date", "day", type=DATE, metavar="DATE",
              help="The day the top-up was made, if earlier than today (counted at 12:00 that day).")
@json_option
@pass_app
def credit_topup(app: App, line_name: str | None, amount, day, as_json: bool) -> None:
    """Record a top-up of EUR now (or --at), or made on an earlier --date.

    Pending charges that are due (see 'kenactl charges list') and amounts a renewal left owed are taken
    first, as operators do; a top-up that covers the price renews a suspended offer. A top-up made before
    a credit you entered counts for the SIM's validity and the charges, not again for that credit.
    """
    from kenactl.core.dates import instant
    from kenactl.core.line_facts import dated, topup_moment
    from kenactl.core.model import Amounts, TopUp
    from kenactl.derived import line_states
    from kenactl.views import human_date

    folder = app.operator_folder
    before = line_states(app.load(), app.now, folder)
    moments: list = []

    def change(profile: Profile) -> Profile:
        line = dated(profile.line(line_name), app.now)
        moments[:] = [topup_moment(line, day, app.now)]
        topups = sorted((*line.topups, TopUp(at=moments[0], amount=amount)), key=lambda item: instant(item.at))
        return profile.with_line(replace(line, topups=Amounts.of(TopUp, topups)))

    updated = app.update(change)
    at = moments[0]
    name = updated.line(line_name).name
    state = line_states(updated, app.now, folder)[name]
    earlier = before.get(name)
    taken = _unpaid(earlier) - _unpaid(state) if earlier is not None else 0
    renewed = next((item for item in state.renewals if item.kind == "topup" and instant(item.at) == instant(at)
                    and (earlier is None or item not in earlier.renewals)), None)
    messages = []
    if taken > 0:
        messages.append(_("Taken first for pending charges: {amount}.").format(amount=euros(taken)))
    if renewed is not None and at == app.now:
        messages.append(_("The offer renewed now: {price} taken from the credit.").format(
            price=euros(renewed.charged)))
    elif renewed is not None:
        messages.append(_("The offer renewed on {day}: {price} taken from the credit.").format(
            day=human_date(at.date()), price=euros(renewed.charged)))
    observed = [item.at for item in updated.line(line_name).observations if instant(item.at) > instant(at)]
    if observed:
        messages.append(_("Recorded on {day}, before the credit you entered on {entered}, which already includes "
                          "it.").format(day=human_date(at.date()), entered=human_date(observed[0].date())))
    messages.append(_("Credit of line {name}: {amount}.").format(name=repr(name), amount=euros(state.credit)))

    def result() -> dict:
        from kenactl.core.money import ZERO, format_money

        return line_result(app, updated, name, taken_for_charges=format_money(taken if taken > 0 else ZERO),
                           renewed=renewed is not None)

    say(messages, result, as_json=as_json)


def _unpaid(state) -> Decimal:
    """What the line still owes at the state's moment: the recorded charges not yet paid and the owed amounts."""
    return sum((charge.amount - charge.paid for charge in state.line.charges if not charge.by_card), state.owed)


def _added(facts: tuple, fact) -> tuple:
    """``facts`` with ``fact``, in time order; a fact at the same moment is replaced (a corrected entry)."""
    from kenactl.core.dates import instant

    kept = [item for item in facts if instant(item.at) != instant(fact.at)]
    return tuple(sorted([*kept, fact], key=lambda item: instant(item.at)))


COMMANDS = (credit,)
