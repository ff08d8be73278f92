"""The charter loader and validator: a charter file's TOML checked field by field and built into a ``Charter``.

Imported only by ``tools/operator_data.py``, which ships what ``build`` makes of each packaged file as
``builtin_charters``, by the tests, and for the packaged files' prose (``charters.translatable_texts``); a
command reads neither charter TOML nor this module.
"""

from pathlib import Path
from typing import Any

import tomli

from kenactl.core.charter import (
    CASES,
    Charter,
    Compensation,
    Complaints,
    Conciliation,
    Contacts,
    Mnp,
    Rate,
    ResidualCredit,
)
from kenactl.core.workdays import DAY_KINDS
from kenactl.errors import CharterError
from kenactl.knowledge.charters import national_holidays
from kenactl.knowledge.fields import Fields
from kenactl.text import N_, Msg

FOLDER = Path(__file__).parent


def _rate(table: Fields) -> Rate:
    return Rate(section=table.text("section"), per_day=table.money("per_day"), cap=table.money("cap"),
                not_due_up_to_days=table.integer("not_due_up_to_days"), days=table.choice("days", DAY_KINDS),
                request=table.text("request"), quote=table.text("quote"))


def read_document(text: str, origin: str) -> dict[str, Any]:
    """One charter file's TOML."""
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise CharterError(Msg("{origin}: not valid TOML: {error}", origin=origin, error=str(error))) from None


def parse(text: str, origin: str) -> Charter:
    """Validate one charter file's text and build the ``Charter``."""
    return build(read_document(text, origin), origin)


def build(document: dict[str, Any], origin: str) -> Charter:
    """Validate one charter file's parsed document and build the ``Charter``."""
    top = Fields(document, origin=origin, error=CharterError)
    comp, mnp, complaints, credit, conciliation, changes, withdrawal, block = (top.table_at(name) for name in (
        "compensation", "mnp", "complaints", "residual_credit", "conciliation", "changes", "withdrawal",
        "sim_block"))
    steps = conciliation.typed("steps", list, "a list of values")
    if not steps or not all(isinstance(step, str) and step.strip() for step in steps):
        conciliation.fail(Msg("{field}: expected a list of texts", field=conciliation.name("steps")))
    cases = comp.table_at("cases")
    for case in cases.table:
        if case not in CASES or case == "mnp":
            cases.fail(Msg("{field}: unknown case (known: {known})", field=cases.name(case),
                           known=", ".join(CASES[:-1])))
        cases.text(case)
    automatic = comp.typed("automatic_cases", list, N_("a list of values"))
    if not set(automatic) <= set(cases.table):
        comp.fail(Msg("{field}: {cases} names a case not in {table}", field=comp.name("automatic_cases"),
                      cases=repr(automatic), table=cases.where))
    return Charter(
        id=top.text("id"), title=top.text("title"), edition=top.text("edition"),
        label=top.text("label"), source=top.text("source"),
        in_force_from=top.day("in_force_from", None), in_force_basis=top.text("in_force_basis"),
        compensation=Compensation(
            rate=_rate(comp), cases=dict(cases.table),
            report_within_months=comp.integer("report_within_months", default=None),
            payment_within_days=comp.integer("payment_within_days"),
            payment_counted_from=comp.text("payment_counted_from"),
            payment_method=comp.text("payment_method"), automatic_cases=tuple(automatic),
            automatic_section=comp.text("automatic_section"), automatic_terms=comp.text("automatic_terms"),
            report_quote=comp.text("report_quote", None), payment_quote=comp.text("payment_quote")),
        mnp=Mnp(rate=_rate(mnp), payment_method=mnp.text("payment_method")),
        complaints=Complaints(
            section=complaints.text("section"), reply_within_days=complaints.integer("reply_within_days"),
            per_step=complaints.money("per_step"), step_days=complaints.integer("step_days"),
            days=complaints.choice("days", DAY_KINDS), cap=complaints.money("cap"),
            payment_within_days=complaints.integer("payment_within_days"), quote=complaints.text("quote"),
            payment_quote=complaints.text("payment_quote")),
        residual_credit=ResidualCredit(
            section=credit.text("section"), refund_fee=credit.money("refund_fee"),
            refund_within_days=credit.integer("refund_within_days"), days=credit.choice("days", DAY_KINDS),
            transfer_to=credit.text("transfer_to"),
            small_credit_transfer_to=credit.text("small_credit_transfer_to"), quote=credit.text("quote"),
            small_credit_quote=credit.text("small_credit_quote"), bonus_quote=credit.text("bonus_quote"),
            porting=credit.text("porting"), porting_quote=credit.text("porting_quote"),
            unrequested=credit.text("unrequested"), unrequested_quote=credit.text("unrequested_quote")),
        conciliation=Conciliation(
            section=conciliation.text("section"), procedure=conciliation.text("procedure"), steps=tuple(steps),
            mandatory=conciliation.text("mandatory"), quote=conciliation.text("quote")),
        contacts=Contacts(
            changes_section=changes.text("section"), notice_days=changes.integer("notice_days", 1, 365),
            changes=changes.text("text"), changes_quote=changes.text("quote"),
            withdrawal_section=withdrawal.text("section"), withdrawal=withdrawal.text("how"),
            deactivated_within_days=withdrawal.integer("deactivated_within_days", 1, 365),
            withdrawal_quote=withdrawal.text("quote"), block_section=block.text("section"),
            from_italy=block.text("from_italy"), from_abroad=block.text("from_abroad"),
            self_service=block.text("self_service"), self_service_section=block.text("self_service_section"),
            block=block.text("text"), block_quote=block.text("quote")),
        holiday_name=national_holidays,
    )


def packaged_document(charter_id: str) -> dict[str, Any]:
    """The parsed TOML of the packaged charter ``charter_id``."""
    name = f"{charter_id}.toml"
    return read_document((FOLDER / name).read_text(encoding="utf-8"), name)


def build_packaged(charter_id: str) -> Charter:
    """The packaged charter ``charter_id`` built from its file; a file whose ``id`` differs is a ``CharterError``."""
    name = f"{charter_id}.toml"
    charter = build(packaged_document(charter_id), name)
    if charter.id != charter_id:
        raise CharterError(Msg("{name}: id is {found}, expected {expected}", name=name, found=repr(charter.id),
                               expected=repr(charter_id)))
    return charter
