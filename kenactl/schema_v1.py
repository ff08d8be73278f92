"""Reading a version 1 profile (usage as tables, a credit without a moment, history entries with renewal days):
each line as the facts a version 2 profile records. Loaded only for such a profile (``schema``); its next write
is version 2.
"""

from collections.abc import Collection
from datetime import datetime

from kenactl.core import dates, units
from kenactl.core.model import Amounts, Change, HistoryEntry, Line, Observation, UsageSample, check_line_name
from kenactl.core.record import replace
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.fields import Fields
from kenactl.schema import _allowances, _charges
from kenactl.text import N_

HISTORY_KINDS = ("renewal", "restart")


def v1_line(name: str, fields: Fields, updated_at: datetime | None, operator_ids: Collection[str]) -> Line:
    fields.convert("name", lambda: check_line_name(name))
    fields.check_keys({"operator", "offer", "price", "renewal_day", "renewal_time", "included", "credit",
                       "last_topup", "options", "pending_offer_change", "usage", "history", "charges"})
    operator = fields.text("operator")
    if operator not in operator_ids:
        raise ProfileError(_("{field}: unknown operator {name} (known: {known})").format(
            field=fields.name("operator"), name=repr(operator), known=", ".join(operator_ids)))
    renewal_time = fields.time_of_day("renewal_time", "00:00")
    options = fields.table_at("options")
    for key, _value in options.table.items():
        options.text(key)
    line = Line(
        name=name,
        operator=operator,
        offer=fields.text("offer"),
        price=fields.money("price"),
        renewal_day=fields.integer("renewal_day", 1, 31),
        renewal_time=renewal_time,
        included=_allowances(fields.table_at("included")),
        credit=fields.money("credit", allow_negative=True),
        last_topup=fields.day("last_topup", None),
        options=dict(options.table),
        pending_offer_change=fields.flag("pending_offer_change", False),
        usage=tuple(sorted((_sample(item) for item in fields.tables("usage")), key=lambda s: s.at)),
        history=tuple(sorted((_history(item) for item in fields.tables("history")), key=lambda h: h.at)),
        charges=_charges(fields),
    )
    return _v1_to_facts(line, updated_at)


def _v1_to_facts(line: Line, updated_at: datetime | None) -> Line:
    """A version 1 line as facts: its credit is an observation at the profile's last write (when v1 showed
    it as the credit now); its Restarts keep their moments and prices, and the renewal day they moved
    from becomes the line's setting (the ledger moves it again at each Restart)."""
    moments = [moment for moment in (updated_at, *(s.at for s in line.usage[-1:]), *(h.at for h in line.history))
               if moment is not None]
    observed = Amounts.of(Observation, (Observation(at=max(moments, key=dates.instant), credit=line.credit),)
                          if moments else ())
    restarts = [entry for entry in line.history if entry.kind == "restart"]
    changes: tuple[Change, ...] = ()
    day = line.renewal_day
    if restarts:
        day = restarts[0].renewal_day_before
        if line.renewal_day != restarts[-1].renewal_day_after:  # changed by hand after the last Restart
            at = updated_at or restarts[-1].at
            changes = (Change(at=at, key="renewal_day", old=day),)
            day = line.renewal_day
    history = tuple(replace(entry, renewal_day_before=0, renewal_day_after=0) for entry in line.history)
    return replace(line, renewal_day=day, observations=observed, changes=changes, history=history)


def _sample(fields: Fields) -> UsageSample:
    fields.check_keys({"at", "data", "minutes", "sms"})
    data = fields.typed("data", (str, int), N_("a data amount such as \"1.5GB\""), 0)
    return UsageSample(
        at=fields.moment("at"),
        data=fields.convert("data", lambda: units.parse_data(str(data), field=fields.name("data"),
                                                            allow_unlimited=False)),
        minutes=fields.integer("minutes", 0, 10**9, 0),
        sms=fields.integer("sms", 0, 10**9, 0),
    )


def _history(fields: Fields) -> HistoryEntry:
    fields.check_keys({"kind", "at", "price", "renewal_day_before", "renewal_day_after"})
    kind = fields.text("kind")
    if kind not in HISTORY_KINDS:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name("kind"), value=repr(kind), known=", ".join(HISTORY_KINDS)))
    return HistoryEntry(kind=kind, at=fields.moment("at"), price=fields.money("price"),
                        renewal_day_before=fields.integer("renewal_day_before", 1, 31),
                        renewal_day_after=fields.integer("renewal_day_after", 1, 31))
