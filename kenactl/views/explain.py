"""``explain`` and ``explain --compare``: JSON and blocks of ``Explanation`` results."""

from typing import Any

from kenactl.core.explain import Explanation
from kenactl.core.money import euros, format_money
from kenactl.core.rules import Fact
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.views import human_moment

OUTCOMES = {
    "renewed": "renews from the credit",
    "auto-renewed": "paid by the automatic top-up",
    "suspended": "offer suspended",
    "negative-credit": "renewed into negative credit",
    "not-renewed": "not renewed, credit untouched",
    "partially-charged": "partly charged, rest owed",
    "unknown": "unknown: depends on the operator",
}


def _mark(fact: Fact | None) -> str:
    """`` (reported)`` / `` (unknown)`` after a statement that is not verified."""
    return "" if fact is None or fact.verified else f" ({fact.status})"


def explain_json(result: Explanation) -> dict[str, Any]:
    """The ``explain --json`` object (keys pinned by issue 3)."""
    return {
        "operator": result.operator.id,
        "operator_name": result.operator.name,
        "renewal_date": None if result.renewal is None else result.renewal.date().isoformat(),
        "deadline": None if result.renewal is None else result.renewal.isoformat(timespec="seconds"),
        "price": format_money(result.price),
        "credit": format_money(result.credit),
        "pending": format_money(result.pending),
        "covered": result.covered,
        "shortfall": format_money(result.shortfall),
        "min_topup": format_money(result.min_topup),
        "late_fees_max": format_money(result.late_fees_max),
        "outcome": result.outcome,
        "summary": result.summary,
        "options": dict(sorted(result.options.items())),
        "timeline": [{"day": step.day, "event": step.event, "cost": format_money(step.cost)}
                     for step in result.timeline],
        "still_works": [item.text + _mark(item.fact) for item in result.works],
        "rates": [{"item": rate.item, "amount": format_money(rate.amount), "unit": rate.unit}
                  for rate in result.rates],
        "after_topup": result.after_topup_text,
        "option_effects": [{"option": f"{effect.key}={effect.value}", "description": effect.description,
                            "outcome": effect.outcome, "late_fees_max": format_money(effect.late_fees_max)}
                           for effect in result.option_effects],
        "notes": [item.text + _mark(item.fact) for item in result.notes],
        "sources": [{"source": fact.source, "as_of": fact.as_of.isoformat(), "verified": fact.verified,
                     "status": fact.status} for fact in result.sources],
    }


def _rates(result: Explanation) -> str:
    return ", ".join(f"{rate.item} {euros(rate.amount)}/{rate.unit}{_mark(rate.fact)}" for rate in result.rates)


def _todo(result: Explanation) -> Note:
    if result.covered:
        return Note("Nothing to do: the credit covers the renewal.", "ok")
    when = "before the renewal" if result.renewal is None else f"before {human_moment(result.renewal)}"
    pending = f" ({euros(result.shortfall)} short + {euros(result.pending)} pending charges)" if result.pending else ""
    return Note(f"Top up at least {euros(result.min_topup)}{pending} {when}.", "bad")


def explain_blocks(result: Explanation, title: str) -> list[Any]:
    """One section: the situation, the day-by-day timeline, what still works, options and sources."""
    credit = euros(result.credit) + ("" if result.covered else f"  (short by {euros(result.shortfall)})")
    rows = [("Operator", result.operator.name), ("Price", euros(result.price)), ("Credit", credit)]
    if result.pending:
        rows.append(("Pending charges", f"{euros(result.pending)} (taken first at the next top-up)"))
    rows.append(("Renewal", "hypothetical" if result.renewal is None else human_moment(result.renewal)))
    rows.append(("Outcome", OUTCOMES[result.outcome]))
    if result.options:
        rows.append(("Options", ", ".join(f"{key}={value}" for key, value in sorted(result.options.items()))))
    blocks: list[Any] = [Fields(rows)]
    blocks.append(Table(["day", "extra", "what happens"],
                        [[str(step.day), euros(step.cost), step.event + _mark(step.fact)]
                         for step in result.timeline], title="Day by day (day 0 = renewal day)"))
    details = []
    if not result.covered:
        details.append(("Max late fees", euros(result.late_fees_max)))
        if result.works:
            details.append(("Still works", "; ".join(item.text + _mark(item.fact) for item in result.works)))
        if result.rates:
            details.append(("Pay-per-use", _rates(result)))
    details.append(("After a top-up", result.after_topup_text))
    blocks.append(Fields(details))
    blocks.append(_todo(result))
    if result.option_effects:
        blocks.append(Table(["option", "effect"], [
            [f"{effect.key}={effect.value}", f"{OUTCOMES[effect.outcome]}, late fees up to "
                                             f"{euros(effect.late_fees_max)}: {effect.description}"]
            for effect in result.option_effects], title="Options that change the outcome"))
    blocks.extend(Note(item.text + _mark(item.fact), "dim") for item in result.notes)
    if result.sources:
        blocks.append(_sources(result.sources))
    return [Section(title, blocks)]


def _sources(facts) -> Table:
    return Table(["as of", "status", "source"], [[fact.as_of.isoformat(), fact.status, fact.source]
                                                  for fact in facts], title="Sources")


def show_explain(result: Explanation, title: str, *, as_json: bool) -> None:
    """Print ``explain`` for one operator."""
    emit(explain_blocks(result, title), explain_json(result), as_json=as_json)


def show_compare(results: list[Explanation], title: str, *, as_json: bool) -> None:
    """Print ``explain --compare``: one row per operator, then what works and what a top-up does."""
    first = results[0]
    situation = [("Price", euros(first.price)), ("Credit", euros(first.credit))]
    if first.pending:
        situation.append(("Pending charges", euros(first.pending)))
    situation.append(("Renewal", "hypothetical" if first.renewal is None else human_moment(first.renewal)))
    table = Table(["operator", "when credit is short", "max fees", "min top-up"],
                  [[result.operator.name, OUTCOMES[result.outcome], euros(result.late_fees_max),
                    euros(result.min_topup)] for result in results])
    details = []
    for result in results:
        rows = []
        if result.works:
            rows.append(("Still works", "; ".join(item.text + _mark(item.fact) for item in result.works)))
        if result.rates:
            rows.append(("Pay-per-use", _rates(result)))
        rows.append(("After a top-up", result.after_topup_text))
        details.append(Section(result.operator.name, [Fields(rows)]))
    facts = list(dict.fromkeys(fact for result in results for fact in result.sources))
    blocks = [Section(title, [Fields(situation), table]), *details]
    if facts:
        blocks.append(_sources(facts))
    emit(blocks, {"operators": [explain_json(result) for result in results]}, as_json=as_json)
