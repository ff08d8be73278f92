"""``charges list``: JSON and blocks of a line's pending charges and their instalments."""

from datetime import datetime
from typing import Any

from kenactl.core import charges, dates
from kenactl.core.model import Line
from kenactl.core.money import euros, format_money
from kenactl.render import Fields, Note, Section, Table, emit
from kenactl.views import human_date, human_moment


def charges_json(line: Line, now: datetime) -> dict[str, Any]:
    """The ``charges list --json`` object."""
    today = dates.in_rome(now).date()
    return {
        "line": line.name,
        "pending": format_money(charges.pending_at(line, now)),
        "min_topup": format_money(charges.min_topup(line, now)),
        "charges": [{
            "number": number,
            "description": charge.description,
            "amount": format_money(charge.amount),
            "paid": format_money(charge.paid),
            "added": charge.added.isoformat(),
            "every_days": charge.every_days,
            "instalments": [{"number": item.number, "due": item.due.isoformat(),
                             "amount": format_money(item.amount), "state": item.state}
                            for item in charges.schedule(charge, today)],
        } for number, charge in enumerate(line.charges, 1)],
    }


def show_charges(line: Line, now: datetime, *, as_json: bool) -> None:
    """Print the pending charges of ``line`` at ``now``."""
    today = dates.in_rome(now).date()
    renewal = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    blocks: list[Any] = [Fields([
        ("Due now", f"{euros(charges.pending_at(line, now))} (taken first at the next top-up)"),
        ("Due by renewal", f"{euros(charges.pending_at(line, renewal))} ({human_moment(renewal)})"),
        ("Min top-up", euros(charges.min_topup(line, now))),
    ])]
    if line.charges:
        rows = [[str(number), charge.description, f"{item.number}/{charge.instalments}", human_date(item.due),
                 euros(item.amount), item.state]
                for number, charge in enumerate(line.charges, 1) for item in charges.schedule(charge, today)]
        blocks.append(Table(["#", "charge", "part", "due", "amount", "state"], rows, title="Instalments"))
    else:
        blocks.append(Note("No pending charges; add one with: kenactl charges add \"late fees\" 1.98", "dim"))
    emit([Section(f"line {line.name}: pending charges", blocks)], charges_json(line, now), as_json=as_json)
