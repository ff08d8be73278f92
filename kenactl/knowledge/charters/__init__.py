"""The Kena Mobile service charters (Carte dei Servizi) as data: loader, validator and edition choice.

Each ``<id>.toml`` beside this module holds one edition's amounts, caps and deadlines, every group
with the section it comes from and a quote of the Italian text. Which edition applies to a case is
chosen by the case's date (``for_date``) unless the user names one (``choose``).

The fields in ``ENGLISH_FIELDS`` are English prose: they stay English in results and JSON and are the
msgids of their Italian translations (``translatable_texts``); titles, case names and quotes are the
charters' own Italian text and are never translated.
"""

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from kenactl.core import money
from kenactl.core.workdays import DAY_KINDS
from kenactl.errors import InputError, KenactlError
from kenactl.text import Msg

CHARTER_IDS = ("tim-2022", "noverca")
CASES = ("activation", "credit-renewal", "suspension", "malfunction", "unrequested", "mnp")
ENGLISH_FIELDS = ("edition", "in_force_basis", "compensation.payment_counted_from", "compensation.payment_method",
                  "compensation.request", "compensation.automatic_terms", "mnp.payment_method", "mnp.request",
                  "residual_credit.transfer_to", "residual_credit.small_credit_transfer_to")


class CharterError(KenactlError):
    """A charter data file is broken (a bug in kenactl's package data, not in user input)."""


@dataclass(frozen=True)
class Rate:
    """An indennizzo per day of delay: ``per_day`` euros, up to ``cap``, nothing for ``not_due_up_to_days``."""

    section: str
    per_day: Decimal
    cap: Decimal
    not_due_up_to_days: int
    days: str
    request: str
    quote: str


@dataclass(frozen=True)
class Compensation:
    """§15: the cases a)–e), the shared rate, the deadline to report and how it is paid."""

    rate: Rate
    cases: dict[str, str]
    report_within_months: int | None
    payment_within_days: int
    payment_counted_from: str
    payment_method: str
    automatic_cases: tuple[str, ...]
    automatic_section: str
    automatic_terms: str
    report_quote: str | None
    payment_quote: str


@dataclass(frozen=True)
class Mnp:
    """The MNP (number portability) delay indennizzo."""

    rate: Rate
    payment_method: str


@dataclass(frozen=True)
class Complaints:
    """§14: reply within ``reply_within_days`` calendar days, else ``per_step`` per ``step_days`` days late."""

    section: str
    reply_within_days: int
    per_step: Decimal
    step_days: int
    days: str
    cap: Decimal
    payment_within_days: int
    quote: str
    payment_quote: str


@dataclass(frozen=True)
class ResidualCredit:
    """§11: free transfer or refund minus ``refund_fee`` within ``refund_within_days`` working days."""

    section: str
    refund_fee: Decimal
    refund_within_days: int
    days: str
    transfer_to: str
    small_credit_transfer_to: str
    quote: str
    small_credit_quote: str
    bonus_quote: str


@dataclass(frozen=True)
class Charter:
    """One edition of the Carta dei Servizi Kena Mobile."""

    id: str
    title: str
    edition: str
    label: str
    source: str
    in_force_from: date | None
    in_force_basis: str
    compensation: Compensation
    mnp: Mnp
    complaints: Complaints
    residual_credit: ResidualCredit

    def cite(self, section: str) -> str:
        """``TIM ed. Dicembre 2022 §15`` — the edition and section a figure comes from."""
        return f"{self.label} {section}"

    def rate_for(self, case: str) -> Rate:
        """The rate of ``case``; a case this edition does not list is an ``InputError``."""
        if case == "mnp":
            return self.mnp.rate
        if case not in self.compensation.cases:
            listed = ", ".join([*self.compensation.cases, "mnp"])
            raise InputError(None, Msg("case {case} is not in the {charter} {section} (it lists: {listed})",
                                 case=repr(case), charter=self.label, section=self.compensation.rate.section,
                                 listed=listed))
        return self.compensation.rate


