"""``explain`` and ``explain --compare``: JSON and blocks of ``Explanation`` results.

JSON keeps every text in English; the blocks show data texts through ``_()`` and messages in the
current language. A line paid by card shows its renewal charged to the card, then the operator's
short-credit answer under "If the card payment fails" (``if_card_fails`` in JSON).
"""

from datetime import date
from decimal import Decimal
from typing import Any

from kenactl.core.explain import Explanation, Text
from kenactl.core.money import format_money
from kenactl.core.operator import Fact
from kenactl.i18n import _, money
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.text import N_, Msg, data_text
from kenactl.views import human_date, human_moment

OUTCOMES = {
    "renewed": N_("renews from the credit"),
    "auto-renewed": N_("paid by the automatic top-up"),
    "charged-to-card": N_("charged to the card"),
    "suspended": N_("offer suspended"),
    "negative-credit": N_("renewed into negative credit"),
    "not-renewed": N_("not renewed, credit untouched"),
    "partially-charged": N_("partly charged, rest owed"),
    "unknown": N_("unknown: depends on the operator"),
}
STATUSES = {"verified": N_("verified"), "reported": N_("reported"), "unknown": N_("unknown")}
Recovery = tuple[Decimal, date] | None  # card arrears: the next instalment and the last one's day
# The keys of ``if_card_fails``: the answer itself, without the situation (operator, price, ...) or sources.
CASE_KEYS = ("covered", "shortfall", "min_topup", "late_fees_max", "topup_after_fees", "outcome", "summary",
             "timeline", "still_works", "rates", "after_topup", "option_effects", "notes")


def english(text: Text) -> str:
    """A text as JSON shows it."""
    return text.english() if isinstance(text, Msg) else text


def human(text: Text) -> str:
    """A text in the current language (data texts are their own msgids)."""
    return str(data_text(text))


def _mark(fact: Fact | None, show=english) -> str:
    """`` (reported)`` / `` (unknown)`` after a statement that is not verified."""
    return "" if fact is None or fact.verified else f" ({show(STATUSES.get(fact.status, fact.status))})"


def _mark_human(fact: Fact | None) -> str:
    return _mark(fact, human)


def _said(text: Text, fact: Fact | None, show=human) -> str:
    """A statement or event with its mark, in ``show``'s language."""
    return show(text) + _mark(fact, show)


def _amount_json(value) -> str:
    """Money as JSON shows it; ``unknown`` where the sources state no amount."""
    return "unknown" if value is None else format_money(value)


def _amount(value) -> str:
    """Money for people; "unknown" where the sources state no amount."""
    return _("unknown") if value is None else money(value)


def _step_cost(step) -> str:
    if step.per_day_of_use and step.cost:
        return _("up to {amount}").format(amount=money(step.cost))
    return _amount(step.cost)


def _day(step) -> str:
    if step.counted_from == "credit-used-up":
        return _("{day} after the credit runs out").format(day=step.day)
    return str(step.day)


def _step_json(step) -> dict[str, Any]:
    item = {"day": step.day, "event": _said(step.event, step.fact, english), "cost": _amount_json(step.cost)}
    if step.counted_from != "renewal":  # the day counts from when the credit runs out
        item["counted_from"] = step.counted_from
    if step.per_day_of_use:  # the cost is charged only if the day is actually used
        item["per_day_of_use"] = True
    return item


def explain_json(result: Explanation, pending: Decimal, recovery: Recovery = None) -> dict[str, Any]:
    """The ``explain --json`` object (its keys are documented in the README and pinned by the tests).

    ``pending``: the charges due and unpaid now (the README's one meaning of the key); the charges
    due by the renewal, which the minimum top-up counts, are ``pending_by_renewal``. On a line paid by card,
    ``if_card_fails`` holds the short-credit answer (``null`` otherwise); ``recovery``: the next card instalment of
    arrears and the last one's day (``charges.card_recovery``), if any.
    """
    fails = result.if_card_fails
    return {
        "operator": result.operator.id,
        "operator_name": result.operator.name,
        "next_renewal": None if result.renewal is None else result.renewal.date().isoformat(),
        "next_renewal_at": None if result.renewal is None else result.renewal.isoformat(timespec="seconds"),
        "price": format_money(result.price),
        "credit": format_money(result.credit),
        "pending": format_money(pending),
        "pending_by_renewal": format_money(result.pending),
        "by_card": result.by_card,
        "card_recovery_until": None if recovery is None else recovery[1].isoformat(),
        "covered": result.covered,
        "shortfall": format_money(result.shortfall),
        "min_topup": format_money(result.min_topup),
        "late_fees_max": _amount_json(result.late_fees_max),
        "topup_after_fees": _amount_json(result.topup_after_fees),
        "outcome": result.outcome,
        "summary": english(result.summary),
        "options": dict(sorted(result.options.items())),
        "timeline": [_step_json(step) for step in result.timeline],
        "still_works": [_said(item.text, item.fact, english) for item in result.works],
        "rates": [{"item": rate.item, "amount": format_money(rate.amount), "unit": rate.unit}
                  for rate in result.rates],
        "after_topup": result.after_topup_text(english, lambda fact: _mark(fact, english)),
        "option_effects": [{"option": f"{effect.key}={effect.value}",
                            "description": _said(effect.description, effect.fact, english),
                            "outcome": effect.outcome, "late_fees_max": _amount_json(effect.late_fees_max)}
                           for effect in result.option_effects],
        "notes": [_said(item.text, item.fact, english) for item in result.notes],
        "if_card_fails": None if fails is None else {
            key: value for key, value in explain_json(fails, pending).items() if key in CASE_KEYS},
        "sources": [{"source": fact.source, "as_of": fact.as_of.isoformat(), "verified": fact.verified,
                     "status": fact.status} for fact in result.sources],
    }


