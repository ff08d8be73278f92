"""``history``: every period of each line, as JSON, CSV, or a table and a bar chart per month."""

from decimal import Decimal
from typing import Any

from kenactl.core.ledger import LineState, Period
from kenactl.core.model import ALLOWANCE_KINDS
from kenactl.core.money import ZERO, format_money
from kenactl.i18n import _
from kenactl.i18n import money as euros
from kenactl.render import Bar, Note, Section, Table, emit
from kenactl.text import N_
from kenactl.views import amount, human_date, iso, percent_number

KIND_NAMES = {"scheduled": N_("renewal"), "restart": N_("Restart"), "topup": N_("renewal at top-up")}
OUTCOME_NAMES = {"renewed": N_("renewed"), "suspended": N_("suspended"), "negative-credit": N_("negative credit"),
                 "partially-charged": N_("partly charged"), "not-renewed": N_("not renewed"),
                 "unknown": N_("unknown")}
CSV_COLUMNS = ("line", "start", "end", "renewal_kind", "renewal_outcome", "charged", "owed", "topups", "fees",
               "data_used_mb", "data_included_mb", "minutes_used", "minutes_included", "sms_used", "sms_included")


def _used_included(period: Period, kind: str) -> tuple[int, int | None]:
    """The last reading of the period for allowance ``kind`` and the amount included (None: unlimited)."""
    return (0 if period.usage is None else period.usage.get(kind),
            None if period.included is None else period.included.get(kind))


def _usage(period: Period) -> dict[str, dict[str, Any]]:
    """The last reading of the period per allowance, with its share of the included amount (in %)."""
    from kenactl.core.consumption import percent_used  # only the JSON and CSV forms show the share

    found = {}
    for kind in ALLOWANCE_KINDS:
        used, included = _used_included(period, kind)
        found[kind] = {"used": used, "included": included,
                       "percent": percent_number(percent_used(used, included))}
    return found


def period_json(period: Period) -> dict[str, Any]:
    """One period: its renewal, top-ups, fees and the last reading per allowance (data in MB)."""
    renewal = period.renewal
    return {
        "start": iso(period.start),
        "end": iso(period.end),
        "renewal": None if renewal is None else {"at": iso(renewal.at), "kind": renewal.kind,
                                                 "outcome": renewal.outcome, "charged": format_money(renewal.charged),
                                                 "owed": format_money(renewal.owed), "by_card": renewal.by_card},
        "topups": [{"at": iso(at), "amount": format_money(value)} for at, value in period.topups],
        "fees": [{"at": iso(fee.at), "event": fee.event, "amount": format_money(fee.amount)} for fee in period.fees],
        "spend": format_money(period.spend),
        "usage": _usage(period),
    }


def history_json(states: list[LineState]) -> dict[str, Any]:
    """The pinned ``history --json`` object."""
    return {"lines": [{"name": state.line.name, "periods": [period_json(p) for p in state.periods]}
                      for state in states]}


def history_csv(states: list[LineState]) -> str:
    """One row per period of every line."""
    import csv  # only for --csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for state in states:
        for period in state.periods:
            renewal, usage = period.renewal, _usage(period)
            writer.writerow([
                state.line.name, iso(period.start), iso(period.end) or "",
                "" if renewal is None else renewal.kind, "" if renewal is None else renewal.outcome,
                format_money(ZERO if renewal is None else renewal.charged),
                format_money(ZERO if renewal is None else renewal.owed),
                format_money(sum((value for _at, value in period.topups), ZERO)),
                format_money(sum((fee.amount for fee in period.fees), ZERO)),
                *[("" if value is None else value) for kind in ALLOWANCE_KINDS
                  for value in (usage[kind]["used"], usage[kind]["included"])],
            ])
    return out.getvalue()


DATA_COLUMN = 7  # the table's column of data used, shown again on the month's bar


def _renewal_text(period: Period) -> str:
    renewal = period.renewal
    if renewal is None:
        return _("start of the record")
    text = f"{_(KIND_NAMES[renewal.kind])}: {_(OUTCOME_NAMES[renewal.outcome])}"
    return text + (" " + _("(card)") if renewal.by_card else "")


def _used(period: Period, kind: str) -> str:
    used, included = _used_included(period, kind)
    if included is None:
        return amount(kind, used)
    return f"{amount(kind, used)} / {amount(kind, included)}"


def history_blocks(states: list[LineState]) -> list[Any]:
    """Per line: a table of its periods, then bars of data used and money spent per month."""
    sections = []
    for state in states:
        periods = state.periods
        rows = [[human_date(p.start.date()), _("now") if p.end is None else human_date(p.end.date()),
                 _renewal_text(p), euros(p.renewal.charged) if p.renewal else "",
                 euros(p.renewal.owed) if p.renewal and p.renewal.owed else "",
                 ", ".join(euros(value) for _at, value in p.topups),
                 euros(sum((fee.amount for fee in p.fees), ZERO)) if p.fees else "",
                 _used(p, "data"), _used(p, "minutes"), _used(p, "sms")] for p in periods]
        table = Table([_("from"), _("to"), _("renewal"), _("charged"), _("owed"), _("top-ups"), _("fees"),
                       _("data"), _("minutes"), _("sms")], rows)
        blocks: list[Any] = [table]
        months: dict[str, list[int]] = {}  # the periods starting in each month, by their row
        for index, period in enumerate(periods):
            months.setdefault(f"{period.start.year:04d}-{period.start.month:02d}", []).append(index)
        spend = {month: sum((periods[index].spend for index in indices), ZERO) for month, indices in months.items()}
        top = max(spend.values(), default=ZERO)
        for month, indices in months.items():
            used, included = _used_included(periods[indices[-1]], "data")
            share = None if not included else min(Decimal(used) / included, Decimal(1))
            blocks.append(Bar(month, share, _("data {used}").format(used=rows[indices[-1]][DATA_COLUMN])))
            blocks.append(Bar("", spend[month] / top if top else Decimal(0),
                              _("spent {amount}").format(amount=euros(spend[month]))))
        if not state.offer_usable:
            blocks.append(Note(_("The offer waits for a top-up (see kenactl status)."), "bad"))
        sections.append(Section(state.line.name, blocks))
    return sections


def show_history(states: list[LineState], *, as_json: bool, as_csv: bool) -> None:
    """Print ``history``."""
    if as_csv:
        import click

        click.echo(history_csv(states), nl=False)
        return
    emit(lambda: history_blocks(states), lambda: history_json(states), as_json=as_json)
