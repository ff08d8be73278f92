"""``rights``: JSON and blocks for indennizzi, complaints and residual credit, every figure with its source."""

from datetime import date
from typing import Any

from kenactl.charters import Charter
from kenactl.core.money import ZERO, euros, format_money
from kenactl.core.rights import ComplaintStatus, CompensationResult, LeaveAdvice
from kenactl.core.workdays import DAY_KIND_NAMES
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.views import human_date

DAY_UNIT = {"lavorativi": "working day", "feriali": "giorno feriale"}
DAY_UNITS = {"lavorativi": "working days", "feriali": "giorni feriali"}


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _days(count: int, kind: str) -> str:
    return f"{count} {DAY_UNIT[kind] if count == 1 else DAY_UNITS[kind]}"


def charter_json(charter: Charter, chosen_by: str) -> dict[str, Any]:
    """Which edition was applied, how it was chosen, and how sure its start date is."""
    return {"id": charter.id, "title": charter.title, "edition": charter.edition, "source": charter.source,
            "chosen_by": chosen_by, "in_force_from": _iso(charter.in_force_from),
            "in_force_basis": charter.in_force_basis}


def _distinct(charters: list[tuple[Charter, str]]) -> list[tuple[Charter, str]]:
    return list({(charter.id, chosen_by): (charter, chosen_by) for charter, chosen_by in charters}.values())


def _charter_notes(charters: list[tuple[Charter, str]], when: str) -> list[Note]:
    notes = []
    for charter, chosen_by in _distinct(charters):
        how = "named with --charter" if chosen_by == "option" else f"the edition in force {when}"
        notes.append(Note(f"Charter: {charter.title}, {charter.edition} (seed {charter.source}), {how}; "
                          f"dates it applies to: {charter.in_force_basis}.", "dim"))
    return notes


def compensation_json(result: CompensationResult) -> dict[str, Any]:
    """The ``rights compensation --json`` object."""
    charter, rate = result.charter, result.rate
    general = charter.cite(charter.compensation.rate.section)
    return {
        "case": result.case,
        "case_text": result.case_text,
        "charter": charter_json(charter, result.chosen_by),
        "from": result.first.isoformat(),
        "to": result.last.isoformat(),
        "day_kind": rate.days,
        "days": result.count.days,
        "holidays_not_counted": [{"date": day.isoformat(), "name": name} for day, name in result.count.holidays],
        "per_day": format_money(rate.per_day),
        "cap": format_money(rate.cap),
        "not_due_up_to_days": rate.not_due_up_to_days,
        "amount": format_money(result.amount),
        "due": result.due,
        "capped": result.capped,
        "noticed": result.noticed.isoformat(),
        "report_by": _iso(result.report_by),
        "report_deadline_passed": result.report_deadline_passed,
        "payment_method": result.payment_method,
        "payment_within_days": result.payment_within_days,
        "payment_counted_from": result.payment_counted_from,
        "automatic": result.automatic,
        "request": rate.request,
        "sources": {"amount": charter.cite(rate.section), "report_by": general,
                    "payment": charter.cite(rate.section),
                    "automatic": charter.cite(charter.compensation.automatic_section) if result.automatic else None},
        "quote": rate.quote,
    }


def compensation_blocks(result: CompensationResult) -> list[Any]:
    """The indennizzo, its rate, the deadline to report and how it is paid, each with its source."""
    charter, rate, count = result.charter, result.rate, result.count
    cite = f"[{charter.cite(rate.section)}]"
    general = f"[{charter.cite(charter.compensation.rate.section)}]"
    rows = [
        ("Case", f"{result.case_text}  {cite}"),
        ("Days", f"{human_date(result.first)} → {human_date(result.last)}: {_days(count.days, rate.days)}"),
    ]
    if count.holidays:
        rows.append(("Not counted", ", ".join(f"{human_date(day)} {name}" for day, name in count.holidays)))
    rows += [
        ("Rate", f"{euros(rate.per_day)} per {DAY_UNIT[rate.days]}, max {euros(rate.cap)}; nothing for delays of "
                 f"at most {_days(rate.not_due_up_to_days, rate.days)}  {cite}"),
        ("Amount", f"{euros(result.amount)}  {cite}"),
    ]
    if result.report_by is None:
        rows.append(("Report by", f"no deadline stated in this edition  {general}"))
    else:
        rows.append(("Report by", f"{human_date(result.report_by)}: within "
                                  f"{charter.compensation.report_within_months} months of learning of it "
                                  f"({human_date(result.noticed)})  {general}"))
    paid = f"as {result.payment_method}"
    if result.payment_within_days is None:
        paid += f"; no time limit stated in {rate.section}"
    else:
        paid += f", within {result.payment_within_days} days of {result.payment_counted_from}"
    rows.append(("Paid", f"{paid}  {cite}"))
    notes: list[Note] = []
    if not result.due:
        notes.append(Note(f"Not due: {_days(count.days, rate.days)} is not more than the "
                          f"{rate.not_due_up_to_days} the charter excludes {cite}.", "warn"))
    elif result.capped:
        notes.append(Note(f"Capped: {count.days} × {euros(rate.per_day)} = {euros(rate.per_day * count.days)}, "
                          f"the charter pays at most {euros(rate.cap)} {cite}.", "warn"))
    if result.report_deadline_passed:
        notes.append(Note(f"The deadline to report passed on {human_date(result.report_by)}: if you did not "
                          f"report it by then, no indennizzo is paid {general}.", "bad"))
    if result.due and result.automatic is not None:
        auto = f"[{charter.cite(charter.compensation.automatic_section)}]"
        notes.append(Note(f"Automatic indennizzo: {result.automatic} {auto}.", "info"))
    if result.due:
        notes.append(Note(f"Ask for it {rate.request} {cite}.", "info"))
    notes.append(Note(f"Days counted: {DAY_KIND_NAMES[rate.days]}, both ends included.", "dim"))
    notes.append(Note(f"«{rate.quote}» {cite}", "dim"))
    notes.extend(_charter_notes([(charter, result.chosen_by)], f"on the first day of the case "
                                                               f"({human_date(result.first)})"))
    title = f"Indennizzo ({result.case}): {euros(result.amount)}"
    return [Section(title, [Fields(rows), *notes])]


