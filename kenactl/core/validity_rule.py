"""How long an operator's SIM stays valid, as a value, and the ``Fact`` that sources each rule.

Apart from ``core.operator`` so that ``status`` (which shows the validity of every line with a top-up) builds
the built-in validity rules without defining the classes of the whole operator knowledge.
"""

from datetime import date

from kenactl.core.record import record


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
