"""``status`` and ``usage show``: JSON and blocks, the SIM validity's row and warning among them."""

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kenactl.core.model import UsageSample
from kenactl.core.money import format_money
from kenactl.core.status import BLOCKED, RESTART, SUSPENDED, TOPUP, AllowanceStatus, Household, LineStatus
from kenactl.core.status import household as household_summary
from kenactl.i18n import _, ngettext, number
from kenactl.i18n import money as euros
from kenactl.render import Bar, Fields, Note, Section, Table, emit
from kenactl.text import N_, data_text
from kenactl.views import (
    amount,
    hint,
    human_date,
    human_moment,
    iso,
    kind_name,
    per_day,
    percent_number,
    relative_moment,
)

if TYPE_CHECKING:
    from kenactl.core.validity import SimValidity

RUNS_OUT = {  # one sentence per kind and pace: other languages inflect around the kind
    ("data", "recent"): N_("At the pace of the last 7 days the data runs out on {moment}, before the renewal."),
    ("minutes", "recent"): N_("At the pace of the last 7 days the minutes run out on {moment}, before the renewal."),
    ("sms", "recent"): N_("At the pace of the last 7 days the sms run out on {moment}, before the renewal."),
    ("data", "period"): N_("At the average pace since {start} the data runs out on {moment}, before the renewal."),
    ("minutes", "period"): N_("At the average pace since {start} the minutes run out on {moment}, before the "
                              "renewal."),
    ("sms", "period"): N_("At the average pace since {start} the sms run out on {moment}, before the renewal."),
}
ACTIONS = {  # the household's actions, by kind
    TOPUP: N_("Top up {line} {amount} by {moment} ({relative})."),
    RESTART: N_("Restart possible now on {line} ({amount}), until {moment}."),
    SUSPENDED: N_("Offer suspended on {line} since {since}: top up {amount} to renew it."),
    BLOCKED: N_("Offer blocked on {line} since {since}: top up {amount} to use it again."),
}
STALE = {  # the pace from an old reading puts the run-out in the past
    "data": N_("The data reading of {moment} is stale: at that pace the data would have run out by now. "
               "Record the current usage: {command}"),
    "minutes": N_("The minutes reading of {moment} is stale: at that pace the minutes would have run out by now. "
                  "Record the current usage: {command}"),
    "sms": N_("The sms reading of {moment} is stale: at that pace the sms would have run out by now. "
              "Record the current usage: {command}"),
}


def status_json(report: LineStatus) -> dict[str, Any]:
    """The ``status --json`` object of one line (keys pinned by the README's interface)."""
    line = report.line
    return {
        "name": line.name,
        "default": report.is_default,
        "operator": line.operator,
        "offer": line.offer,
        "note": line.note or None,
        "price": format_money(line.price),
        "credit": format_money(line.credit),
        "renewal_day": line.renewal_day,
        "renewal_time": line.renewal_time.strftime("%H:%M"),
        "next_renewal": report.next_renewal.date().isoformat(),
        "next_renewal_at": iso(report.next_renewal),
        "days_to_renewal": report.days_to_renewal,
        "shortfall": format_money(report.shortfall),
        "min_topup": format_money(report.min_topup),
        "period_start": iso(report.period_start),
        "usage_recorded_at": iso(report.usage_recorded_at),
        "usage_outdated": report.usage_outdated,
        "usage": {item.kind: _allowance_json(item) for item in report.allowances},
        "offer_change_requested": line.pending_offer_change,
        "restart_possible_until": iso(report.restart_until),
        "sim_valid_until": None if report.validity is None or report.validity.ends_on is None
        else report.validity.ends_on.isoformat(),
        **_ledger_json(report),
    }


def renewal_json(renewal) -> dict[str, Any]:
    """A renewal of the ledger: when, kind, outcome, what it charged and left owed."""
    return {"at": iso(renewal.at), "kind": renewal.kind, "outcome": renewal.outcome,
            "charged": format_money(renewal.charged), "owed": format_money(renewal.owed)}


def _ledger_json(report: LineStatus) -> dict[str, Any]:
    """The keys the ledger adds: credit as of, offer usable, last and next renewal, payment."""
    state = report.ledger
    if state is None:
        return {"credit_as_of": None, "offer_usable": True, "last_renewal": None, "payment": report.line.payment}
    return {
        "credit_as_of": iso(state.credit_as_of),
        "offer_usable": state.offer_usable,
        "last_renewal": None if state.last_renewal is None else renewal_json(state.last_renewal),
        "next_renewal": None if state.next_renewal is None else state.next_renewal.date().isoformat(),
        "next_renewal_at": iso(state.next_renewal),
        "payment": report.line.payment,
    }


