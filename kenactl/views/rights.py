"""``rights``: JSON and blocks for indennizzi, complaints and residual credit, every figure with its source.

JSON keeps the charters' English prose as it is; blocks translate it (and every label) with ``_``.
"""

from datetime import date
from typing import Any

from kenactl.core.charter import Charter
from kenactl.core.complaints import ComplaintStatus
from kenactl.core.money import ZERO, format_money
from kenactl.core.rights import CompensationResult, LeaveAdvice
from kenactl.core.workdays import DAY_KIND_NAMES
from kenactl.i18n import _, language, ngettext
from kenactl.i18n import day as human_date
from kenactl.i18n import money as euros
from kenactl.knowledge.holidays import local_holiday_name
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.text import N_

DAY_UNIT = {"lavorativi": N_("working day"), "feriali": N_("giorno feriale")}


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _days(count: int, kind: str) -> str:
    if kind == "lavorativi":
        return ngettext("{count} working day", "{count} working days", count).format(count=count)
    return ngettext("{count} giorno feriale", "{count} giorni feriali", count).format(count=count)


def _holiday(day: date, name: str, city: str | None) -> str:
    return f"{human_date(day)} {local_holiday_name(day, language(), city) or name}"


def _counted(kind: str, city: str | None) -> str:
    """Which days count, and whether patron saints' days are among the holidays skipped."""
    text = _("Days counted: {kind}, both ends included.").format(kind=_(DAY_KIND_NAMES[kind]))
    if city is None:
        return text + " " + _("Patron saints' days are not skipped; give --city to skip your city's.")
    return text + " " + _("The patron saint's day of {city} is skipped too (--city).").format(city=city)


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
        how = _("named with --charter") if chosen_by == "option" else _("the edition in force {when}").format(
            when=when)
        notes.append(Note(_("Charter: {title}, {edition}, {how}; dates it applies to: {basis}.").format(
            title=charter.title, edition=_(charter.edition), how=how,
            basis=_(charter.in_force_basis)), "dim"))
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
        "city": charter.city,
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
        (_("Case"), f"{result.case_text}  {cite}"),
        (_("Days"), f"{human_date(result.first)} → {human_date(result.last)}: {_days(count.days, rate.days)}"),
    ]
    if count.holidays:
        rows.append((_("Not counted"), ", ".join(_holiday(day, name, charter.city) for day, name in count.holidays)))
    rows += [
        (_("Rate"), _("{per_day} per {unit}, max {cap}; nothing for delays of at most {days}").format(
            per_day=euros(rate.per_day), unit=_(DAY_UNIT[rate.days]), cap=euros(rate.cap),
            days=_days(rate.not_due_up_to_days, rate.days)) + f"  {cite}"),
        (_("Amount"), f"{euros(result.amount)}  {cite}"),
    ]
    if result.report_by is None:
        rows.append((_("Report by"), _("no deadline stated in this edition") + f"  {general}"))
    else:
        months = charter.compensation.report_within_months or 0
        rows.append((_("Report by"), ngettext("{day}: within {months} month of learning of it ({noticed})",
                                              "{day}: within {months} months of learning of it ({noticed})",
                                              months).format(day=human_date(result.report_by), months=months,
                                                             noticed=human_date(result.noticed)) + f"  {general}"))
    if result.payment_within_days is None:
        paid = _("as {method}; no time limit stated in {section}").format(
            method=_(result.payment_method), section=rate.section)
    else:
        paid = ngettext("as {method}, within {days} day of {counted_from}",
                        "as {method}, within {days} days of {counted_from}", result.payment_within_days).format(
            method=_(result.payment_method), days=result.payment_within_days,
            counted_from=_(result.payment_counted_from))
    rows.append((_("Paid"), f"{paid}  {cite}"))
    notes: list[Note] = []
    if not result.due:
        notes.append(Note(_("Not due: {days} is not more than the {excluded} the charter excludes {cite}.").format(
            days=_days(count.days, rate.days), excluded=rate.not_due_up_to_days, cite=cite), "warn"))
    elif result.capped:
        notes.append(Note(_("Capped: {days} × {per_day} = {full}, the charter pays at most {cap} {cite}.").format(
            days=count.days, per_day=euros(rate.per_day), full=euros(rate.per_day * count.days),
            cap=euros(rate.cap), cite=cite), "warn"))
    if result.report_deadline_passed and result.report_by is not None:
        notes.append(Note(_("The deadline to report passed on {day}: if you did not report it by then, no "
                            "indennizzo is paid {cite}.").format(day=human_date(result.report_by), cite=general),
                          "bad"))
    if result.due and result.automatic is not None:
        auto = f"[{charter.cite(charter.compensation.automatic_section)}]"
        notes.append(Note(_("Automatic indennizzo: {terms} {cite}.").format(terms=_(result.automatic), cite=auto),
                          "info"))
    if result.due:
        notes.append(Note(_("Ask for it {request} {cite}.").format(request=_(rate.request), cite=cite), "info"))
    if result.case == "credit-renewal":
        notes.append(Note(_("This case is a top-up credited late (§4 «c.d. rinnovo del credito»: the credit you "
                            "bought not yet on the SIM; §8.2 measures it from the top-up request), not an offer "
                            "that failed to renew {cite}.").format(cite=cite), "warn"))
    if result.case == "malfunction":
        notes.append(Note(_("kenactl's reading: the charter excludes delays (ritardi) of at most {days}; kenactl "
                            "applies the same exclusion to malfunctions {cite}.").format(
            days=_days(rate.not_due_up_to_days, rate.days), cite=cite), "dim"))
    if result.case == "mnp" and result.report_by is not None:
        notes.append(Note(_("kenactl's reading: the deadline to report is stated for the §15 cases; kenactl applies "
                            "it to the MNP delay too {cite}.").format(cite=general), "dim"))
    notes.append(Note(_counted(rate.days, charter.city), "dim"))
    notes.append(Note(f"«{rate.quote}» {cite}", "dim"))
    notes.extend(_charter_notes([(charter, result.chosen_by)], _("on the first day of the case ({day})").format(
        day=human_date(result.first))))
    title = _("Indennizzo ({case}): {amount}").format(case=result.case, amount=euros(result.amount))
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
        "channel": complaint.channel,
        "accrues": status.accrues,
        "unsatisfied": bool(complaint.unsatisfied),
        "next_step": status.next_step,
    }


