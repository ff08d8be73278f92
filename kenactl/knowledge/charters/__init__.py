"""The Kena Mobile service charters (Carte dei Servizi) as data: loader, validator and edition choice.

Each ``<id>.toml`` beside this module holds one edition's amounts, caps and deadlines, every group
with the section it comes from and a quote of the Italian text (the types are in ``core.charter``).
The package ships them parsed too (``builtin_data``, written from the files by ``tools/operator_data.py``
and checked against them by a test), so ``load`` reads no TOML and no package resource.
Which edition applies to a case is chosen by the case's date (``for_date``) unless the user names one
(``choose``).

The fields in ``ENGLISH_FIELDS`` are English prose: they stay English in results and JSON and are the
msgids of their Italian translations (``translatable_texts``); titles, case names and quotes are the
charters' own Italian text and are never translated.
"""

import tomllib
from datetime import date
from functools import cache
from typing import Any

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
    in_force,
)
from kenactl.core.record import replace
from kenactl.core.workdays import DAY_KINDS
from kenactl.errors import CharterError, InputError
from kenactl.knowledge import holidays
from kenactl.knowledge.fields import Fields
from kenactl.text import N_, Msg

__all__ = ["CASES", "CHARTER_IDS", "Charter", "CharterError", "choose", "editions", "for_date", "load", "parse",
           "translatable_texts"]

CHARTER_IDS = ("tim-2022", "noverca")
ENGLISH_FIELDS = ("edition", "in_force_basis", "compensation.payment_counted_from", "compensation.payment_method",
                  "compensation.request", "compensation.automatic_terms", "mnp.payment_method", "mnp.request",
                  "residual_credit.transfer_to", "residual_credit.small_credit_transfer_to", "residual_credit.porting",
                  "residual_credit.unrequested", "conciliation.procedure", "conciliation.steps",
                  "conciliation.mandatory", "changes.text", "withdrawal.how", "sim_block.text")


def _rate(table: Fields) -> Rate:
    return Rate(section=table.text("section"), per_day=table.money("per_day"), cap=table.money("cap"),
                not_due_up_to_days=table.integer("not_due_up_to_days"), days=table.choice("days", DAY_KINDS),
                request=table.text("request"), quote=table.text("quote"))


def read_document(text: str, origin: str) -> dict[str, Any]:
    """One charter file's TOML (what ``builtin_data`` holds for each packaged file)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
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
        holiday_name=holidays.holiday_name,
    )


@cache
def load(charter_id: str) -> Charter:
    """The charter with this id (``tim-2022`` or ``noverca``), built from the package's parsed data."""
    if charter_id not in CHARTER_IDS:
        raise InputError(None, Msg("unknown charter {charter}; choose one of: {known}", charter=repr(charter_id),
                             known=", ".join(CHARTER_IDS)))
    from kenactl.knowledge.charters.builtin_data import DOCUMENTS

    name = f"{charter_id}.toml"
    charter = build(DOCUMENTS[charter_id], name)
    if charter.id != charter_id:
        raise CharterError(Msg("{name}: id is {found}, expected {expected}", name=name, found=repr(charter.id),
                               expected=repr(charter_id)))
    return charter


def translatable_texts() -> list[tuple[str, str]]:
    """The English prose of every packaged charter (``ENGLISH_FIELDS``), with ``file: field`` as origin."""
    from kenactl.knowledge.charters.builtin_data import DOCUMENTS

    found = []
    for charter_id in CHARTER_IDS:
        name = f"{charter_id}.toml"
        data = DOCUMENTS[charter_id]
        for field in ENGLISH_FIELDS:
            value: Any = data
            for key in field.split("."):
                value = value[key]
            for text in value if isinstance(value, list) else [value]:
                found.append((text, f"kenactl/knowledge/charters/{name}: {field}"))
    return found


def in_city(charter: Charter, city: str | None) -> Charter:
    """``charter`` counting also the patron saint's day of ``city`` (a code or name; None: national only)."""
    if city is None:
        return charter
    code = holidays.city_code(city)
    return replace(charter, holiday_name=holidays.holiday_name_in(code), city=code)


def editions() -> tuple[Charter, ...]:
    """Every packaged edition (what ``core.rights`` chooses from by date)."""
    return tuple(load(charter_id) for charter_id in CHARTER_IDS)


def for_date(day: date) -> Charter:
    """The edition in force on ``day``: the latest whose ``in_force_from`` is on or before it."""
    return in_force(editions(), day)


def choose(name: str | None, day: date) -> tuple[Charter, str]:
    """The named charter, else the one in force on ``day``; with how it was chosen (``option``/``date``)."""
    if name is not None:
        return load(name), "option"
    return for_date(day), "date"
