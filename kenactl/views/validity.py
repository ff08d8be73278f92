"""SIM validity for people: a status row and a warning from 30 days before the end."""

from kenactl.core.validity import SimValidity
from kenactl.i18n import _, ngettext
from kenactl.render import Note
from kenactl.text import N_, data_text
from kenactl.views import human_date

STATUSES = {"verified": N_("verified"), "reported": N_("reported"), "unknown": N_("unknown")}


def _cite(validity: SimValidity) -> str:
    fact = validity.rule.fact
    values = {"source": str(data_text(fact.source)), "day": fact.as_of.isoformat()}
    if fact.verified:
        return _("[{source}, as of {day}]").format(**values)
    return _("[{source}, as of {day}, {status}]").format(status=_(STATUSES.get(fact.status, fact.status)), **values)


BASES = {"topup": N_("from the last top-up"), "activation": N_("from activation, no top-up recorded")}


def validity_row(validity: SimValidity) -> tuple[str, str]:
    """``("SIM valid until", "Mon 15 Nov 2027 (340 days left), from the last top-up")``."""
    days = validity.days_left
    if days >= 0:
        left = ngettext("{count} day left", "{count} days left", days).format(count=days)
    else:
        left = ngettext("ended {count} day ago", "ended {count} days ago", -days).format(count=-days)
    basis = f", {_(BASES[validity.basis])}" if validity.basis else ""
    return _("SIM valid until"), f"{human_date(validity.ends_on)} ({left}){basis}"


def validity_note(validity: SimValidity) -> Note | None:
    """A warning from 30 days before the end of validity on; None while it is far."""
    if not validity.warning:
        return None
    if validity.state == "expiring":
        text = _("The SIM's validity ends on {day}: any top-up before then renews it.").format(
            day=human_date(validity.ends_on))
    elif validity.state == "limited":
        text = _("The SIM's validity ended on {day}: limited service until {until}, then deactivation; "
                 "a top-up renews it.").format(day=human_date(validity.ends_on),
                                               until=human_date(validity.limited_until))
    elif validity.state == "lost":
        text = _("The SIM was deactivated after {day}; reactivation was possible until {until}.").format(
            day=human_date(validity.limited_until), until=human_date(validity.reactivation_until))
    elif validity.reactivation_until is None:
        text = _("The SIM was deactivated after {day}.").format(day=human_date(validity.limited_until))
    else:
        text = _("The SIM was deactivated after {day}; the number can be reactivated until {until}.").format(
            day=human_date(validity.limited_until), until=human_date(validity.reactivation_until))
    note = _("{text} Rule: {rule} {source}").format(text=text, rule=data_text(validity.rule.text),
                                                     source=_cite(validity))
    return Note(note, "warn" if validity.state == "expiring" else "bad")
