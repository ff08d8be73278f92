"""``export ics`` with a memory: the calendar's events reconciled with what earlier exports wrote.

The memory is the state's calendar file (``kenactl.state.calendar_file``), shared by every export
of the profile whatever file it goes to, so SEQUENCE and DTSTAMP only grow and an event that no
longer applies is written as cancelled (``kenactl.core.published``). A memory an older kenactl kept in
the state file's ``calendar`` table is read from there and moved out on the first export.
"""

from datetime import datetime
from pathlib import Path

from kenactl import ics, state
from kenactl.core.model import Profile
from kenactl.core.published import Published, Scope, from_json, reconcile, to_json
from kenactl.core.reminders import Item


def calendar_with_memory(profile_path: Path, profile: Profile, items: list[Item], alarms: tuple[int, ...],
                         line_name: str | None, now: datetime) -> tuple[bytes, int]:
    """(the calendar's bytes, how many events it holds), remembering them in the state file."""
    selected = frozenset(line.name for line in profile.selected(line_name))
    horizon = {}
    for item in items:
        if item.kind == "RENEWAL" and item.line in selected:
            horizon[item.line] = max(horizon.get(item.line, item.day), item.day)
    scope = Scope(selected=selected, existing=frozenset(profile.lines), horizon=horizon)
    path = state.state_path(profile_path)
    with state.locked(path):
        remembered, document = state.read_calendar(path), state.read(path, profile_path)
        earlier = remembered if remembered is not None else document["calendar"]
        where = state.calendar_file(path) if remembered is not None else path
        written, kept = reconcile(ics.events(profile, items), _memory(earlier, where), scope, now, ics.stamp(profile))
        calendar = {"events": {uid: to_json(event) for uid, event in sorted(kept.items())}}
        if calendar != earlier or remembered is None:  # the same memory: nothing to serialize, nothing to write
            state.write_calendar(path, calendar, profile_path)
        if document["calendar"]:  # kept there by an older kenactl: moved out once the calendar file holds it
            document["calendar"] = {}  # (a move interrupted between the two writes reads the calendar file)
            state.write(path, document)
    return ics.render(written, alarms), len(written)


def _memory(calendar: dict, path: str | Path) -> dict[str, Published]:
    events = calendar.get("events", {})
    try:
        return {uid: from_json(uid, data) for uid, data in events.items()}
    except (AttributeError, KeyError, TypeError, ValueError):
        raise state.damaged(path) from None
