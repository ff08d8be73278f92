"""``kenactl explain``: what happens at the next renewal if the credit is short, operator by operator."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import MONEY, OPTION, SIGNED_MONEY, json_option, line_option
from kenactl.errors import InputError
from kenactl.i18n import _
from kenactl.paths import exists


def option_values(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """``--option`` pairs as a dict; an empty value or a repeated key is an error here."""
    values: dict[str, str] = {}
    for key, value in pairs:
        if not value:
            raise InputError(None, _("option {key}=: give a value").format(key=key))
        if key in values and values[key] != value:
            raise InputError(None, _("option {key} given twice ({first} and {second})").format(
                key=key, first=values[key], second=value))
        values[key] = value
    return values


@click.command()
@line_option
@click.option("--operator", "operator_id", metavar="OP",
              help="Explain for this operator (kena, tim, vodafone, windtre, iliad, other, or your own).")
@click.option("--price", type=MONEY, help="Monthly price in euros (default: the line's).")
@click.option("--credit", type=SIGNED_MONEY, help="Credit in euros (default: the line's).")
@click.option("--option", "option_pairs", type=OPTION, multiple=True, metavar="KEY=VALUE",
              help="An operator option for this run, e.g. continuita=off (repeatable).")
@click.option("--compare", is_flag=True, help="The same situation for every known operator, side by side.")
@json_option
@pass_app
def explain(app: App, line_name: str | None, operator_id: str | None, price, credit, option_pairs,
            compare: bool, as_json: bool) -> None:
    """What happens at the next renewal if the credit is short, and what to top up by when.

    Uses the line's operator, price, credit, options, pending charges and payment: on a line paid by
    card the renewal is charged to the card, and the short-credit rules apply only if the card payment
    fails. With --operator, --price and --credit it also works without a profile. Every fact shows its source.
    """
    from kenactl.core import charges
    from kenactl.core.explain import explain as explain_one
    from kenactl.core.explain import explain_all
    from kenactl.core.money import ZERO
    from kenactl.knowledge import operators
    from kenactl.views import explain as view

    folder = app.operator_folder
    given = option_values(option_pairs)
    needs_line = line_name is not None or price is None or credit is None or (operator_id is None and not compare)
    line = None
    if needs_line or exists(app.file):
        if not exists(app.file):
            raise InputError(None, _("no profile at {path}: give --operator, --price and --credit "
                               "(or --compare with --price and --credit) to explain without one").format(
                path=app.file))
        from kenactl.derived import line_states

        profile = app.load()
        state = line_states(profile, app.now, folder)[profile.line(line_name).name]
        line = state.line
    price = line.price if price is None else price
    credit = line.credit if credit is None else credit
    renewal = None if line is None else state.next_renewal
    pending = ZERO if line is None else state.owed + charges.pending_at(line, renewal or app.now)
    pending_now = ZERO if line is None else state.owed + charges.pending_at(line, app.now)
    stored = {} if line is None else line.options
    by_card = line is not None and line.payment == "card"
    recovery = None if line is None else charges.card_recovery(line, app.now.date())  # Easy Pay arrears by card
    title = _("hypothetical line") if line is None else _("line {name}").format(name=line.name)
    if compare:
        results = explain_all(operators.load_all(folder), price=price, credit=credit, pending=pending,
                              options={**stored, **given}, renewal=renewal, by_card=by_card)
        view.show_compare(results, _("{title}: every operator").format(title=title), pending=pending_now,
                          recovery=recovery, as_json=as_json)
        return
    operator = operators.load(operator_id or line.operator, folder)
    kept = {key: value for key, value in stored.items() if key in operator.options}
    result = explain_one(operator, price=price, credit=credit, pending=pending, options={**kept, **given},
                         renewal=renewal, by_card=by_card)
    view.show_explain(result, f"{title} · {view.human(operator.name)}", pending=pending_now, recovery=recovery,
                      as_json=as_json)


COMMANDS = (explain,)