def _allowance_json(item: AllowanceStatus) -> dict[str, Any]:
    return {
        "used": item.used,
        "included": item.included,
        "percent": percent_number(item.percent),
        "remaining": item.remaining,
        "daily_budget": None if item.daily_budget is None else float(item.daily_budget.quantize(Decimal("0.1"))),
        "runs_out_at": iso(item.runs_out_at),
        "reading_stale": item.reading_stale,
        "pace_per_day": None if item.pace is None else float(item.pace.per_day.quantize(Decimal("0.1"))),
        "pace_basis": None if item.pace is None else item.pace.basis,
    }


def household_json(summary: Household) -> dict[str, Any]:
    """The ``household`` object of ``status --json``: the monthly total and this week's actions."""
    return {"monthly_total": format_money(summary.monthly_total),
            "actions": [{"line": action.line, "kind": action.kind, "amount": format_money(action.amount),
                         "by": iso(action.by)} for action in summary.actions]}


def household_blocks(summary: Household, now: datetime) -> list[Any]:
    """The summary ``status`` opens with: the monthly total, then what to do this week and for whom."""
    from kenactl.i18n import day

    total = ngettext("{amount} for {count} line", "{amount} for {count} lines", summary.lines).format(
        amount=euros(summary.monthly_total), count=summary.lines)
    blocks: list[Any] = [Fields([(_("Monthly total"), total)])]
    for action in summary.actions:
        text = _(ACTIONS[action.kind]).format(
            line=action.line, amount=euros(action.amount), since=action.since and day(action.since.date()),
            moment=action.by and human_moment(action.by), relative=action.by and relative_moment(action.by, now))
        blocks.append(Note(text, "ok" if action.kind == RESTART else "bad"))
    if not summary.actions:
        blocks.append(Note(_("Nothing to do this week."), "ok"))
    return [Section(_("Household"), blocks)]


def status_blocks(report: LineStatus) -> list[Any]:
    """One section per line: money, when the credit was entered, renewal, allowance bars, projections and what
    the offer needs."""
    line = report.line
    credit = euros(line.credit)
    state = report.ledger
    if report.shortfall > 0:
        credit = _("{credit}  (short by {amount})").format(credit=credit, amount=euros(report.shortfall))
    rows = [(_("Offer"), f"{line.offer} ({line.operator})"),
            (_("Price"), _("{price} / month").format(price=euros(line.price))),
            (_("Credit"), credit)]
    if line.note:
        rows.insert(1, (_("Note"), line.note))
    blocks: list[Any] = [Fields([*rows, _next_row(report)])]
    if report.validity is not None and report.validity.ends_on is not None:
        blocks[0].rows.append(validity_row(report.validity))
        blocks.extend(note for note in [validity_note(report.validity)] if note is not None)
    if state is not None and state.credit_as_of is not None:
        blocks.append(Note(_("Credit: {basis} (entered {relative}).").format(
            basis=state.basis, relative=relative_moment(state.credit_as_of, report.now)), "dim"))
    usable = state is None or state.offer_usable  # a suspended bundle has no budget to last
    blocks.extend(_bar(item, budget=usable) for item in report.allowances)
    blocks.extend(_usage_notes(report, usable))
    blocks.extend(_offer_notes(report))
    title = _("{name} (default)").format(name=line.name) if report.is_default else line.name
    return [Section(title, blocks)]


