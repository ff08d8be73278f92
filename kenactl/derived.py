"""The profile as the ledger derives it at a moment: what every read command shows.

Reads the operators' renewal rules (the user's files first) and folds each line's facts
(``core.ledger``); never writes anything.
"""

from collections.abc import Iterator, Mapping
from datetime import datetime

from kenactl.core.ledger import LineState, fold
from kenactl.core.model import Line, Profile
from kenactl.core.record import replace
from kenactl.core.renewal_rule import RenewalRule


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

    The user's operator files of every line are read at once, so that a broken one is an error whichever
    line is looked up; a built-in operator's rule (its file is checked by the tests) is built when a line
    of that operator is folded.
    """

    def __init__(self, profile: Profile, now: datetime, folder: str | None):
        from kenactl.knowledge.registry import data_file, is_builtin

        self._profile, self._now, self._folder = profile, now, folder
        self._rules = {name: self._rule(name) for name in operators_used(profile)
                       if not is_builtin(data_file(name, folder))}
        self._states: dict[str, LineState] = {}

    def _rule(self, operator: str) -> RenewalRule:
        from kenactl.knowledge.operators import renewal_rule

        return renewal_rule(operator, self._folder)

    def __getitem__(self, name: str) -> LineState:
        if name not in self._states:
            line = self._profile.lines[name]
            for operator in _operators_of(line):
                if operator not in self._rules:
                    self._rules[operator] = self._rule(operator)
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
