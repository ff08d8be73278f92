"""What happens at a renewal the credit may not cover, driven only by an operator's data (``Operator``).

``explain`` turns (rules, price, credit, pending charges, options, renewal moment) into an
``Explanation``: whether the credit covers the renewal, and if not, the day-by-day timeline with its
fees, what still works, what a later top-up does, which options would change the outcome, the
least top-up and its deadline, and the sources of every fact used. On a line paid by card or bank
account the renewal is charged to the card (nothing to top up), and the short-credit answer is kept
as ``if_card_fails``: the operator's rules apply to the credit only if the card payment fails.

Texts from the operator data stay plain English strings (their msgids); texts made here are ``Msg``
objects. Either way JSON shows them in English and people in their language (see ``views.explain``).
"""

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from kenactl.core import money
from kenactl.core.money import ZERO, format_money
from kenactl.core.operator import Fact, Operator, Rate, Statement
from kenactl.core.record import record, replace
from kenactl.errors import InputError
from kenactl.text import Money, Msg, data_text

Text = str | Msg  # a data text (its own msgid) or a message made here


@record
class Step:
    """One entry of the timeline: ``day`` days after the renewal, what happens and its extra cost."""

    day: int
    event: Text
    cost: Decimal | None  # None: the sources state no amount
    fact: Fact | None = None
    counted_from: str = "renewal"  # or "credit-used-up": ``day`` counts from when the credit runs out
    per_day_of_use: bool = False  # ``cost`` is charged only if the day is actually used


@record
class OptionEffect:
    """Setting option ``key`` to ``value`` would change the outcome like this."""

    key: str
    value: str
    description: str
    outcome: str
    late_fees_max: Decimal | None
    fact: Fact


@record
class Explanation:
    """The answer of ``kenactl explain`` for one operator."""

    operator: Operator
    renewal: datetime | None
    price: Decimal
    credit: Decimal
    pending: Decimal
    options: dict[str, str]
    covered: bool  # the renewal is paid: by the credit, an automatic top-up or the card
    outcome: str  # "renewed", "auto-renewed", "charged-to-card" or the operator's short-credit outcome
    summary: Text
    shortfall: Decimal
    min_topup: Decimal
    late_fees_max: Decimal | None  # None: the sources do not state the fees
    topup_after_fees: Decimal | None  # the least top-up after the late-fee days (with the most fees)
    timeline: tuple[Step, ...]
    works: tuple[Statement, ...]
    rates: tuple[Rate, ...]
    after_topup: tuple[Statement, ...]
    notes: tuple[Statement, ...]
    option_effects: tuple[OptionEffect, ...]
    sources: tuple[Fact, ...]
    by_card: bool = False  # the line pays its renewals by card or bank account
    if_card_fails: "Explanation | None" = None  # by card: what the credit alone would do (the rules above)

    def after_topup_text(self, show: Callable[[Text], str], mark: Callable[[Fact], str] = lambda fact: "") -> str:
        """What a later top-up does, as one text shown with ``show`` (first: the pending charges it pays);
        ``mark`` gives what follows a statement that is not verified."""
        parts = [show(item.text) + mark(item.fact) for item in self.after_topup]
        if self.pending > 0 and not self.covered:
            parts.insert(0, show(Msg("your pending charges of {amount} are taken first", amount=Money(self.pending))))
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "." if text else show(Msg("No top-up is needed for this renewal."))


@record
class _Case:
    """One answer (short credit, covered, or paid by an automatic top-up): its outcome, summary and timeline, and
    the statements and rates that apply."""

    outcome: str
    summary: Text
    timeline: tuple[Step, ...]
    works: tuple[Statement, ...]
    rates: tuple[Rate, ...]
    after_topup: tuple[Statement, ...]
    notes: tuple[Statement, ...]

    @property
    def late_fees_max(self) -> Decimal | None:
        costs = [step.cost for step in self.timeline]
        return None if None in costs else sum(costs, ZERO)

    @property
    def spends_credit(self) -> bool:
        """Whether some fee comes only once the credit left is used up (then a top-up must pay it all)."""
        return any(step.counted_from == "credit-used-up" for step in self.timeline)