def _usage_notes(report: LineStatus, usable: bool) -> list[Note]:
    """When the usage was recorded (an old reading flagged), and the projections at the pace."""
    line, blocks = report.line, []
    if report.usage_recorded_at is None:
        blocks.append(Note(_("No usage recorded in this period; record it with: {command}").format(
            command=hint("usage set", "--data 3GB", line.name, report.is_default)), "dim"))
    elif report.usage_outdated and not (usable and any(item.reading_stale for item in report.allowances)):
        blocks.append(Note(_("Usage as of {moment} ({relative}): an old reading; record the current usage: "
                             "{command}").format(moment=human_moment(report.usage_recorded_at),
                                                 relative=relative_moment(report.usage_recorded_at, report.now),
                                                 command=hint("usage set", "--data …", line.name, report.is_default)),
                           "warn"))
    else:
        blocks.append(Note(_("Usage as of {moment}.").format(moment=human_moment(report.usage_recorded_at)), "dim"))
    for item in report.allowances if usable else ():
        if item.runs_out_at is not None and item.pace is not None:
            blocks.append(Note(_(RUNS_OUT[item.kind, item.pace.basis]).format(
                moment=human_moment(item.runs_out_at), start=human_date(item.pace.since.date())), "warn"))
        elif item.reading_stale:
            blocks.append(Note(_(STALE[item.kind]).format(moment=human_moment(report.usage_recorded_at), command=hint(
                "usage set", f"--{item.kind} …", line.name, report.is_default)), "warn"))
    return blocks


def _offer_notes(report: LineStatus) -> list[Note]:
    """A pending offer change, a Restart possible now, and what the credit needs for the renewal."""
    line, state, blocks = report.line, report.ledger, []
    if line.pending_offer_change:
        blocks.append(Note(_("An offer change request is pending: it blocks a Restart (clear it with: {command}).")
                           .format(command=hint("line set", "--no-pending-offer-change", line.name, report.is_default)),
                           "warn"))
    if report.restart_until is not None:
        blocks.append(Note(_("Restart possible now, until {moment} ({relative}): {command}").format(
            moment=human_moment(report.restart_until), relative=relative_moment(report.restart_until, report.now),
            command=hint("restart apply", "", line.name, report.is_default).rstrip()), "ok"))
    if state is not None and not state.offer_usable:
        blocks.append(Note(_waiting_text(state), "bad"))
    elif report.min_topup > report.shortfall:
        blocks.append(Note(_("Top up at least {amount} ({shortfall} short + {pending} pending charges) before "
                             "{moment} to renew.").format(
            amount=euros(report.min_topup), shortfall=euros(report.shortfall),
            pending=euros(report.min_topup - report.shortfall), moment=human_moment(report.next_renewal)), "bad"))
    elif report.shortfall > 0:
        blocks.append(Note(_("Top up at least {amount} before {moment} to renew.").format(
            amount=euros(report.shortfall), moment=human_moment(report.next_renewal)), "bad"))
    return blocks


def _next_row(report: LineStatus) -> tuple[str, str]:
    state = report.ledger
    if state is not None and state.next_renewal is None:
        return _("Next renewal"), _("at the top-up that pays it")
    when = relative_moment(report.next_renewal, report.now)
    return _("Next renewal"), f"{human_moment(report.next_renewal)} ({when})"


def _waiting_text(state) -> str:
    """The offer's state after a renewal the credit did not cover."""
    from kenactl.i18n import day

    since = day(state.waiting_since.date())
    outcome = state.last_renewal.outcome if state.last_renewal is not None else "unknown"
    if state.rule.topup == "renews":
        key = {"suspended": N_("Suspended since {since}: top up {amount} to renew now."),
               "not-renewed": N_("Not renewed since {since}: top up {amount} to renew now.")}.get(
            outcome, N_("Not renewed since {since} (what the operator does is not known): top up {amount} to renew."))
    else:
        key = {"negative-credit": N_("Blocked since {since} (renewed into negative credit): top up {amount} to use "
                                     "the offer again."),
               "partially-charged": N_("Blocked since {since} (renewal partly charged): top up {amount} to use the "
                                       "offer again.")}.get(outcome, N_("Blocked since {since}: top up {amount}."))
    return _(key).format(since=since, amount=euros(state.min_topup))


STATUSES = {"verified": N_("verified"), "reported": N_("reported"), "unknown": N_("unknown")}


def _cite(validity: "SimValidity") -> str:
    fact = validity.rule.fact
    values = {"source": str(data_text(fact.source)), "day": fact.as_of.isoformat()}
    if fact.verified:
        return _("[{source}, as of {day}]").format(**values)
    return _("[{source}, as of {day}, {status}]").format(status=_(STATUSES.get(fact.status, fact.status)), **values)


BASES = {"topup": N_("from the last top-up"), "activation": N_("from activation, no top-up recorded")}


