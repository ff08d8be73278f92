"""The Kena Mobile service charters (Carte dei Servizi) as data: the packaged editions and the edition choice.

Each ``<id>.toml`` beside this module holds one edition's amounts, caps and deadlines, every group
with the section it comes from and a quote of the Italian text (the types are in ``core.charter``).
``loader`` validates such a file and builds its ``Charter``; the package ships what it builds of each file
(``builtin_charters``, written by ``tools/operator_data.py`` and checked against the files by a test), so
``load`` reads no TOML and validates nothing; what a complaint needs of each edition
(``core.complaints.ComplaintTerms``) is shipped alone too (``builtin_complaint_terms``), so ``remind`` builds no whole
edition. Which edition applies to a case is chosen by the case's date (``for_date``) unless the user names
one (``choose``).

The fields in ``ENGLISH_FIELDS`` are English prose: they stay English in results and JSON and are the
msgids of their Italian translations (``translatable_texts``); titles, case names and quotes are the
charters' own Italian text and are never translated.
"""

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from kenactl.core.complaints import ComplaintTerms, in_force
from kenactl.core.record import replace
from kenactl.errors import CharterError, InputError
from kenactl.text import Msg

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kenactl.core.charter import Charter

__all__ = ["CHARTER_IDS", "CharterError", "choose", "complaint_editions", "editions", "for_date", "load",
           "national_holidays", "translatable_texts"]

CHARTER_IDS = ("tim-2022", "noverca")
ENGLISH_FIELDS = ("edition", "in_force_basis", "compensation.payment_counted_from", "compensation.payment_method",
                  "compensation.request", "compensation.automatic_terms", "mnp.payment_method", "mnp.request",
                  "residual_credit.transfer_to", "residual_credit.small_credit_transfer_to", "residual_credit.porting",
                  "residual_credit.unrequested", "conciliation.procedure", "conciliation.steps",
                  "conciliation.mandatory", "changes.text", "withdrawal.how", "sim_block.text")


class NationalHolidays:
    """Italy's national holidays, which a charter's day counts skip (``knowledge.holidays.holiday_name``, a
    ``core.workdays.HolidayName``), loaded when a day is first asked: ``remind`` knows a complaint's reply
    deadline without counting days."""

    def __call__(self, day: date) -> str | None:
        """The holiday on ``day`` (English name), or None."""
        from kenactl.knowledge.holidays import holiday_name

        return holiday_name(day)

    def in_year(self, year: int) -> "Mapping[date, str]":
        """Every national holiday of ``year`` with its English name, in date order."""
        from kenactl.knowledge.holidays import holiday_name

        return holiday_name.in_year(year)


national_holidays = NationalHolidays()
"""The national holidays of every packaged charter (``holiday_name``), until ``in_city`` adds a city's."""


@cache
def load(charter_id: str) -> "Charter":
    """The charter with this id (``tim-2022`` or ``noverca``), as the package ships it built."""
    if charter_id not in CHARTER_IDS:
        raise InputError(None, Msg("unknown charter {charter}; choose one of: {known}", charter=repr(charter_id),
                             known=", ".join(CHARTER_IDS)))
    from kenactl.knowledge.charters.builtin_charters import CHARTERS

    return CHARTERS[charter_id]()


def translatable_texts() -> list[tuple[str, str]]:
    """The English prose of every packaged charter (``ENGLISH_FIELDS``), with ``file: field`` as origin."""
    from kenactl.knowledge.charters import loader

    found = []
    for charter_id in CHARTER_IDS:
        name = f"{charter_id}.toml"
        data = loader.packaged_document(charter_id)
        for field in ENGLISH_FIELDS:
            value: Any = data
            for key in field.split("."):
                value = value[key]
            for text in value if isinstance(value, list) else [value]:
                found.append((text, f"kenactl/knowledge/charters/{name}: {field}"))
    return found


def in_city(charter: "Charter", city: str | None) -> "Charter":
    """``charter`` counting also the patron saint's day of ``city`` (a code or name; None: national only)."""
    if city is None:
        return charter
    from kenactl.knowledge import holidays

    code = holidays.city_code(city)
    return replace(charter, holiday_name=holidays.holiday_name_in(code), city=code)


def editions() -> "tuple[Charter, ...]":
    """Every packaged edition (what ``core.rights`` chooses from by date)."""
    return tuple(load(charter_id) for charter_id in CHARTER_IDS)


@cache
def complaint_editions() -> tuple[ComplaintTerms, ...]:
    """The complaint terms of every packaged edition (``Charter.complaint_terms``), as the package ships them."""
    from kenactl.knowledge.charters.builtin_complaint_terms import TERMS

    return tuple(TERMS[charter_id]() for charter_id in CHARTER_IDS)


def for_date(day: date) -> "Charter":
    """The edition in force on ``day``: the latest whose ``in_force_from`` is on or before it."""
    return in_force(editions(), day)


def choose(name: str | None, day: date) -> "tuple[Charter, str]":
    """The named charter, else the one in force on ``day``; with how it was chosen (``option``/``date``)."""
    if name is not None:
        return load(name), "option"
    return for_date(day), "date"
