"""The profile as the ledger derives it at a moment: what every read command shows.

Reads the operators' renewal rules (the user's files first) and folds each line's facts
(``core.ledger``); never writes anything.
"""

from datetime import datetime

from kenactl.core.ledger import LineState, fold
from kenactl.core.model import Profile
from kenactl.core.record import replace
from kenactl.core.renewal_rule import RenewalRule


def operators_used(profile: Profile) -> dict[str, str]:
    """Each operator the profile's lines use or used before (``line set --operator``), sorted, with one such line."""
    found: dict[str, str] = {}
    for name, line in profile.lines.items():
        for operator in (line.operator, *(change.old for change in line.changes if change.key == "operator")):
            found.setdefault(operator, name)
    return dict(sorted(found.items()))


def renewal_rules(profile: Profile, folder: str | None) -> dict[str, RenewalRule]:
    """The renewal rule of each operator the profile's lines use or used before (``line set --operator``)."""
    from kenactl.knowledge.ledger_rules import renewal_rule

    return {name: renewal_rule(name, folder) for name in operators_used(profile)}


def line_states(profile: Profile, now: datetime, folder: str | None) -> dict[str, LineState]:
    """Each line's ``LineState`` at ``now``."""
    rules = renewal_rules(profile, folder)
    return {name: fold(line, rules[line.operator], now, earlier=rules) for name, line in profile.lines.items()}


def derived_profile(profile: Profile, now: datetime, folder: str | None) -> tuple[Profile, dict[str, LineState]]:
    """The profile whose lines are as derived at ``now`` (credit, renewal day in force, ...), and the states."""
    states = line_states(profile, now, folder)
    return replace(profile, lines={name: state.line for name, state in states.items()}), states
