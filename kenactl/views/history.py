"""``history``: every period of each line, as JSON, CSV, or a table and a bar chart per month."""

from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

from kenactl.core.ledger import LineState, Period
from kenactl.core.model import ALLOWANCE_KINDS
from kenactl.core.money import ZERO, format_money
from kenactl.i18n import _
from kenactl.i18n import day as human_day
from kenactl.i18n import money as euros
from kenactl.render import Chart, Note, Section, Table, emit
from kenactl.text import N_
from kenactl.views import amount, iso, percent_number

KIND_NAMES = {"scheduled": N_("renewal"), "restart": N_("Restart"), "topup": N_("renewal at top-up")}
OUTCOME_NAMES = {"renewed": N_("renewed"), "suspended": N_("suspended"), "negative-credit": N_("negative credit"),
                 "partially-charged": N_("partly charged"), "not-renewed": N_("not renewed"),
                 "unknown": N_("unknown")}
CSV_COLUMNS = ("line", "start", "end", "renewal_kind", "renewal_outcome", "charged", "owed", "topups", "fees",
               "data_used_mb", "data_included_mb", "minutes_used", "minutes_included", "sms_used", "sms_included")


def _used_included(period: Period) -> tuple[tuple[int, ...], tuple[int | None, ...]]:
    """The last reading of the period per allowance (``ALLOWANCE_KINDS`` order) and the amounts included
    (None: unlimited)."""
    used, included = period.used, period.included
    return (NOTHING_USED if used is None else used,
            UNLIMITED if included is None else (included.data, included.minutes, included.sms))


NOTHING_USED, UNLIMITED = (0, 0, 0), (None, None, None)
_AMOUNT = itemgetter(1)  # of a top-up (moment, amount)


def _usage(period: Period) -> dict[str, dict[str, Any]]:
    """The last reading of the period per allowance, with its share of the included amount (in %)."""
    from kenactl.core.consumption import percent_used  # only the JSON and CSV forms show the share

    return {kind: {"used": used, "included": included, "percent": percent_number(percent_used(used, included))}
            for kind, used, included in zip(ALLOWANCE_KINDS, *_used_included(period), strict=True)}


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


def _renewal_text(kind: str, outcome: str, by_card: bool) -> str:
    text = f"{_(KIND_NAMES[kind])}: {_(OUTCOME_NAMES[outcome])}"
    return text + (" " + _("(card)") if by_card else "")


def _usage_cells(used: tuple[int, ...], included: tuple[int | None, ...]) -> tuple[str, ...]:
    """The data, minutes and SMS cells: the amount used, and of how much when the allowance is limited."""
    return tuple(amount(kind, value) if limit is None else f"{amount(kind, value)} / {amount(kind, limit)}"
                 for kind, value, limit in zip(ALLOWANCE_KINDS, used, included, strict=True))


def _data_share(used: int, included: int | None) -> Decimal | None:
    """The share of the data included that was used, at most 1 (None: unlimited or none included)."""
    return None if not included else min(Decimal(used) / included, Decimal(1))


def _usage_shown(used: tuple[int, ...], included: tuple[int | None, ...], data_text: str) -> tuple:
    """What a period's usage shows: its data, minutes and SMS cells, and its month's data bar (share, caption)."""
    cells = _usage_cells(used, included)
    return cells, _data_share(used[0], included[0]), data_text.format(used=cells[0])


def history_blocks(states: list[LineState]) -> list[Any]:
    """Per line: a table of its periods, then bars of data used and money spent per month.

    Each distinct day, amount, renewal text and usage is formatted once (a period ends on the day the next one
    starts; prices and readings recur month after month: a period's usage is looked up only when it differs
    from the previous period's)."""
    day, money, renewal_text, usage_shown = cache(human_day), cache(euros), cache(_renewal_text), cache(_usage_shown)
    start_text, now_text = _("start of the record"), _("now")
    data_text, spent_text = _("data {used}"), _("spent {amount}")
    sections = []
    for state in states:
        rows = []
        months: dict[tuple[int, int], tuple] = {}  # per month: its last period's data bar (share, caption)
        spent: dict[tuple[int, int], Decimal] = {}  # per month: the renewals' charges and the fees
        periods = state.periods
        starts = [day(period.start.date()) for period in periods]  # each period ends where the next one starts
        used = included = shown = None  # the previous period's amounts used, allowances, and what they show
        for period, start_day, end_day in zip(periods, starts, [*starts[1:], now_text], strict=True):
            renewal, start, topups = period.renewal, period.start, period.topups
            if shown is None or period.used != used or period.included is not included:
                used, included = period.used, period.included
                shown = usage_shown(*_used_included(period), data_text)
            rows.append([start_day, end_day,
                         start_text if renewal is None
                         else renewal_text(renewal.kind, renewal.outcome, renewal.by_card),
                         "" if renewal is None else money(renewal.charged),
                         money(renewal.owed) if renewal is not None and renewal.owed else "",
                         money(topups[0][1]) if len(topups) == 1  # (a period's usual top-up)
                         else ", ".join(map(money, map(_AMOUNT, topups))),
                         money(sum((fee.amount for fee in period.fees), ZERO)) if period.fees else "", *shown[0]])
            month, spend = (start.year, start.month), period.spend
            months[month] = shown[1:]
            spent[month] = spent[month] + spend if month in spent else spend
        top = max(spent.values(), default=ZERO)
        spent_bar = cache(lambda spend, top=top: ("", spend / top if top else Decimal(0),  # months cost alike
                                                   spent_text.format(amount=money(spend))))
        bars = []
        for month, (share, caption) in months.items():
            bars.append(("%04d-%02d" % month, share, caption))  # noqa: UP031
            bars.append(spent_bar(spent[month]))
        blocks: list[Any] = [Table([_("from"), _("to"), _("renewal"), _("charged"), _("owed"), _("top-ups"),
                                    _("fees"), _("data"), _("minutes"), _("sms")], rows), Chart(bars)]
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
