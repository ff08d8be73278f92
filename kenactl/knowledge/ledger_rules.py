"""Reads an operator's renewal rule for the ledger: the ``[ledger]`` table of its data file.

The file is the one ``explain`` reads, chosen by the one registry (``knowledge.registry``: the built-in
``kenactl/knowledge/operators/<id>.toml`` or the user's ``operators/<id>.toml`` beside the profile),
and the operator's part is the one loader's (``knowledge.operators.part``: one validation, one evaluator of
the events' ``when``): the outcome is its ``short_credit.outcome``, the fees are its ``timeline`` events that
cost something, the options give their defaults and automatic-renewal values (``build``). Asked through
``knowledge.operators.renewal_rule``: this module reads a user's file; a built-in operator's rule ships built
(``operators.builtin_rules``: what ``build`` makes of its file, checked by a test).
A value of the wrong kind is a ``ProfileError`` naming the file and the key.
"""

from typing import Any

from kenactl.core.operator import Event, OptionRule, option_defaults
from kenactl.core.renewal_rule import (
    CREDIT_EFFECTS,
    DAY_EFFECTS,
    FEE_SOURCES,
    STATUSES,
    TOPUP_EFFECTS,
    RenewalRule,
)
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.registry import builtin_file, read

LEDGER_KEYS = {"credit": CREDIT_EFFECTS, "usable": (True, False), "topup": TOPUP_EFFECTS, "day": DAY_EFFECTS,
               "fees": FEE_SOURCES}


def from_file(operator_id: str, path: str, ledger: tuple[str, tuple[Event, ...], dict[str, OptionRule]]) -> RenewalRule:
    """The rule of a user's file at ``path`` from the operator's ``ledger`` part; a file without ``[ledger]`` gets
    the ``other`` operator's assumptions (marked unknown)."""
    try:
        return build(operator_id, ledger, read(path))
    except ProfileError as error:
        message = error.message
        raise ProfileError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def build(operator_id: str, ledger: tuple[str, tuple[Event, ...], dict[str, OptionRule]],
          document: dict[str, Any]) -> RenewalRule:
    """The rule from the operator's ``ledger`` part (``operators.part``) and its file's ``[ledger]`` table."""
    from kenactl.core.renewal_rule import FeeRule, Source
    from kenactl.knowledge.fields import Fields

    source = document if "ledger" in document else read(builtin_file("other"))
    table = Fields(source, "").table_at("ledger")
    table.check_keys(set(LEDGER_KEYS))
    values, facts = {}, {}
    for key, allowed in LEDGER_KEYS.items():
        fields = table.table_at(key)
        fields.check_keys({"value", "source", "as_of", "status"})
        values[key] = _one_of(fields, "value", allowed)
        facts[key] = Source(fields.text("source"), fields.day("as_of"), _one_of(fields, "status", STATUSES))
    outcome, timeline, options = ledger
    fees = ()
    if values.pop("fees") == "timeline":  # an event without a cost is never charged: the sources state none
        fees = tuple(FeeRule(event.day, event.event, event.cost, event.when, event.only_if)
                     for event in timeline if event.cost is not None and event.cost > 0)
    return RenewalRule(operator=operator_id, outcome=outcome, fees=fees,
                       auto_renews={key: rule.auto_renews for key, rule in options.items() if rule.auto_renews},
                       defaults=option_defaults(options), facts=facts, **values)


def _one_of(fields, key: str, allowed: tuple) -> Any:
    value = fields.raw(key)
    if value not in allowed or type(value) is not type(allowed[0]):
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name(key), value=repr(value), known=", ".join(map(str, allowed))))
    return value
