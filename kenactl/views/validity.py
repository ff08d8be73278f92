"""SIM validity for people: a status row and a warning from 30 days before the end."""

from kenactl.core.validity import SimValidity
from kenactl.render import Note
from kenactl.views import human_date


def _cite(validity: SimValidity) -> str:
    fact = validity.rule.fact
    status = "" if fact.verified else f", {fact.status}"
    return f"[{fact.source}, as of {fact.as_of.isoformat()}{status}]"


def validity_row(validity: SimValidity) -> tuple[str, str]:
    """``("SIM valid until", "Mon 15 Nov 2027 (340 days)")``."""
    days = validity.days_left
    left = f"{days} days left" if days >= 0 else f"ended {-days} days ago"
    return "SIM valid until", f"{human_date(validity.ends_on)} ({left})"


def validity_note(validity: SimValidity) -> Note | None:
    """A warning from 30 days before the end of validity on; None while it is far."""
    if not validity.warning:
        return None
    if validity.state == "expiring":
        text = f"The SIM's validity ends on {human_date(validity.ends_on)}: any top-up before then renews it."
    elif validity.state == "limited":
        text = (f"The SIM's validity ended on {human_date(validity.ends_on)}: limited service until "
                f"{human_date(validity.limited_until)}, then deactivation; a top-up renews it.")
    else:
        until = ("" if validity.reactivation_until is None
                 else f"; the number can be reactivated until {human_date(validity.reactivation_until)}")
        if validity.state == "lost":
            until = f"; reactivation was possible until {human_date(validity.reactivation_until)}"
        text = f"The SIM was deactivated after {human_date(validity.limited_until)}{until}."
    return Note(f"{text} Rule: {validity.rule.text} {_cite(validity)}", "warn" if validity.state == "expiring"
                else "bad")