def _rates(result: Explanation) -> str:
    return ", ".join(f"{human(rate.item)} {money(rate.amount)}/{human(rate.unit)}{_mark(rate.fact, human)}"
                     for rate in result.rates)


def _todo(result: Explanation, tone: str = "bad") -> Note:
    """What to top up by when (``tone``: how a needed top-up is shown)."""
    if result.by_card:
        return Note(_("Nothing to top up: the renewal of {price} ({moment}) is charged to the card; "
                      "the least top-up is {zero}.").format(price=money(result.price), moment=_renewal(result),
                                                           zero=money(result.min_topup)), "ok")
    if result.covered:
        return Note(_("Nothing to do: the credit covers the renewal."), "ok")
    when = (_("before the renewal") if result.renewal is None
            else _("before {moment}").format(moment=human_moment(result.renewal)))
    if result.pending:
        text = _("Top up at least {amount} ({shortfall} short + {pending} pending charges) {when}.").format(
            amount=money(result.min_topup), shortfall=money(result.shortfall), pending=money(result.pending),
            when=when)
    else:
        text = _("Top up at least {amount} {when}.").format(amount=money(result.min_topup), when=when)
    if result.topup_after_fees is None:
        text += " " + _("After the renewal the late fees are unknown: a later top-up may need more.")
    elif result.topup_after_fees != result.min_topup:
        text += " " + _("After the late-fee days, at least {amount} (with the most fees, {fees}).").format(
            amount=money(result.topup_after_fees), fees=money(result.late_fees_max))
    return Note(text, tone)


def _renewal(result: Explanation) -> str:
    return _("hypothetical") if result.renewal is None else human_moment(result.renewal)


def explain_blocks(result: Explanation, title: str, recovery: Recovery = None) -> list[Any]:
    """One section: the situation, the day-by-day timeline, what still works, options and sources; for a line paid
    by card, the same for a failed card payment in a section of its own."""
    rows = [(_("Operator"), human(result.operator.name)), (_("Price"), money(result.price)),
            (_("Credit"), _credit(result))]
    if result.pending:
        rows.append((_("Pending charges"),
                     _("{amount} (taken first at the next top-up)").format(amount=money(result.pending))))
    rows.append((_("Renewal"), _renewal(result)))
    if result.by_card:
        rows.append((_("Payment"), _("by card / bank account")))
    if recovery is not None:
        rows.append((_("Card arrears"), _("next instalment {amount}, the last on {day}").format(
            amount=money(recovery[0]), day=human_date(recovery[1]))))
    rows.append((_("Outcome"), _(OUTCOMES[result.outcome])))
    if result.options:
        rows.append((_("Options"), ", ".join(f"{key}={value}" for key, value in sorted(result.options.items()))))
    blocks: list[Any] = [Fields(rows), *_case_blocks(result)]
    fails = result.if_card_fails
    if fails is not None:
        blocks.append(Section(_("If the card payment fails"), [
            Note(_("The rules below apply only if the card payment fails. The sources do not say what happens "
                   "then: kenactl's reading is that {operator}'s rules for a renewal the credit does not cover "
                   "apply to the credit.").format(operator=human(result.operator.name)), "dim"),
            Fields([(_("Credit"), _credit(fails)), (_("Outcome"), _(OUTCOMES[fails.outcome]))]),
            *_case_blocks(fails, "warn")]))
    if result.sources:
        blocks.append(_sources(result.sources))
    return [Section(title, blocks)]


