"""The JSON objects commands that write print with ``--json``: what changed, as the reading commands show it."""

from typing import Any

from kenactl.cli import App
from kenactl.core.model import Profile


def line_json(app: App, profile: Profile, name: str) -> dict[str, Any]:
    """Line ``name`` of ``profile`` at ``app.now`` as one object of ``status --json``."""
    from kenactl.core.status import profile_status
    from kenactl.derived import derived_profile
    from kenactl.views.status import status_json

    derived, states = derived_profile(profile, app.now, app.operator_folder)
    rules = {}
    if derived.line(name).last_topup is not None:  # operator data only when validity is shown (as status does)
        from kenactl.knowledge import operators

        rules = operators.validity_rules([derived.line(name)], app.operator_folder)
    return status_json(profile_status(derived, app.now, name, rules, states)[0])


def line_result(app: App, profile: Profile, name: str, **extra: Any) -> dict[str, Any]:
    """``{"line": <the line's status object>, **extra}``: the result of a change to one line."""
    return {"line": line_json(app, profile, name), **extra}