def show_compensation(result: CompensationResult, *, as_json: bool) -> None:
    """Print ``rights compensation``."""
    emit(compensation_blocks(result), compensation_json(result), as_json=as_json)


def complaint_json(status: ComplaintStatus) -> dict[str, Any]:
    """One complaint as of today, with the sources of its figures."""
    complaint, charter = status.complaint, status.charter
    cite = charter.cite(charter.complaints.section)
    return {
        "id": complaint.id,
        "line": complaint.line,
        "subject": complaint.subject,
        "filed": complaint.filed.isoformat(),
        "reply_due": status.reply_due.isoformat(),
        "closed": _iso(complaint.closed),
        "state": status.state,
        "day_kind": charter.complaints.days,
        "days_late": status.days_late,
        "owed": format_money(status.amount),
        "at_cap": status.at_cap,
        "next_increase": _iso(status.next_increase),
        "charter": charter_json(charter, status.chosen_by),
        "sources": {"reply_due": cite, "owed": cite},
    }


STATE_TEXT = {"open": "open", "open-late": "open, reply late", "answered": "answered in time",
              "answered-late": "answered late"}


def complaints_blocks(statuses: list[ComplaintStatus], today: date) -> list[Any]:
    """A table of complaints with what each is owed today, then the rules applied and their sources."""
    if not statuses:
        return [Note("No complaints recorded; add one with: kenactl rights complaint add --date YYYY-MM-DD")]
    rows = []
    for status in statuses:
        c = status.complaint
        owed = euros(status.amount) + (" (max)" if status.at_cap else "")
        rows.append([f"#{c.id}", c.line, c.filed.isoformat(), status.reply_due.isoformat(),
                     STATE_TEXT[status.state], str(status.days_late), owed,
                     _iso(status.next_increase) or "-", c.subject])
    blocks: list[Any] = [Table(["id", "line", "filed", "reply due", "state", "days late", "owed", "grows on",
                                "subject"], rows, title=f"Complaints as of {human_date(today)}")]
    total = sum((status.amount for status in statuses), ZERO)
    if total > 0:
        blocks.append(Note(f"Owed for late replies: {euros(total)} in all; ask for it like a complaint.", "warn"))
    for charter, chosen_by in _distinct([(s.charter, s.chosen_by) for s in statuses]):
        rules = charter.complaints
        cite = f"[{charter.cite(rules.section)}]"
        blocks.append(Note(
            f"Reply due {rules.reply_within_days} calendar days after filing; when late, {euros(rules.per_step)} "
            f"per {rules.step_days} {DAY_UNITS[rules.days]} of delay, max {euros(rules.cap)}, paid within "
            f"{rules.payment_within_days} days of your request {cite}.", "dim"))
        blocks.append(Note(f"Days late count {DAY_KIND_NAMES[rules.days]}; the indennizzo is for written "
                           f"complaints (reclami scritti) {cite}.", "dim"))
        blocks.extend(_charter_notes([(charter, chosen_by)], "on the filing date"))
    return blocks


def show_complaints(statuses: list[ComplaintStatus], today: date, *, as_json: bool) -> None:
    """Print ``rights complaint list``."""
    data = {"today": today.isoformat(), "complaints": [complaint_json(s) for s in statuses],
            "total_owed": format_money(sum((s.amount for s in statuses), ZERO))}
    emit(complaints_blocks(statuses, today), data, as_json=as_json)


