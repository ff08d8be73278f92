"""Writing the profile: the model as the TOML text ``schema`` reads back (the reverse of ``profile_from_toml``).

Pure functions: ``store`` does the file I/O, and parses what this writes before saving it.
"""

import re
from typing import Any

from kenactl.core import money, units
from kenactl.core.model import Amounts, Line, Observation, Profile, TopUp, numbered
from kenactl.core.record import as_dict
from kenactl.schema import SCHEMA_VERSION


def profile_to_toml(profile: Profile) -> dict[str, Any]:
    """The TOML document for ``profile`` (money as Decimal, which tomli-w writes exactly)."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "default_line": profile.default_line}
    if profile.updated_at is not None:
        document["updated_at"] = profile.updated_at
    document["alarms"] = list(profile.alarms)
    document["lines"] = {name: _line_to_toml(line) for name, line in profile.lines.items()}
    if profile.complaints:
        document["complaints"] = [_without_none(as_dict(c)) for c in profile.complaints]
    if profile.notify:
        document["notify"] = list(profile.notify)
    return document


def _line_to_toml(line: Line) -> dict[str, Any]:
    table: dict[str, Any] = {
        "operator": line.operator,
        "offer": line.offer,
        "note": line.note,
        "price": line.price,
        "renewal_day": line.renewal_day,
        "renewal_time": line.renewal_time.strftime("%H:%M"),
        "payment": line.payment,
        "pending_offer_change": line.pending_offer_change,
    }
    if line.last_topup is not None and line.last_topup not in {item.at.date() for item in line.topups}:
        table["last_topup"] = line.last_topup  # a top-up day from an older profile, amount unknown
    if line.activated is not None:
        table["activated"] = line.activated
    table["included"] = {kind: _setting_to_toml(kind, line.included.get(kind)) for kind in ("data", "minutes", "sms")}
    if line.options:
        table["options"] = dict(sorted(line.options.items()))
    table["observations"] = _amount_rows(Amounts.of(Observation, line.observations).rows)
    if not line.observations:
        table["credit"] = line.credit  # a credit given without a moment (a line built by code or an older tool)
    table["topups"] = _amount_rows(Amounts.of(TopUp, line.topups).rows)
    for kind, key in (("restart", "restarts"), ("renewal", "renewals")):
        table[key] = [[entry.at, entry.price] for entry in line.history if entry.kind == kind]
    table["changes"] = [[item.at, item.key, _setting_to_toml(item.key, item.old)] for item in line.changes]
    table = {key: value for key, value in table.items() if value not in ([], "")}
    if line.usage:
        from kenactl.core.readings import Readings

        readings = line.usage if isinstance(line.usage, Readings) else Readings.of(line.usage)
        table["readings"] = "".join(row + "\n" for row in readings.rows)
    if line.charges:
        table["charges"] = [{key: value for key, value in _without_none(as_dict(charge)).items()
                             if key != "by_card" or value} for charge in numbered(line.charges)]
    return table


def _setting_to_toml(key: str, value: Any) -> Any:
    if key == "data":
        return units.canonical_data(value)
    if key in ("minutes", "sms"):
        return "unlimited" if value is None else value
    if key == "renewal_time":
        return value.strftime("%H:%M")
    if key == "options":
        return dict(sorted(value.items()))
    return value


_READINGS = r'(?m)^((?:readings|observations|topups) = )"""(\n[0-9TZ:.\- \n]*)"""$'
LITERAL = "'''"


def profile_to_text(profile: Profile) -> str:
    """The profile's TOML text. Readings are one literal multi-line string per line: years of readings
    parse in a fraction of a millisecond, where an array of tables would take far longer."""
    import tomli_w

    text = tomli_w.dumps(profile_to_toml(profile), multiline_strings=True)
    return re.sub(_READINGS, lambda match: match.group(1) + LITERAL + match.group(2) + LITERAL, text)


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _amount_rows(rows) -> str:
    """Amount rows ``(instant, amount)`` as the text ``schema`` reads: one ``moment amount`` line each."""
    return "".join(f"{at.strftime('%Y-%m-%dT%H:%M:%SZ')} {money.format_money(amount)}\n" for at, amount in rows)
