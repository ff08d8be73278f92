"""``restart check`` and ``restart plan``: JSON forms (English) and blocks (in the chosen language)."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kenactl.core.money import format_money
from kenactl.core.restart import KIND_NAMES, SOURCE, RestartVerdict, amount, label
from kenactl.i18n import _, day, moment, money, ngettext, number
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.text import Msg
from kenactl.views import iso, percent_number

if TYPE_CHECKING:  # ``restart check`` does without the planner
    from kenactl.core.restart_plan import RestartPlan

SOURCES = (Msg("Rules: {source}.", source=Msg(SOURCE)),
           Msg("Restart charges the normal monthly price and zeroes the counters (mondomobileweb.it 2024-02); "
               "the charge and renewal happen \"entro 24 ore\" (reported)."))


def check_json(verdict: RestartVerdict) -> dict[str, Any]:
    """The ``restart check --json`` object (the interface other features rely on: keep exactly these keys)."""
    return {
        "eligible": verdict.eligible,
        "eligible_from": iso(verdict.eligible_from),
        "checks": [{"id": item.id, "ok": item.ok, "reason": item.reason, "clears_at": iso(item.clears_at)}
                   for item in verdict.checks],
    }


def verdict_notes(verdict: RestartVerdict) -> list[Note]:
    """The checklist and the verdict as notes."""
    notes = [Note(f"✓ {label(item.id)}: {item.message}", "ok") if item.ok
             else Note(f"{label(item.id)}: {item.message}", "bad") for item in verdict.checks]
    if verdict.eligible:
        notes.append(Note(_("Eligible: a Restart is allowed now (kenactl restart apply)."), "ok"))
    elif verdict.eligible_from is not None:
        notes.append(Note(_("Not eligible now; only time rules block: eligible from {start}.").format(
            start=moment(verdict.eligible_from)), "warn"))
    elif verdict.no_wait is not None:
        notes.append(Note(_("Not eligible before the renewal: {why}.").format(why=verdict.no_wait), "bad"))
    elif not verdict.check("renewal_window").ok:
        notes.append(Note(_("Not eligible: the renewal at {renewal} comes first and refills the bundle.").format(
            renewal=moment(verdict.next_renewal)), "bad"))
    else:
        blocking = ", ".join(str(label(item.id)) for item in verdict.failing if item.clears_at is None)
        notes.append(Note(_("Not eligible: waiting does not fix {blocking} (see ✗ above).").format(
            blocking=blocking), "bad"))
    return notes


def show_check(verdict: RestartVerdict, *, as_json: bool) -> None:
    """Print ``restart check``."""
    def blocks() -> list[Section]:
        title = _("Restart check: line {line} at {now}").format(line=verdict.line, now=moment(verdict.now))
        return [Section(title, [*verdict_notes(verdict), *(Note(str(text), "dim") for text in SOURCES)])]

    emit(blocks, lambda: check_json(verdict), as_json=as_json)


def plan_json(plan: "RestartPlan") -> dict[str, Any]:
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
        "conditions": [text.english() for text in plan.conditions],
        "price": price,
        "renewal_day_now": plan.line.renewal_day,
        "renewal_day_after": None if plan.earliest is None else plan.earliest.day,
        "renewals_now": [{"at": iso(at), "charge": price} for at in plan.renewals_now],
        "renewals_after": [{"at": iso(at), "charge": price} for at in plan.renewals_after],
        "charges_until": None if plan.earliest is None else {
            "until": iso(plan.horizon),
            "without_restart": format_money(plan.line.price * plan.charges_now),
            "with_restart": format_money(plan.line.price * plan.charges_after),
        },
        "check": check_json(plan.verdict),
        "sources": [text.english() for text in SOURCES],
    }


def _percent(value: Decimal | None) -> str:
    return f"{number(Decimal(f'{percent_number(value):g}'))}%"


def _allowance_rows(plan: "RestartPlan") -> list[list[str]]:
    rows = []
    for item in plan.allowances:
        kind = _(KIND_NAMES[item.kind])
        if not item.included:
            rows.append([kind, str(amount(item.kind, item.used)), _("unlimited"), _("never counts")])
            continue
        when = {"after_renewal": _("not before the renewal"), "no_pace": _("no pace yet"),
                "reading_stale": _("reading stale")}.get(item.state)
        if when is None:
            when = moment(item.reaches_80_at) + (_(" (reached)") if item.state == "reached" else "")
        rows.append([kind, _("{used} of {included}").format(used=amount(item.kind, item.used),
                                                            included=amount(item.kind, item.included)),
                     _percent(item.percent), when])
    return rows


def plan_blocks(plan: "RestartPlan") -> list[Any]:
    """Allowances at 80%, the earliest Restart and the renewal calendar before and after it."""
    line, price = plan.line, money(plan.line.price)
    blocks: list[Any] = [Table([_("allowance"), _("used"), _("percent"), _("reaches 80% at this pace")],
                               _allowance_rows(plan))]
    if plan.earliest is None:
        blocks.append(Note(_("No Restart before the renewal: {why}.").format(why=plan.obstacle), "warn"))
    else:
        blocks.append(Fields([(_("Earliest Restart"), moment(plan.earliest)),
                              (_("Renewal day"), f"{line.renewal_day} → {plan.earliest.day}")]))
        blocks.extend(Note(_("Also needed then: {condition}.").format(condition=text), "bad")
                      for text in plan.conditions)
        calendar = [[_("Restart"), "", "", day(plan.earliest.date()), price]]
        calendar += [[_("renewal {number}").format(number=index + 1), day(before.date()), price,
                      day(after.date()), price]
                     for index, (before, after) in enumerate(zip(plan.renewals_now, plan.renewals_after, strict=False))]
        headers = ["", _("without Restart"), _("charge"),
                   _("with Restart on {day}").format(day=plan.earliest.day), _("charge")]
        blocks.append(Table(headers, calendar, title=_("Renewals and charges")))
        blocks.append(Note(ngettext(
            "Up to {until}: {count} charge ({without}) without Restart, {count_after} ({with_restart}) with it.",
            "Up to {until}: {count} charges ({without}) without Restart, {count_after} ({with_restart}) with it.",
            plan.charges_now).format(until=day(plan.horizon.date()), count=plan.charges_now,
                                     without=money(plan.line.price * plan.charges_now),
                                     count_after=plan.charges_after,
                                     with_restart=money(plan.line.price * plan.charges_after)), "info"))
    blocks.append(Note(_("The March 2024 news item's example: renewal on the 15th, Restart on the 10th → renewals "
                         "and charges on the 10th from then on. kenactl's rules, not the news item's: a day a month "
                         "lacks falls on its last day, and the renewal time moves to the Restart's minute when that "
                         "is earlier."), "dim"))
    blocks.extend(Note(str(text), "dim") for text in SOURCES)
    title = _("Restart plan: line {line} at {now}").format(line=line.name, now=moment(plan.now))
    return [Section(title, blocks)]


def show_plan(plan: "RestartPlan", *, as_json: bool) -> None:
    """Print ``restart plan``."""
    emit(plan_blocks(plan), plan_json(plan), as_json=as_json)