def show_complaint_change(verb: str, status: ComplaintStatus, *, as_json: bool) -> None:
    """Print what ``complaint add`` or ``complaint close`` did, with the deadline and its source."""
    c, charter = status.complaint, status.charter
    cite = f"[{charter.cite(charter.complaints.section)}]"
    rows = [("Line", c.line), ("Filed", human_date(c.filed)),
            ("Reply due", f"{human_date(status.reply_due)} ({charter.complaints.reply_within_days} calendar days)"
                          f"  {cite}")]
    if c.subject:
        rows.insert(1, ("Subject", c.subject))
    if c.closed is not None:
        rows.append(("Answered", f"{human_date(c.closed)}: {STATE_TEXT[status.state]}"))
    if status.days_late:
        rows.append(("Days late", f"{_days(status.days_late, charter.complaints.days)}"))
    if status.state != "open":
        rows.append(("Owed", f"{euros(status.amount)}  {cite}"))
    blocks = [Section(f"Complaint #{c.id} {verb}", [Fields(rows)])]
    emit(blocks, complaint_json(status), as_json=as_json)


def leave_json(advice: LeaveAdvice) -> dict[str, Any]:
    """The ``rights leave --json`` object."""
    charter, rules = advice.charter, advice.charter.residual_credit
    return {
        "line": advice.line,
        "charter": charter_json(charter, advice.chosen_by),
        "credit": format_money(advice.credit),
        "bonus_excluded": format_money(advice.bonus),
        "residual_credit": format_money(advice.eligible),
        "transfer": format_money(advice.eligible),
        "transfer_to": rules.transfer_to if advice.refund is not None else rules.small_credit_transfer_to,
        "refund_fee": format_money(rules.refund_fee),
        "refund": None if advice.refund is None else format_money(advice.refund),
        "refund_by": _iso(advice.refund_by),
        "refund_within_days": rules.refund_within_days,
        "better": advice.better,
        "sources": {key: charter.cite(rules.section) for key in ("residual_credit", "transfer", "refund")},
    }


def leave_blocks(advice: LeaveAdvice) -> list[Any]:
    """Transfer against refund for the line's residual credit, with the §11 source on every figure."""
    charter, rules = advice.charter, advice.charter.residual_credit
    cite = f"[{charter.cite(rules.section)}]"
    credit = euros(advice.credit)
    if advice.bonus:
        credit += f", of which {euros(advice.bonus)} bonus credit (excluded)"
    rows = [("Credit", credit), ("Residual credit", f"{euros(advice.eligible)}  {cite}")]
    notes: list[Note] = []
    if advice.credit < 0:
        notes.append(Note(f"The credit is negative ({euros(advice.credit)}): there is no residual credit.", "warn"))
    if advice.better == "nothing":
        notes.append(Note("Nothing to transfer or refund.", "warn"))
    elif advice.refund is None:
        rows.append(("Transfer", f"{euros(advice.eligible)}, free, onto {rules.small_credit_transfer_to}  {cite}"))
        rows.append(("Refund", f"none: at or below the {euros(rules.refund_fee)} fee the credit stays recorded "
                               f"in your name  {cite}"))
        notes.append(Note(f"Only the transfer makes sense: {euros(advice.eligible)} is not more than the "
                          f"{euros(rules.refund_fee)} refund fee.", "ok"))
    else:
        rows.append(("Transfer", f"{euros(advice.eligible)}, free, onto {rules.transfer_to}  {cite}"))
        rows.append(("Refund", f"{euros(advice.refund)} to your bank account ({euros(advice.eligible)} − "
                               f"{euros(rules.refund_fee)} fee), by {human_date(advice.refund_by)} if requested "
                               f"today ({_days(rules.refund_within_days, rules.days)})  {cite}"))
        notes.append(Note(f"Better: the transfer keeps {euros(advice.eligible - advice.refund)} more; take the "
                          f"refund only if you have no SIM to move the credit to.", "ok"))
    notes.append(Note(f"§11 applies when you withdraw (recesso), the SIM is deactivated or you port the number, "
                      f"on your express request (form on kenamobile.it); bonus, discount and promotion credit is "
                      f"excluded: «{rules.bonus_quote}» {cite}.", "dim"))
    notes.extend(_charter_notes([(charter, advice.chosen_by)], "today"))
    return [Section(f"Leaving line {advice.line}: residual credit {euros(advice.eligible)}", [Fields(rows), *notes])]


def show_leave(advice: LeaveAdvice, *, as_json: bool) -> None:
    """Print ``rights leave``."""
    emit(leave_blocks(advice), leave_json(advice), as_json=as_json)
