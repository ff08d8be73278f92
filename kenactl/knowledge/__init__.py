"""What kenactl knows from data files: the operators and the service charters, built in or the user's own.

The only code that reads package data or the user's data files (the profile itself is ``store``'s).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from kenactl.core.model import Profile


def reminder_knowledge(profile: "Profile", line_name: str | None, folder: "Path | str | None") -> dict[str, Any]:
    """What the reminders need from the data files, for the selected lines (the user's operator files in
    ``folder`` first): SIM-validity rules (lines with a last top-up), each operator's features, and the
    complaint terms of the charter editions."""
    from kenactl.knowledge import operators

    lines = profile.selected(line_name)
    knowledge = {
        "validity": operators.validity_rules(lines, folder),
        "features": {name: operators.part(name, "features", folder)  # a built-in file's features built alone
                     for name in sorted({line.operator for line in lines})},
        "charters": (),
    }
    if profile.complaints:  # the charters' complaint terms are imported only then (never the whole editions)
        from kenactl.knowledge import charters

        knowledge["charters"] = charters.complaint_editions()
    return knowledge
