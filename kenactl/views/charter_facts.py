"""``rights`` (overview), ``rights conciliation`` and ``rights contacts``: the charter facts a user needs next.

JSON keeps the charters' English prose and Italian quotes as they are; blocks translate the prose with ``_``.
"""

from typing import Any

from kenactl.core.charter import Charter
from kenactl.i18n import _
from kenactl.render import Fields, Note, Section, emit
from kenactl.views.rights import charter_json


def _cite(charter: Charter, section: str) -> str:
    return f"[{charter.cite(section)}]"


def conciliation_json(charter: Charter, chosen_by: str) -> dict[str, Any]:
    """The ``rights conciliation --json`` object."""
    rules = charter.conciliation
    return {"charter": charter_json(charter, chosen_by), "section": rules.section, "procedure": rules.procedure,
            "steps": list(rules.steps), "court": rules.mandatory, "source": charter.cite(rules.section),
            "quote": rules.quote}


def conciliation_blocks(charter: Charter) -> list[Any]:
    """What to do after a late or unsatisfying complaint reply, step by step, with the §16 quote."""
    rules, cite = charter.conciliation, _cite(charter, charter.conciliation.section)
    rows = [(_("When"), _("the reply to your complaint is late, or does not satisfy you") + f"  {cite}"),
            (_("Procedure"), _(rules.procedure) + f"  {cite}")]
    rows += [(_("Step {number}").format(number=number), _(step)) for number, step in enumerate(rules.steps, 1)]
    rows.append((_("Court"), _(rules.mandatory) + f"  {cite}"))
    return [Section(_("Conciliation ({charter})").format(charter=charter.label),
                    [Fields(rows), Note(f"«{rules.quote}» {cite}", "dim")])]


def show_conciliation(charter: Charter, chosen_by: str, *, as_json: bool) -> None:
    """Print ``rights conciliation``."""
    emit(conciliation_blocks(charter), conciliation_json(charter, chosen_by), as_json=as_json)


def contacts_json(charter: Charter, chosen_by: str) -> dict[str, Any]:
    """The ``rights contacts --json`` object."""
    contacts = charter.contacts
    return {
        "charter": charter_json(charter, chosen_by),
        "block_sim": {"from_italy": contacts.from_italy, "from_abroad": contacts.from_abroad,
                      "what": contacts.block, "source": charter.cite(contacts.block_section),
                      "quote": contacts.block_quote},
        "self_service": {"number": contacts.self_service, "source": charter.cite(contacts.self_service_section)},
        "withdrawal": {"how": contacts.withdrawal, "deactivated_within_days": contacts.deactivated_within_days,
                       "source": charter.cite(contacts.withdrawal_section), "quote": contacts.withdrawal_quote},
        "changes": changes_json(charter),
    }


def changes_json(charter: Charter) -> dict[str, Any]:
    """§7: notice of changes to the conditions and withdrawal without penalties."""
    contacts = charter.contacts
    return {"notice_days": contacts.notice_days, "what": contacts.changes,
            "source": charter.cite(contacts.changes_section), "quote": contacts.changes_quote}


def _changes_note(charter: Charter) -> Note:
    contacts = charter.contacts
    return Note(_("Changes to your conditions: {text} {cite}.").format(
        text=_(contacts.changes), cite=_cite(charter, contacts.changes_section)), "info")


def contacts_blocks(charter: Charter) -> list[Any]:
    """Blocking a lost or stolen SIM, the self-service line, and how to withdraw, each with its section."""
    contacts = charter.contacts
    block, leave = _cite(charter, contacts.block_section), _cite(charter, contacts.withdrawal_section)
    rows = [(_("Lost or stolen SIM"), _("call {italy} (from abroad {abroad})").format(
                italy=contacts.from_italy, abroad=contacts.from_abroad) + f"  {block}"),
            (_("What happens"), _(contacts.block) + f"  {block}"),
            (_("Self-service"), _("{number} (Fai da Te, from a Kena SIM)").format(number=contacts.self_service)
             + f"  {_cite(charter, contacts.self_service_section)}"),
            (_("Withdraw"), _(contacts.withdrawal) + f"  {leave}"),
            (_("SIM deactivated"), _("within {days} days of receiving your documents").format(
                days=contacts.deactivated_within_days) + f"  {leave}")]
    return [Section(_("Contacts ({charter})").format(charter=charter.label),
                    [Fields(rows), _changes_note(charter), Note(f"«{contacts.block_quote}» {block}", "dim")])]


def show_contacts(charter: Charter, chosen_by: str, *, as_json: bool) -> None:
    """Print ``rights contacts``."""
    emit(contacts_blocks(charter), contacts_json(charter, chosen_by), as_json=as_json)


def show_overview(charter: Charter, chosen_by: str, *, as_json: bool) -> None:
    """Print ``rights`` without a subcommand: §7 and where each right is."""
    rows = [("compensation", _("indennizzi for delays and malfunctions (§15)")),
            ("complaint", _("complaints and the indennizzo for late replies (§14)")),
            ("conciliation", _("the next step after a late or unsatisfying reply (§16)")),
            ("leave", _("residual credit when you leave or port the number (§11)")),
            ("contacts", _("block a lost or stolen SIM (§13), withdraw (§9)"))]
    blocks = [Section(_("Your rights ({charter})").format(charter=charter.label),
                      [_changes_note(charter), Fields(rows)])]
    emit(blocks, {"charter": charter_json(charter, chosen_by), "changes": changes_json(charter),
                  "commands": [name for name, _text in rows]}, as_json=as_json)