def validity_row(validity: "SimValidity") -> tuple[str, str]:
    """``("SIM valid until", "Mon 15 Nov 2027 (340 days left), from the last top-up")``."""
    days = validity.days_left
    if days >= 0:
        left = ngettext("{count} day left", "{count} days left", days).format(count=days)
    else:
        left = ngettext("ended {count} day ago", "ended {count} days ago", -days).format(count=-days)
    basis = f", {_(BASES[validity.basis])}" if validity.basis else ""
    return _("SIM valid until"), f"{human_date(validity.ends_on)} ({left}){basis}"


def validity_note(validity: "SimValidity") -> Note | None:
    """A warning from 30 days before the end of validity on; None while it is far."""
    if not validity.warning:
        return None
    if validity.state == "expiring":
        text = _("The SIM's validity ends on {day}: any top-up before then renews it.").format(
            day=human_date(validity.ends_on))
    elif validity.state == "limited":
        text = _("The SIM's validity ended on {day}: limited service until {until}, then deactivation; "
                 "a top-up renews it.").format(day=human_date(validity.ends_on),
                                               until=human_date(validity.limited_until))
    elif validity.state == "lost":
        text = _("The SIM was deactivated after {day}; reactivation was possible until {until}.").format(
            day=human_date(validity.limited_until), until=human_date(validity.reactivation_until))
    elif validity.reactivation_until is None:
        text = _("The SIM was deactivated after {day}.").format(day=human_date(validity.limited_until))
    else:
        text = _("The SIM was deactivated after {day}; the number can be reactivated until {until}.").format(
            day=human_date(validity.limited_until), until=human_date(validity.reactivation_until))
    note = _("{text} Rule: {rule} {source}").format(text=text, rule=data_text(validity.rule.text),
                                                     source=_cite(validity))
    return Note(note, "warn" if validity.state == "expiring" else "bad")


def _bar(item: AllowanceStatus, budget: bool = True) -> Bar:
    used = amount(item.kind, item.used)
    if item.included is None:
        return Bar(kind_name(item.kind), None, _("{used} used of unlimited").format(used=used))
    if item.included == 0:  # nothing to use up: an empty bar, not a full one
        return Bar(kind_name(item.kind), Decimal(0), _("none included ({used} used)").format(used=used))
    values = {"percent": number(f"{percent_number(item.percent):g}"), "used": used,
              "included": amount(item.kind, item.included)}
    detail = ""
    if budget and item.daily_budget is not None and item.remaining:
        detail = _("{budget} to last").format(budget=per_day(item.kind, item.daily_budget))
    return Bar(kind_name(item.kind), item.percent / 100, _("{percent}%  {used} of {included}").format(**values), detail)


def show_status(reports: list[LineStatus], now: datetime, *, household: bool, as_json: bool) -> None:
    """Print ``status`` for the given lines, opening with the household summary when ``household``."""
    summary = household_summary(reports, now) if household else None

    def blocks() -> list[Any]:
        lines = [block for report in reports for block in status_blocks(report)]
        return lines if summary is None else [*household_blocks(summary, now), *lines]

    def data() -> dict[str, Any]:
        lines = {"lines": [status_json(report) for report in reports]}
        return lines if summary is None else {"household": household_json(summary), **lines}

    emit(blocks, data, as_json=as_json, fit=True)  # only the form printed is built


def show_usage(report: LineStatus, samples: list[UsageSample], *, as_json: bool) -> None:
    """Print ``usage show``: this period's counters and samples."""
    data = {
        "line": report.line.name,
        "period_start": iso(report.period_start),
        "next_renewal": report.next_renewal.date().isoformat(),
        "next_renewal_at": iso(report.next_renewal),
        "usage": {item.kind: _allowance_json(item) for item in report.allowances},
        "samples": [{"at": iso(s.at), "data": s.data, "minutes": s.minutes, "sms": s.sms} for s in samples],
    }
    blocks: list[Any] = [Fields([(_("Line"), report.line.name),
                                 (_("Period"), f"{human_moment(report.period_start)} → "
                                               f"{human_moment(report.next_renewal)}")])]
    blocks.extend(_bar(item) for item in report.allowances)
    if samples:
        blocks.append(Table([_("recorded"), kind_name("data"), kind_name("minutes"), kind_name("sms")],
                            [[human_moment(s.at), amount("data", s.data), str(s.minutes), str(s.sms)]
                             for s in samples], title=_("Samples this period")))
    else:
        blocks.append(Note(_("No usage recorded in this period."), "dim"))
    emit(blocks, data, as_json=as_json, fit=True)


