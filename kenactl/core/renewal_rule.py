"""What an operator does at a renewal the credit does not cover, as values the ledger applies, and how long
its SIM stays valid (``ValidityRule``, with its ``Fact``): the operator rules every read command applies.

Read from the ``[ledger]`` table of each operator data file by ``kenactl.knowledge.ledger_rules`` (one source
of truth with ``explain``: the outcome id is ``short_credit.outcome`` and the fees are the file's
``timeline`` events that have a cost). Every value carries its fact (source, as-of date, status). The rest of
an operator's knowledge is ``core.operator``'s (which names ``Fact`` and ``ValidityRule`` too).
"""

from datetime import date
from decimal import Decimal

from kenactl.core.record import field, record

STATUSES = ("verified", "reported", "unknown")  # of every fact in the operator files (README: Statuses)
OUTCOMES = ("suspended", "negative-credit", "not-renewed", "partially-charged", "unknown")  # short_credit.outcome
REQUIREMENTS = ("credit-used-up", "earlier-charges-paid")
"""What a timeline event may need to happen (its ``only_if``): the credit left after the renewal used up,
or no earlier charge still unpaid."""
CREDIT_EFFECTS = ("untouched", "minus-price", "to-zero-rest-owed")
TOPUP_EFFECTS = ("renews", "unblocks")
DAY_EFFECTS = ("moves", "stays", "unknown")
FEE_SOURCES = ("timeline", "none")


@record
class Condition:
    """Option values under which a fee (or an event of an operator's timeline) applies: every key must hold one
    of its values."""

    values: dict[str, frozenset[str]] = field(default_factory=dict)

    def holds(self, options: dict[str, str]) -> bool:
        return all(options.get(key) in allowed for key, allowed in self.values.items())


ALWAYS = Condition()


@record
class Fact:
    """Where a rule comes from: the public source (publisher or page, title, date), valid as of ``as_of``."""

    source: str
    as_of: date
    status: str

    @property
    def verified(self) -> bool:
        return self.status == "verified"


@record
class ValidityRule:
    """How long a SIM stays valid after its last top-up; ``valid_months`` None means unknown."""

    text: str
    fact: Fact
    valid_months: int | None = None
    grace_months: int = 0
    grace_days: int = 0
    reactivation_months: int | None = None  # counted from the deactivation
    reactivation_from_topup_months: int | None = None  # counted from the last top-up


@record
class Source:
    """Where a value of the rule comes from, as of when, and how sure it is (verified/reported/unknown)."""

    source: str
    as_of: date
    status: str


@record
class FeeRule:
    """A timeline event that costs ``cost``, ``day`` days after the renewal, under option values ``when``;
    ``only_if`` (one of ``REQUIREMENTS``) is what it needs to be charged at all."""

    day: int
    event: str
    cost: Decimal
    when: Condition
    only_if: str | None = None


@record
class RenewalRule:
    """One operator's rule for a renewal the credit does not cover.

    ``credit``: ``untouched`` (suspended / not renewed), ``minus-price`` (renewed into negative credit) or
    ``to-zero-rest-owed`` (the credit pays part, the rest is owed). ``usable``: whether the offer stays
    usable until a top-up. ``topup``: ``renews`` (a top-up covering the price and what is owed renews the
    offer at its moment) or ``unblocks`` (a top-up paying what is owed makes the offer usable again).
    ``day``: whether a renewal made by a top-up moves the renewal day to the top-up day (``unknown``
    keeps it). ``fees``: the timeline events that cost something, accrued on their day while the
    top-up is missing. ``auto_renews``: option values that pay every renewal (an automatic top-up).
    """

    operator: str
    outcome: str
    credit: str
    usable: bool
    topup: str
    day: str
    fees: tuple[FeeRule, ...]
    auto_renews: dict[str, frozenset[str]]
    defaults: dict[str, str]  # the operator's option defaults
    facts: dict[str, Source]

    def pays_itself(self, options: dict[str, str]) -> bool:
        """Whether an option of the line (an automatic top-up) pays every renewal."""
        chosen = {**self.defaults, **options}
        return any(chosen.get(key) in values for key, values in self.auto_renews.items())

    def fees_for(self, options: dict[str, str]) -> tuple[FeeRule, ...]:
        """The fees that apply under the line's ``options`` (the operator's defaults fill the rest)."""
        chosen = {**self.defaults, **options}
        return tuple(sorted((fee for fee in self.fees if fee.when.holds(chosen)), key=lambda fee: fee.day))