STATE_TEXT = {"open": N_("open"), "open-late": N_("open, reply late"), "answered": N_("answered in time"),
              "answered-late": N_("answered late")}
CHANNEL_TEXT = {"written": N_("in writing (the §14 indennizzo applies)"),
                "phone": N_("by phone (no §14 indennizzo for a late reply: only written complaints)")}
CHANGE_TITLE = {"added": N_("Complaint #{id} added"), "closed": N_("Complaint #{id} closed")}


def complaints_blocks(statuses: list[ComplaintStatus], today: date) -> list[Any]:
    """A table of complaints with what each is owed today, then the rules applied and their sources."""
    if not statuses:
        return [Note(_("No complaints recorded; add one with: {command}").format(
            command="kenactl rights complaint add --date YYYY-MM-DD"))]
    rows = []
    for status in statuses:
        c = status.complaint
        owed = (euros(status.amount) + (" (max)" if status.at_cap else "")) if status.accrues else _("none (phone)")
        rows.append([f"#{c.id}", c.line, c.filed.isoformat(), status.reply_due.isoformat(),
                     _(STATE_TEXT[status.state]), str(status.days_late), owed,
                     _iso(status.next_increase) or "-", c.subject])
    columns = ["id", _("line"), _("received"), _("reply due"), _("state"), _("days late"), _("owed"), _("grows on"),
               _("subject")]
    blocks: list[Any] = [Table(columns, rows, title=_("Complaints as of {day}").format(day=human_date(today)))]
    total = sum((status.amount for status in statuses), ZERO)
    if total > 0:
        blocks.append(Note(_("Owed for late replies: {total} in all; ask for it like a complaint.").format(
            total=euros(total)), "warn"))
    for charter, _chosen_by in _distinct([(s.charter, s.chosen_by) for s in statuses]):
        rules = charter.complaints
        cite = f"[{charter.cite(rules.section)}]"
        blocks.append(Note(_(
            "Reply due {reply_days} calendar days after the operator received it; when late, {per_step} per "
            "{step_days} of delay, max {cap}, paid within {payment_days} days of your request {cite}.").format(
            reply_days=rules.reply_within_days, per_step=euros(rules.per_step),
            step_days=_days(rules.step_days, rules.days), cap=euros(rules.cap),
            payment_days=rules.payment_within_days, cite=cite), "dim"))
        blocks.append(Note(_("Days late count {kind}; the indennizzo is for written complaints (reclami scritti) "
                             "{cite}.").format(kind=_(DAY_KIND_NAMES[rules.days]), cite=cite), "dim"))
        blocks.append(Note(_("For a complex complaint, an interim notice on the progress and the time needed may "
                             "be all that comes within the {days} days {cite}.").format(
            days=rules.reply_within_days, cite=cite), "dim"))
    phone = [status for status in statuses if not status.accrues]
    if phone:
        blocks.append(Note(_("Filed by phone, so no indennizzo for a late reply (only written complaints): "
                             "{ids}.").format(ids=", ".join(f"#{status.complaint.id}" for status in phone)), "dim"))
    late = [status for status in statuses if status.next_step == "conciliation"]
    if late:
        charter = late[0].charter
        blocks.append(Note(_("Reply late or unsatisfying for {ids}: the next step is conciliation ({command}) "
                             "{cite}.").format(
            ids=", ".join(f"#{status.complaint.id}" for status in late), command="kenactl rights conciliation",
            cite=f"[{charter.cite(charter.conciliation.section)}]"), "warn"))
        blocks.extend(_charter_notes([(charter, late[0].chosen_by)], _("on the filing date")))
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
    reply_days = charter.complaints.reply_within_days
    rows = [(_("Line"), c.line), (_("Received"), human_date(c.filed)),
            (_("Reply due"), ngettext("{day} ({days} calendar day)", "{day} ({days} calendar days)",
                                      reply_days).format(day=human_date(status.reply_due), days=reply_days)
             + f"  {cite}")]
    if c.subject:
        rows.insert(1, (_("Subject"), c.subject))
    if c.channel is not None:
        rows.append((_("Filed"), _(CHANNEL_TEXT[c.channel])))
    if c.closed is not None:
        answered = f"{human_date(c.closed)}: {_(STATE_TEXT[status.state])}"
        rows.append((_("Answered"), answered + (_(", unsatisfied") if c.unsatisfied else "")))
    if status.days_late:
        rows.append((_("Days late"), f"{_days(status.days_late, charter.complaints.days)}"))
    if status.state != "open":
        rows.append((_("Owed"), f"{euros(status.amount)}  {cite}"))
    notes = []
    if status.next_step == "conciliation":
        notes.append(Note(_("Next step: conciliation ({command}) {cite}.").format(
            command="kenactl rights conciliation", cite=f"[{charter.cite(charter.conciliation.section)}]"), "warn"))
    blocks = [Section(_(CHANGE_TITLE[verb]).format(id=c.id), [Fields(rows), *notes])]
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
        "porting": rules.porting,
        "unrequested": rules.unrequested,
        "sources": {key: charter.cite(rules.section) for key in ("residual_credit", "transfer", "refund")},
    }


