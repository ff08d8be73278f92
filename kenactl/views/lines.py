"""``line list``: one row per line, as a table and as JSON."""

from typing import Any

from kenactl.core.lines import BLOCKED, SHORT, SUSPENDED, LineRow
from kenactl.core.money import format_money
from kenactl.i18n import _, money
from kenactl.render import Table, emit
from kenactl.views import human_date, iso


def row_json(row: LineRow) -> dict[str, Any]:
    """One line of ``line list --json`` (keys documented in the README)."""
    line = row.line
    return {
        "name": line.name,
        "default": row.is_default,
        "operator": line.operator,
        "offer": line.offer,
        "price": format_money(line.price),
        "credit": format_money(line.credit),
        "next_renewal": None if row.next_renewal is None else row.next_renewal.date().isoformat(),
        "next_renewal_at": iso(row.next_renewal),
        "state": row.state,
        "min_topup": format_money(row.min_topup),
    }


def state_text(row: LineRow) -> str:
    """``covered``, ``short 5.49 €``, ``suspended 5.49 €`` or ``blocked 5.49 €`` (the least top-up)."""
    if row.state == SHORT:
        return _("short {amount}").format(amount=money(row.min_topup))
    if row.state == SUSPENDED:
        return _("suspended {amount}").format(amount=money(row.min_topup))
    if row.state == BLOCKED:
        return _("blocked {amount}").format(amount=money(row.min_topup))
    return _("covered")


def renewal_text(row: LineRow) -> str:
    """The renewal day, and its time when not midnight (the table stays within 80 columns)."""
    moment = row.next_renewal
    if moment is None:
        return _("at the top-up")
    shown = human_date(moment.date())
    return shown if moment.hour == moment.minute == 0 else f"{shown} {moment:%H:%M}"


def show_lines(rows: list[LineRow], operator_names: dict[str, str], *, as_json: bool) -> None:
    """Print ``line list``: the default line is marked with *."""
    table = Table(["", _("line"), _("operator"), _("offer"), _("price"), _("credit"), _("next renewal"), _("state")],
                  [["*" if row.is_default else "", row.line.name,
                    operator_names.get(row.line.operator, row.line.operator),
                    row.line.offer, money(row.line.price), money(row.line.credit), renewal_text(row),
                    state_text(row)] for row in rows])
    emit([table], {"lines": [row_json(row) for row in rows]}, as_json=as_json)