def _credit_after(outcome: str, credit: Decimal, price: Decimal) -> Decimal:
    """The credit right after a renewal the credit does not cover."""
    if outcome == "negative-credit":
        return credit - price
    if outcome == "partially-charged":
        return min(credit, ZERO)
    return credit


def _short_case(operator: Operator, options: dict[str, str], price: Decimal, credit: Decimal,
                pending: Decimal) -> _Case:
    """The outcome of a short renewal under ``options`` (already complete and checked).

    An event ``only_if`` "credit-used-up" counts its days from when the credit left after the renewal
    runs out (from the renewal when none is left). ``only_if`` "earlier-charges-paid" drops an event or
    statement while ``pending`` charges are unpaid, and each charged event dropped says so.
    """
    for rule in operator.options.values():
        if options[rule.key] in rule.auto_renews:
            description = rule.values[options[rule.key]]
            pays = Statement(Msg("the renewal is paid by the automatic top-up ({option})",
                                 option=f"{rule.key}={options[rule.key]}"), rule.fact)
            step = Step(0, Msg("Renewal paid automatically: {description}", description=data_text(description)),
                        ZERO, rule.fact)
            return _Case("auto-renewed", description, (step,),
                         (Statement(Msg("everything included in the offer"), rule.fact),), (), (pays,), ())
    short = operator.short_credit
    credit_after = _credit_after(short.outcome, credit, price)
    values = {"credit": credit, "price": price, "shortfall": money.shortfall(credit, price),
              "credit_after": credit_after}
    # Decimals in a Msg are shown with the language's decimal mark; the template adds the "€".
    first = Step(0, Msg(short.day0, **{key: Decimal(format_money(value)) for key, value in values.items()}),
                 ZERO, short.fact)
    unpaid = pending > 0

    def applying(statements):
        return tuple(item for item in statements if item.when.holds(options)
                     and not (unpaid and item.only_if == "earlier-charges-paid"))

    steps = [first]
    for item in sorted((item for item in operator.timeline if item.when.holds(options)), key=lambda e: e.day):
        if unpaid and item.only_if == "earlier-charges-paid":
            if item.cost != ZERO:
                steps.append(Step(item.day, Msg("Not available: {event} (it needs earlier charges paid, and "
                                                "{amount} are unpaid)", event=data_text(item.event),
                                                amount=Money(pending)), ZERO, item.fact))
        else:
            waits = item.only_if == "credit-used-up" and credit_after > 0
            steps.append(Step(item.day, item.event, item.cost, item.fact,
                              "credit-used-up" if waits else "renewal", item.per_day_of_use))
    rates = tuple(rate for rate in operator.rates if rate.when.holds(options))
    return _Case(short.outcome, short.summary, tuple(steps), applying(operator.works), rates,
                 applying(operator.after_topup), applying(operator.notes))