class _Table:
    """Typed access to one TOML table of a charter file; problems name ``file: table.key``."""

    def __init__(self, table: Any, where: str):
        if not isinstance(table, dict):
            raise CharterError(Msg("{where}: expected a table", where=where))
        self.table, self.where = table, where

    def get(self, key: str, kind: type, optional: bool = False) -> Any:
        if key not in self.table:
            if optional:
                return None
            raise CharterError(Msg("{where}.{key}: missing", where=self.where, key=key))
        value = self.table[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise CharterError(Msg("{where}.{key}: expected {kind}, got {value}", where=self.where, key=key,
                                   kind=kind.__name__, value=repr(value)))
        return value

    def money(self, key: str) -> Decimal:
        try:
            return money.parse_money(self.get(key, str), field=f"{self.where}.{key}")
        except InputError as error:
            raise CharterError(error.message) from None

    def days(self) -> str:
        kind = self.get("days", str)
        if kind not in DAY_KINDS:
            raise CharterError(Msg("{where}.days: {kind} is not one of {known}", where=self.where,
                                   kind=repr(kind), known=", ".join(DAY_KINDS)))
        return kind

    def sub(self, key: str) -> "_Table":
        return _Table(self.table.get(key), f"{self.where}.{key}")


def _rate(table: _Table) -> Rate:
    return Rate(section=table.get("section", str), per_day=table.money("per_day"), cap=table.money("cap"),
                not_due_up_to_days=table.get("not_due_up_to_days", int), days=table.days(),
                request=table.get("request", str), quote=table.get("quote", str))


def parse(text: str, origin: str) -> Charter:
    """Validate one charter file's text and build the ``Charter``."""
    try:
        top = _Table(tomllib.loads(text), origin)
    except tomllib.TOMLDecodeError as error:
        raise CharterError(Msg("{origin}: not valid TOML: {error}", origin=origin, error=str(error))) from None
    comp, mnp, complaints, credit = (top.sub(name) for name in
                                     ("compensation", "mnp", "complaints", "residual_credit"))
    cases = comp.sub("cases")
    for case in cases.table:
        if case not in CASES or case == "mnp":
            raise CharterError(Msg("{where}.{case}: unknown case (known: {known})", where=cases.where,
                                   case=case, known=", ".join(CASES[:-1])))
        cases.get(case, str)
    automatic = comp.get("automatic_cases", list)
    if not set(automatic) <= set(cases.table):
        raise CharterError(Msg("{where}.automatic_cases: {cases} names a case not in {table}", where=comp.where,
                               cases=repr(automatic), table=cases.where))
    return Charter(
        id=top.get("id", str), title=top.get("title", str), edition=top.get("edition", str),
        label=top.get("label", str), source=top.get("source", str),
        in_force_from=top.get("in_force_from", date, optional=True), in_force_basis=top.get("in_force_basis", str),
        compensation=Compensation(
            rate=_rate(comp), cases=dict(cases.table),
            report_within_months=comp.get("report_within_months", int, optional=True),
            payment_within_days=comp.get("payment_within_days", int),
            payment_counted_from=comp.get("payment_counted_from", str),
            payment_method=comp.get("payment_method", str), automatic_cases=tuple(automatic),
            automatic_section=comp.get("automatic_section", str), automatic_terms=comp.get("automatic_terms", str),
            report_quote=comp.get("report_quote", str, optional=True), payment_quote=comp.get("payment_quote", str)),
        mnp=Mnp(rate=_rate(mnp), payment_method=mnp.get("payment_method", str)),
        complaints=Complaints(
            section=complaints.get("section", str), reply_within_days=complaints.get("reply_within_days", int),
            per_step=complaints.money("per_step"), step_days=complaints.get("step_days", int),
            days=complaints.days(), cap=complaints.money("cap"),
            payment_within_days=complaints.get("payment_within_days", int), quote=complaints.get("quote", str),
            payment_quote=complaints.get("payment_quote", str)),
        residual_credit=ResidualCredit(
            section=credit.get("section", str), refund_fee=credit.money("refund_fee"),
            refund_within_days=credit.get("refund_within_days", int), days=credit.days(),
            transfer_to=credit.get("transfer_to", str),
            small_credit_transfer_to=credit.get("small_credit_transfer_to", str), quote=credit.get("quote", str),
            small_credit_quote=credit.get("small_credit_quote", str), bonus_quote=credit.get("bonus_quote", str)),
    )


@cache
def load(charter_id: str) -> Charter:
    """The charter with this id (``tim-2022`` or ``noverca``), read from the package data."""
    if charter_id not in CHARTER_IDS:
        raise InputError(None, Msg("unknown charter {charter}; choose one of: {known}", charter=repr(charter_id),
                             known=", ".join(CHARTER_IDS)))
    name = f"{charter_id}.toml"
    charter = parse(_text(name), name)
    if charter.id != charter_id:
        raise CharterError(Msg("{name}: id is {found}, expected {expected}", name=name, found=repr(charter.id),
                               expected=repr(charter_id)))
    return charter


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def translatable_texts() -> list[tuple[str, str]]:
    """The English prose of every packaged charter (``ENGLISH_FIELDS``), with ``file: field`` as origin."""
    found = []
    for charter_id in CHARTER_IDS:
        name = f"{charter_id}.toml"
        data = tomllib.loads(_text(name))
        for field in ENGLISH_FIELDS:
            value: Any = data
            for key in field.split("."):
                value = value[key]
            found.append((value, f"kenactl/knowledge/charters/{name}: {field}"))
    return found


def for_date(day: date) -> Charter:
    """The edition in force on ``day``: the latest whose ``in_force_from`` is on or before it."""
    editions = sorted((load(charter_id) for charter_id in CHARTER_IDS),
                      key=lambda charter: charter.in_force_from or date.min)
    return [charter for charter in editions if (charter.in_force_from or date.min) <= day][-1]


def choose(name: str | None, day: date) -> tuple[Charter, str]:
    """The named charter, else the one in force on ``day``; with how it was chosen (``option``/``date``)."""
    if name is not None:
        return load(name), "option"
    return for_date(day), "date"
