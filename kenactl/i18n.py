"""The one translation layer: every message a person reads goes through here.

Catalogs are GNU gettext: the Italian sources are ``kenactl/locale/it/*.po`` (one file per area),
compiled by the package build (``setup.py``) into ``kenactl/locale/it/LC_MESSAGES/kenactl.mo``.
English is the source language. ``--json`` never goes through translation: texts that end up in
JSON are ``Msg`` objects, rendered in English for machines and in the chosen language for people.

Language: ``--lang it|en``, else ``KENACTL_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``: ``it_*`` → Italian), else English.
"""

import gettext
import os
import sys
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kenactl.core.money import format_money
from kenactl.text import N_, Money, Msg, register_renderer

DOMAIN = "kenactl"
LANGUAGES = ("en", "it")
LOCALE_FOLDER = os.path.join(os.path.dirname(__file__), "locale")

_state: dict[str, Any] = {"lang": "en", "catalog": gettext.NullTranslations()}


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The language to use: ``--lang``, ``KENACTL_LANG``, the locale, else English."""
    for candidate in (option, environ.get("KENACTL_LANG")):
        if candidate:
            return candidate.strip().lower()[:2] if candidate.strip().lower()[:2] in LANGUAGES else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "it" if value.lower().startswith("it") else "en"
    return "en"


def set_language(lang: str) -> None:
    """Switch every later message (kenactl's and click's) to ``lang``."""
    if lang not in LANGUAGES:
        lang = "en"
    if lang == "en":
        catalog: gettext.NullTranslations = gettext.NullTranslations()
    else:
        catalog = gettext.translation(DOMAIN, LOCALE_FOLDER, languages=[lang], fallback=True)
    _state.update(lang=lang, catalog=catalog)
    # click marks its own messages with gettext's default domain: point it at our catalog (the click modules
    # loaded later than ``route_click_messages`` read it there).
    gettext.bindtextdomain(DOMAIN, LOCALE_FOLDER)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang


def route_click_messages() -> None:
    """Give the click modules loaded now this module's ``_`` and ``ngettext``: the current catalog, in memory.

    click binds ``gettext.gettext`` and ``gettext.ngettext`` in each of its modules; every call of those looks
    for a catalog on disk, and the first one imports ``locale`` (together about 5 M instructions of a start).
    A click module loaded later (shell completion, the pager) still reaches the catalog through gettext's
    default domain, which ``set_language`` binds."""
    for name, module in list(sys.modules.items()):
        if module is None or name.partition(".")[0] != "click":
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext


def __getattr__(name: str) -> Any:
    """``LOCALE_DIR``: ``LOCALE_FOLDER`` as a ``Path``, built on use (a start-up does without ``pathlib``)."""
    if name == "LOCALE_DIR":
        from pathlib import Path

        return Path(LOCALE_FOLDER)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def language() -> str:
    """The current language code."""
    return _state["lang"]


def _(message: str) -> str:
    """``message`` in the current language."""
    return _state["catalog"].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return _state["catalog"].ngettext(singular, plural, count)


def render(message: Msg, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language), its values formatted for people."""
    lang = lang or language()
    template = message.template if lang == "en" else _(message.template)
    return template.format(**{key: show(value, lang) for key, value in message.values.items()})


register_renderer(render)


def show(value: Any, lang: str | None = None) -> str:
    """A value for people in ``lang``: money, numbers, dates, date-times and messages."""
    lang = lang or language()
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Money):
        return money(value, lang)
    if isinstance(value, Decimal):
        return number(value, lang)
    if isinstance(value, datetime):
        return moment(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    return str(value)


def money(value: Decimal, lang: str | None = None) -> str:
    """``7.99 €`` / ``7,99 €`` (two decimals, never ``-0.00``)."""
    return f"{_decimal_mark(format_money(value), lang)} €"


def number(value: Decimal | float | int, lang: str | None = None) -> str:
    """A number with the language's decimal mark: ``1.5`` / ``1,5``."""
    return _decimal_mark(f"{value}", lang)


def _decimal_mark(text: str, lang: str | None) -> str:
    return text.replace(".", ",") if (lang or language()) == "it" else text


MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))


SHORT_WEEKDAYS, SHORT_MONTHS = tuple(name[:3] for name in WEEKDAYS), tuple(name[:3] for name in MONTHS)
"""The English abbreviations ``day`` writes (cut once, not per day)."""


def day(value: date, lang: str | None = None) -> str:
    """``Thu 31 Dec 2026`` / ``gio 31 dicembre 2026``."""
    lang = lang or _state["lang"]
    if lang == "en":  # one %-format (parsed in C) instead of an f-string's format specs
        return "%s %02d %s %d" % (  # noqa: UP031
            SHORT_WEEKDAYS[value.weekday()], value.day, SHORT_MONTHS[value.month - 1], value.year)
    weekday = _translated(WEEKDAYS[value.weekday()], lang)[:3]
    return f"{weekday} {value.day} {_translated(MONTHS[value.month - 1], lang)} {value.year}"


def moment(value: datetime, lang: str | None = None) -> str:
    """``Thu 31 Dec 2026 00:00`` / ``gio 31 dicembre 2026 00:00``, in Europe/Rome."""
    from kenactl.core.dates import in_rome  # lazily: the time zone data only when a moment is shown

    local = in_rome(value)  # a datetime is a date: ``day`` reads its weekday, day, month and year
    return f"{day(local, lang)} {local.hour:02d}:{local.minute:02d}"  # as ``%H:%M``, without strftime


def _translated(message: str, lang: str) -> str:
    return message if lang == "en" else _(message)


def translate_help(command: Any) -> Any:
    """Set the help texts of a click ``command``, its subcommands and options in the current language.

    The English originals are kept on each object, so switching language again starts from them. The
    ``--help`` options click keeps are dropped instead: click builds each again with its text in the current
    language (one it first built in Italian has no English original to start from).
    """
    for item in _help_items(command):
        if getattr(item, "_help_option", None) is not None:
            item._help_option = None
        for attribute in ("help", "short_help", "epilog"):
            original = item.__dict__.setdefault(f"_english_{attribute}", getattr(item, attribute, None))
            if original:
                setattr(item, attribute, _(original))
    return command


def _help_items(command: Any) -> list[Any]:
    items = [command, *command.params]
    if getattr(command, "_help_option", None) is not None:
        items.append(command._help_option)
    for sub in getattr(command, "commands", {}).values():
        items.extend(_help_items(sub))
    return items


def help_texts(command: Any) -> list[str]:
    """Every English help text of ``command`` and its subcommands (for the catalog)."""
    texts = []
    for item in _help_items(command):
        for attribute in ("help", "short_help", "epilog"):
            text = item.__dict__.get(f"_english_{attribute}", getattr(item, attribute, None))
            if text:
                texts.append(text)
    return texts
