"""The profile as the ledger derives it at a moment: what every read command shows.

Reads the operators' renewal rules (the user's files first) and folds each line's facts
(``core.ledger``); never writes anything.
"""

from collections.abc import Iterator, Mapping
from datetime import datetime

from kenactl.core.ledger import LineState, fold
from kenactl.core.model import Line, Profile
from kenactl.core.record import replace


def operators_used(profile: Profile) -> dict[str, str]:
    """Each operator the profile's lines use or used before (``line set --operator``), sorted, with one such line."""
    found: dict[str, str] = {}
    for name, line in profile.lines.items():
        for operator in _operators_of(line):
            found.setdefault(operator, name)
    return dict(sorted(found.items()))


def _operators_of(line: Line) -> tuple[str, ...]:
    return (line.operator, *(change.old for change in line.changes if change.key == "operator"))


class LineStates(Mapping):
    """Each line's ``LineState`` at ``now`` by line name, in the profile's order, folded when first looked up
    (``explain`` and ``restart`` want one line of the household).

    The renewal rule of every operator the lines use is read at once, so that a broken user's file is an
    error whichever line is looked up (a built-in operator's rule ships built).
    """

    def __init__(self, profile: Profile, now: datetime, folder: str | None):
        from kenactl.knowledge.operators import renewal_rule

        self._profile, self._now = profile, now
        self._rules = {name: renewal_rule(name, folder) for name in operators_used(profile)}
        self._states: dict[str, LineState] = {}

    def __getitem__(self, name: str) -> LineState:
        if name not in self._states:
            line = self._profile.lines[name]
            rules = {operator: self._rules[operator] for operator in _operators_of(line)}
            self._states[name] = fold(line, rules[line.operator], self._now, earlier=rules)
        return self._states[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._profile.lines)

    def __len__(self) -> int:
        return len(self._profile.lines)


def line_states(profile: Profile, now: datetime, folder: str | None) -> LineStates:
    """Each line's ``LineState`` at ``now`` (a line is folded when first looked up)."""
    return LineStates(profile, now, folder)


def derived_profile(profile: Profile, now: datetime, folder: str | None) -> tuple[Profile, dict[str, LineState]]:
    """The profile whose lines are as derived at ``now`` (credit, renewal day in force, ...), and the states."""
    states = dict(line_states(profile, now, folder))
    return replace(profile, lines={name: state.line for name, state in states.items()}), states