def leave_blocks(advice: LeaveAdvice) -> list[Any]:
    """Transfer against refund for the line's residual credit, with the §11 source on every figure."""
    charter, rules = advice.charter, advice.charter.residual_credit
    cite = f"[{charter.cite(rules.section)}]"
    credit = euros(advice.credit)
    if advice.bonus:
        credit += _(", of which {bonus} bonus credit (excluded)").format(bonus=euros(advice.bonus))
    rows = [(_("Credit"), credit), (_("Residual credit"), f"{euros(advice.eligible)}  {cite}")]
    notes: list[Note] = []
    if advice.credit < 0:
        notes.append(Note(_("The credit is negative ({credit}): there is no residual credit.").format(
            credit=euros(advice.credit)), "warn"))
    if advice.better == "nothing":
        notes.append(Note(_("Nothing to transfer or refund."), "warn"))
    elif advice.refund is None:
        rows.append((_("Transfer"), _("{amount}, free, onto {target}").format(
            amount=euros(advice.eligible), target=_(rules.small_credit_transfer_to)) + f"  {cite}"))
        rows.append((_("Refund"), _("none: at or below the {fee} fee the credit stays recorded in your name").format(
            fee=euros(rules.refund_fee)) + f"  {cite}"))
        notes.append(Note(_("Only the transfer makes sense: {amount} is not more than the {fee} refund fee.").format(
            amount=euros(advice.eligible), fee=euros(rules.refund_fee)), "ok"))
    else:
        rows.append((_("Transfer"), _("{amount}, free, onto {target}").format(
            amount=euros(advice.eligible), target=_(rules.transfer_to)) + f"  {cite}"))
        rows.append((_("Refund"), _("{refund} to your bank account ({amount} − {fee} fee), by {day} if requested "
                                    "today ({days})").format(
            refund=euros(advice.refund), amount=euros(advice.eligible), fee=euros(rules.refund_fee),
            day=human_date(advice.refund_by),
            days=_days(rules.refund_within_days, rules.days)) + f"  {cite}"))
        notes.append(Note(_("Better: the transfer keeps {difference} more; take the refund only if you have no SIM "
                            "to move the credit to.").format(difference=euros(advice.eligible - advice.refund)),
                          "ok"))
    notes.append(Note(_("§11 applies when you withdraw (recesso), the SIM is deactivated or you port the number, "
                        "on your express request (form on kenamobile.it); bonus, discount and promotion credit is "
                        "excluded: «{quote}» {cite}.").format(quote=rules.bonus_quote, cite=cite), "dim"))
    notes.append(Note(_("Porting the number away: {text} {cite}.").format(text=_(rules.porting), cite=cite),
                      "info"))
    notes.append(Note(_("If you ask for nothing: {text} {cite}.").format(text=_(rules.unrequested), cite=cite),
                      "dim"))
    notes.extend(_charter_notes([(charter, advice.chosen_by)], _("today")))
    title = _("Leaving line {line}: residual credit {amount}").format(line=advice.line,
                                                                       amount=euros(advice.eligible))
    return [Section(title, [Fields(rows), *notes])]


def show_leave(advice: LeaveAdvice, *, as_json: bool) -> None:
    """Print ``rights leave``."""
    emit(leave_blocks(advice), leave_json(advice), as_json=as_json)