def explain(operator: Operator, *, price: Decimal, credit: Decimal, pending: Decimal = ZERO,
            options: dict[str, str] | None = None, renewal: datetime | None = None,
            by_card: bool = False) -> Explanation:
    """Explain the renewal at ``renewal`` (None: hypothetical) of an offer costing ``price``.

    ``pending`` is what the operator takes first at the next top-up; ``options`` are the line's
    option values (keys not declared by the operator are an ``InputError`` naming the valid ones).
    ``by_card``: the line pays by card or bank account, so the renewal is charged to it.
    """
    if by_card:
        return _by_card(explain(operator, price=price, credit=credit, pending=pending, options=options,
                                renewal=renewal))
    chosen = operator.effective(options or {})
    shortfall = money.shortfall(credit, price)
    if shortfall == 0:
        step = Step(0, Msg("Offer renews: {price} taken from the credit, {left} left", price=Money(price),
                           left=Money(credit - price)), ZERO)
        case = _Case("renewed", Msg("the credit covers the renewal"), (step,), (), (), (), ())
        effects: tuple[OptionEffect, ...] = ()
        min_topup = after_fees = ZERO
    else:
        case = _short_case(operator, chosen, price, credit, pending)
        effects = tuple(_effects(operator, chosen, price, credit, pending, case))
        min_topup = money.min_topup(credit, price, pending)
        fees = case.late_fees_max
        # After the late-fee days the top-up pays the fees too; fees that wait for the credit to run
        # out mean the credit is gone, so the whole price is missing then.
        spent = money.min_topup(ZERO, price, pending) if case.spends_credit else min_topup
        after_fees = None if fees is None else spent + fees
    facts = [step.fact for step in case.timeline if step.fact is not None]
    facts += [item.fact for group in (case.works, case.rates, case.after_topup, case.notes) for item in group]
    facts += [effect.fact for effect in effects]
    return Explanation(
        operator=operator, renewal=renewal, price=price, credit=credit, pending=pending, options=chosen,
        covered=shortfall == 0, outcome=case.outcome, summary=case.summary, shortfall=shortfall,
        min_topup=min_topup, late_fees_max=case.late_fees_max, topup_after_fees=after_fees, timeline=case.timeline,
        works=case.works,
        rates=case.rates, after_topup=case.after_topup, notes=case.notes, option_effects=effects,
        sources=tuple(dict.fromkeys(facts)),
    )


def _by_card(if_card_fails: Explanation) -> Explanation:
    """The renewal charged to the card: covered, nothing to top up, the credit untouched; ``if_card_fails``
    (the answer for the credit alone) keeps the operator's rules, which apply only if the card payment fails."""
    price, credit = if_card_fails.price, if_card_fails.credit
    step = Step(0, Msg("Renewal charged to the card: {price}; the credit stays {credit}", price=Money(price),
                       credit=Money(credit)), ZERO)
    return replace(if_card_fails, covered=True, outcome="charged-to-card",
                   summary=Msg("the renewal is charged to the card or bank account the line pays with"),
                   shortfall=ZERO, min_topup=ZERO, late_fees_max=ZERO, topup_after_fees=ZERO, timeline=(step,),
                   works=(), rates=(), after_topup=(), notes=(), option_effects=(), by_card=True,
                   if_card_fails=if_card_fails)


def _effects(operator: Operator, chosen: dict[str, str], price: Decimal, credit: Decimal, pending: Decimal,
             current: _Case):
    """Each other option value that changes the outcome or the maximum fees."""
    for key, rule in operator.options.items():
        for value, description in rule.values.items():
            if value == chosen[key]:
                continue
            other = _short_case(operator, {**chosen, key: value}, price, credit, pending)
            if (other.outcome, other.late_fees_max, other.timeline) != (current.outcome, current.late_fees_max,
                                                                       current.timeline):
                yield OptionEffect(key, value, description, other.outcome, other.late_fees_max, rule.fact)


def explain_all(operators: list[Operator], *, price: Decimal, credit: Decimal, pending: Decimal = ZERO,
                options: dict[str, str] | None = None, renewal: datetime | None = None,
                by_card: bool = False) -> list[Explanation]:
    """The same situation for every operator; each gets the given options it declares, else its defaults."""
    options = options or {}
    known_keys = {key for operator in operators for key in operator.options}
    unknown = sorted(set(options) - known_keys)
    if unknown:
        raise InputError(None, Msg("option {key} applies to no operator; options are: {options}",
            key=repr(unknown[0]), options=", ".join(sorted(known_keys))))
    return [explain(operator, price=price, credit=credit, pending=pending, renewal=renewal, by_card=by_card,
                    options={key: value for key, value in options.items() if key in operator.options})
            for operator in operators]
