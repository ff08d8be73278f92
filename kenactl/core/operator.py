"""Operator knowledge as values: what an operator does when the credit is short, with a source per fact.

Built from the operator data files by ``kenactl.knowledge.operators``; consumed by ``explain``,
``validity``, ``restart``, ``rights`` and the reminders. Every piece carries a ``Fact`` (source, as-of
date, verified/reported/unknown); what only some operators offer is a feature listed in their file
(``core.features``). ``Fact`` and ``ValidityRule`` live in ``core.renewal_rule`` (``status`` builds the validity
rules without this module).
"""

from decimal import Decimal

from kenactl.core.record import field, record
from kenactl.core.renewal_rule import ALWAYS, Condition, Fact, ValidityRule
from kenactl.errors import InputError
from kenactl.text import Msg


@record
class Event:
    """Something that happens ``day`` days after the renewal, costing ``cost`` on top of the price.

    ``cost`` None: the sources state no amount (unknown). ``only_if`` (one of ``REQUIREMENTS``): the
    event happens only then; ``per_day_of_use``: its cost is charged only for a day actually used.
    """

    day: int
    event: str
    cost: Decimal | None
    fact: Fact
    when: Condition = ALWAYS
    only_if: str | None = None
    per_day_of_use: bool = False


@record
class Statement:
    """A sentence (what still works, what a top-up does, a note) and when it applies.

    ``text`` is English: from the data files (its own msgid) or a ``Msg`` made by ``explain``.
    """

    text: str | Msg
    fact: Fact
    when: Condition = ALWAYS
    only_if: str | None = None  # one of REQUIREMENTS, as for an Event


@record
class Rate:
    """A pay-per-use price: ``amount`` euros per ``unit`` of ``item``."""

    item: str
    amount: Decimal
    unit: str
    fact: Fact
    when: Condition = ALWAYS


@record
class OptionRule:
    """A per-line option: its values (with what each means), default, and the values that pay renewals."""

    key: str
    default: str
    values: dict[str, str]
    fact: Fact
    auto_renews: frozenset[str] = frozenset()


@record
class ShortCredit:
    """The outcome at a renewal the credit does not cover; ``day0`` is a template ({credit}, ...)."""

    outcome: str
    day0: str
    summary: str
    fact: Fact


@record
class Operator:
    """Everything kenactl knows about one operator, as loaded from ``origin``."""

    id: str
    name: str
    origin: str
    short_credit: ShortCredit
    validity: ValidityRule
    timeline: tuple[Event, ...] = ()
    works: tuple[Statement, ...] = ()
    rates: tuple[Rate, ...] = ()
    after_topup: tuple[Statement, ...] = ()
    notes: tuple[Statement, ...] = ()
    options: dict[str, OptionRule] = field(default_factory=dict)
    features: frozenset[str] = frozenset()

    def defaults(self) -> dict[str, str]:
        """Every option at its default value."""
        return option_defaults(self.options)

    def option(self, key: str) -> OptionRule:
        """The rule of option ``key``; an ``InputError`` naming the keys that apply if it does not."""
        if key not in self.options:
            raise InputError(None, Msg("option {key} does not apply to {operator}; its options are: {options}",
                key=repr(key), operator=self.name, options=", ".join(sorted(self.options))))
        return self.options[key]

    def check_options(self, options: dict[str, str]) -> dict[str, str]:
        """``options`` if every key applies to this operator and every value is allowed, else InputError."""
        for key, value in options.items():
            rule = self.option(key)
            if value not in rule.values:
                raise InputError(None, Msg("option {key}={value}: choose one of {values}",
                    key=key, value=value, values="|".join(rule.values)))
        return options

    def effective(self, options: dict[str, str]) -> dict[str, str]:
        """The defaults overridden by ``options`` (checked)."""
        return {**self.defaults(), **self.check_options(options)}


def option_defaults(options: dict[str, OptionRule]) -> dict[str, str]:
    """Every option of ``options`` at its default value."""
    return {key: rule.default for key, rule in options.items()}


def parse_option(text: str) -> tuple[str, str]:
    """``KEY=VALUE`` → (key, value); an empty value is allowed (it removes a stored option)."""
    key, sep, value = text.partition("=")
    key, value = key.strip(), value.strip()
    if not sep or not key:
        raise InputError(None, Msg("option {text}: write it as KEY=VALUE, e.g. continuita=off", text=repr(text)))
    return key, value


def updated_options(operator: Operator, current: dict[str, str],
                    pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """A line's stored options after ``pairs`` (``KEY=`` removes KEY); keys the operator lacks are dropped.

    Every given key must apply to ``operator`` and every value be allowed (``InputError`` otherwise).
    """
    options = {key: value for key, value in current.items() if key in operator.options}
    for key, value in pairs:
        if not value:
            operator.option(key)
            options.pop(key, None)
        else:
            operator.check_options({key: value})
            options[key] = value
    return options
