"""``restart check`` and ``restart plan``: JSON forms and blocks."""

from datetime import UTC
from typing import Any

from kenactl.core.money import euros, format_money
from kenactl.core.restart import FACTS, SOURCE, RestartVerdict
from kenactl.core.restart_plan import RestartPlan
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.views import amount, human_date, human_moment, iso, percent_number

SOURCES = (f"Rules: {SOURCE}; confirmed in {FACTS}.",
           "Restart charges the normal monthly price and zeroes the counters (facts.md, mondomobileweb.it "
           "2024-02); the charge and renewal happen \"entro 24 ore\" (reported).")


def check_json(verdict: RestartVerdict) -> dict[str, Any]:
    """The ``restart check --json`` object (the interface other features rely on: keep exactly these keys)."""
    return {
        "eligible": verdict.eligible,
        "eligible_from": iso(verdict.eligible_from),
        "checks": [{"id": item.id, "ok": item.ok, "reason": item.reason, "clears_at": iso(item.clears_at)}
                   for item in verdict.checks],
    }


def _resets_first(verdict: RestartVerdict) -> bool:
    start = verdict.eligible_from
    return start is not None and start.astimezone(UTC) >= verdict.next_renewal.astimezone(UTC)


def verdict_notes(verdict: RestartVerdict) -> list[Note]:
    """The checklist and the verdict as notes."""
    notes = [Note(f"✓ {item.id}: {item.reason}", "ok") if item.ok else Note(f"{item.id}: {item.reason}", "bad")
             for item in verdict.checks]
    if verdict.eligible:
        notes.append(Note("Eligible: a Restart is allowed now (kenactl restart apply).", "ok"))
    elif verdict.eligible_from is not None:
        text = f"Not eligible now; only time rules block: eligible from {human_moment(verdict.eligible_from)}."
        if _resets_first(verdict):
            text += (f" The scheduled renewal at {human_moment(verdict.next_renewal)} refills the bundle first, "
                     f"so usage has to reach 80% again after it.")
        notes.append(Note(text, "warn"))
    elif not verdict.check("renewal_window").ok:
        notes.append(Note(f"Not eligible: the renewal at {human_moment(verdict.next_renewal)} comes first and "
                          f"refills the bundle.", "bad"))
    else:
        blocking = ", ".join(item.id for item in verdict.failing if item.clears_at is None)
        notes.append(Note(f"Not eligible: waiting does not fix {blocking} (see ✗ above).", "bad"))
    return notes


def show_check(verdict: RestartVerdict, *, as_json: bool) -> None:
    """Print ``restart check``."""
    blocks = [Section(f"Restart check: line {verdict.line} at {human_moment(verdict.now)}",
                      [*verdict_notes(verdict), *(Note(text, "dim") for text in SOURCES)])]
    emit(blocks, check_json(verdict), as_json=as_json)


def plan_json(plan: RestartPlan) -> dict[str, Any]:
    """The ``restart plan --json`` object."""
    price = format_money(plan.line.price)
    return {
        "line": plan.line.name,
        "now": iso(plan.now),
        "allowances": [{"kind": item.kind, "used": item.used, "included": item.included,
                        "percent": percent_number(item.percent), "state": item.state,
                        "reaches_80_at": iso(item.reaches_80_at)} for item in plan.allowances],
        "earliest_restart": iso(plan.earliest),
        "why_not": plan.why_not,
        "conditions": list(plan.conditions),
        "price": price,
        "renewal_day_now": plan.line.renewal_day,
        "renewal_day_after": None if plan.earliest is None else plan.earliest.day,
        "renewals_now": [{"at": iso(moment), "charge": price} for moment in plan.renewals_now],
        "renewals_after": [{"at": iso(moment), "charge": price} for moment in plan.renewals_after],
        "charges_until": None if plan.earliest is None else {
            "until": iso(plan.horizon),
            "without_restart": format_money(plan.line.price * plan.charges_now),
            "with_restart": format_money(plan.line.price * plan.charges_after),
        },
        "check": check_json(plan.verdict),
        "sources": list(SOURCES),
    }


def plan_blocks(plan: RestartPlan) -> list[Any]:
    """Allowances at 80%, the earliest Restart and the renewal calendar before and after it."""
    line, price = plan.line, euros(plan.line.price)
    rows = []
    for item in plan.allowances:
        if not item.included:
            rows.append([item.kind, amount(item.kind, item.used), "unlimited", "never counts"])
            continue
        when = {"after_renewal": "not before the renewal", "no_pace": "no pace yet"}.get(item.state)
        if when is None:
            when = human_moment(item.reaches_80_at) + (" (reached)" if item.state == "reached" else "")
        rows.append([item.kind, f"{amount(item.kind, item.used)} of {amount(item.kind, item.included)}",
                     f"{percent_number(item.percent):g}%", when])
    blocks: list[Any] = [Table(["allowance", "used", "percent", "reaches 80% at this pace"], rows)]
    if plan.earliest is None:
        blocks.append(Note(f"No Restart before the renewal: {plan.why_not}.", "warn"))
    else:
        blocks.append(Fields([("Earliest Restart", human_moment(plan.earliest)),
                              ("Renewal day", f"{line.renewal_day} → {plan.earliest.day}")]))
        blocks.extend(Note(f"Also needed then: {text}.", "bad") for text in plan.conditions)
        calendar = [["Restart", "", "", human_date(plan.earliest.date()), price]]
        calendar += [[f"renewal {index + 1}", human_date(before.date()), price, human_date(after.date()), price]
                     for index, (before, after) in enumerate(zip(plan.renewals_now, plan.renewals_after))]
        blocks.append(Table(["", "without Restart", "charge", f"with Restart on {plan.earliest.day}", "charge"],
                            calendar, title="Renewals and charges"))
        blocks.append(Note(f"Up to {human_date(plan.horizon.date())}: {plan.charges_now} charges "
                           f"({euros(plan.line.price * plan.charges_now)}) without Restart, {plan.charges_after} "
                           f"({euros(plan.line.price * plan.charges_after)}) with it.", "info"))
    blocks.append(Note("Seed 000's example: renewal on the 15th, Restart on the 10th → renewals and charges on "
                       "the 10th from then on; a day a month lacks falls on its last day.", "dim"))
    blocks.extend(Note(text, "dim") for text in SOURCES)
    return [Section(f"Restart plan: line {line.name} at {human_moment(plan.now)}", blocks)]


def show_plan(plan: RestartPlan, *, as_json: bool) -> None:
    """Print ``restart plan``."""
    emit(plan_blocks(plan), plan_json(plan), as_json=as_json)
