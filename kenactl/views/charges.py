"""``charges list``: JSON and blocks of a line's pending charges and their instalments."""

from datetime import date, datetime
from typing import Any

from kenactl.core import charges, dates
from kenactl.core.model import Line
from kenactl.core.money import format_money
from kenactl.i18n import _, money
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.text import N_
from kenactl.views import hint, human_date, human_moment

STATES = {"paid": N_("paid"), "due": N_("due"), "charged": N_("charged to card"), "upcoming": N_("upcoming")}
# One msgid for the whole header: its "due" (a date) and the state "due" read differently in Italian.
HEADERS = N_("#|charge|part|due|amount|state")


def charges_json(line: Line, now: datetime) -> dict[str, Any]:
    """The ``charges list --json`` object."""
    today = dates.in_rome(now).date()
    renewal = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    recovery = charges.card_recovery(line, today)
    return {
        "line": line.name,
        "pending": format_money(charges.pending_at(line, now)),
        "pending_by_renewal": format_money(charges.pending_at(line, renewal)),
        "min_topup": format_money(charges.min_topup(line, now)),
        "card_recovery_until": None if recovery is None else recovery[1].isoformat(),
        "charges": [{
            "number": charge.id,
            "description": charge.description,
            "amount": format_money(charge.amount),
            "paid": format_money(charge.paid),
            "added": charge.added.isoformat(),
            "every_days": charge.every_days,
            "by_card": charge.by_card,
            "instalments": [{"number": item.number, "due": item.due.isoformat(),
                             "amount": format_money(item.amount), "state": item.state}
                            for item in charges.schedule(charge, today)],
        } for charge in line.charges],
    }


def show_charges(line: Line, now: datetime, *, as_json: bool, is_default: bool = True) -> None:
    """Print the pending charges of ``line`` at ``now`` (hints name the line unless ``is_default``)."""
    today = dates.in_rome(now).date()
    renewal = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    rows = [] if line.charges and all(charge.by_card for charge in line.charges) else [
        (_("Due now"), _("{amount} (taken first at the next top-up)").format(
            amount=money(charges.pending_at(line, now)))),
        (_("Due by renewal"), f"{money(charges.pending_at(line, renewal))} ({human_moment(renewal)})"),
        (_("Min top-up"), money(charges.min_topup(line, now))),
    ]
    recovery = charges.card_recovery(line, today)
    if recovery is not None:
        rows.append((_("By card"), _("next instalment {amount}, the last on {day}").format(
            amount=money(recovery[0]), day=human_date(recovery[1]))))
    blocks: list[Any] = [Fields(rows)]
    if line.charges:
        table = [[str(charge.id), charge.description, f"{item.number}/{charge.instalments}", human_date(item.due),
                 money(item.amount), _(STATES[item.state])]
                for charge in line.charges for item in charges.schedule(charge, today)]
        blocks.append(Table(_(HEADERS).split("|"), table, title=_("Instalments")))
        if recovery is not None:
            blocks.append(Note(two_charges(line, recovery[1]), "warn"))
    else:
        blocks.append(Note(_("No pending charges; add one with: {command}").format(
            command=hint("charges add", f'"{_("late fees")}" 1.98', line.name, is_default)), "dim"))
    emit([Section(_("line {name}: pending charges").format(name=line.name), blocks)], charges_json(line, now),
         as_json=as_json)


def two_charges(line: Line, until: date) -> str:
    """What card arrears mean for the month: two charges, the renewal and one instalment, until ``until``."""
    text = _("Until {day} you pay two charges a month by card: the renewal ({price}) and one instalment. "
             "Arrears by card are recovered as WINDTRE's Easy Pay recovers them: one renewal every 30 days from "
             "the next month until paid, not from the credit (a news item on the Easy Pay billing fault, undated).")
    return text.format(day=human_date(until), price=money(line.price))