def _credit(result: Explanation) -> str:
    if result.covered:
        return money(result.credit)
    return _("{credit}  (short by {amount})").format(credit=money(result.credit), amount=money(result.shortfall))


def _case_blocks(result: Explanation, tone: str = "bad") -> list[Any]:
    """The answer for one way of paying: timeline, what still works, after a top-up, what to do, options, notes."""
    blocks: list[Any] = [Table([_("day"), _("extra"), _("what happens")],
                               [[_day(step), _step_cost(step), _said(step.event, step.fact)]
                                for step in result.timeline], title=_("Day by day (day 0 = renewal day)"))]
    details = []
    if not result.covered:
        details.append((_("Max late fees"), _amount(result.late_fees_max)))
        if result.works:
            details.append((_("Still works"), "; ".join(_said(item.text, item.fact) for item in result.works)))
        if result.rates:
            details.append((_("Pay-per-use"), _rates(result)))
    if not result.by_card:  # by card the note below says it: nothing to top up
        details.append((_("After a top-up"), result.after_topup_text(human, _mark_human)))
        blocks.append(Fields(details))
    blocks.append(_todo(result, tone))
    if result.option_effects:
        blocks.append(Table([_("option"), _("effect")], [
            [f"{effect.key}={effect.value}", _("{outcome}, late fees up to {amount}: {description}").format(
                outcome=_(OUTCOMES[effect.outcome]), amount=_amount(effect.late_fees_max),
                description=_said(effect.description, effect.fact))]
            for effect in result.option_effects], title=_("Options that change the outcome")))
    blocks.extend(Note(_said(item.text, item.fact), "dim") for item in result.notes)
    return blocks


def _sources(facts) -> Table:
    return Table([_("as of"), _("status"), _("source")],
                 [[fact.as_of.isoformat(), human(STATUSES.get(fact.status, fact.status)), human(fact.source)]
                  for fact in facts], title=_("Sources"))


def show_explain(result: Explanation, title: str, *, pending: Decimal, recovery: Recovery = None,
                 as_json: bool) -> None:
    """Print ``explain`` for one operator; ``pending``: the charges due and unpaid now; ``recovery``: card arrears."""
    emit(lambda: explain_blocks(result, title, recovery), lambda: explain_json(result, pending, recovery),
         as_json=as_json)


def show_compare(results: list[Explanation], title: str, *, pending: Decimal, recovery: Recovery = None,
                 as_json: bool) -> None:
    """Print ``explain --compare``: one row per operator, then what works and what a top-up does.

    For a line paid by card every renewal is charged to the card: the rows then say what each operator does
    if the card payment fails, next to the top-up needed now (0.00) and the one needed then.
    """
    first = results[0]
    situation = [(_("Price"), money(first.price)), (_("Credit"), money(first.credit))]
    if first.pending:
        situation.append((_("Pending charges"), money(first.pending)))
    situation.append((_("Renewal"), _renewal(first)))
    if first.by_card:
        situation.append((_("Payment"), _("by card / bank account")))
    if recovery is not None:
        situation.append((_("Card arrears"), _("next instalment {amount}, the last on {day}").format(
            amount=money(recovery[0]), day=human_date(recovery[1]))))
    if first.by_card:
        cases = [result.if_card_fails or result for result in results]
        table = Table([_("operator"), _("if the card payment fails"), _("max fees"), _("min top-up"),
                       _("if it fails")],
                      [[human(case.operator.name), _(OUTCOMES[case.outcome]), _amount(case.late_fees_max),
                        money(result.min_topup), money(case.min_topup)]
                       for result, case in zip(results, cases, strict=True)])
        head = [Fields(situation), Note(_("Renewals are charged to the card: nothing to top up. Each operator's "
                                          "rules below apply only if the card payment fails."), "ok"), table]
    else:
        cases = results
        table = Table([_("operator"), _("when credit is short"), _("max fees"), _("min top-up")],
                      [[human(result.operator.name), _(OUTCOMES[result.outcome]), _amount(result.late_fees_max),
                        money(result.min_topup)] for result in results])
        head = [Fields(situation), table]
    details = []
    for case in cases:
        rows = []
        if case.works:
            rows.append((_("Still works"), "; ".join(_said(item.text, item.fact) for item in case.works)))
        if case.rates:
            rows.append((_("Pay-per-use"), _rates(case)))
        rows.append((_("After a top-up"), case.after_topup_text(human, _mark_human)))
        details.append(Section(human(case.operator.name), [Fields(rows)]))
    facts = list(dict.fromkeys(fact for result in results for fact in result.sources))
    blocks = [Section(title, head), *details]
    if facts:
        blocks.append(_sources(facts))
    emit(blocks, {"operators": [explain_json(result, pending, recovery) for result in results]}, as_json=as_json)
