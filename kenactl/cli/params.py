"""click parameter types and shared options; each type converts with the core's own parser."""

from collections.abc import Callable
from typing import Any

import click

from kenactl.core import dates, money, units
from kenactl.errors import InputError
from kenactl.knowledge.registry import BUILTIN, known

MAX_VALUE_LENGTH = 100


class CoreType(click.ParamType):
    """A click type whose conversion is a core parser; the parser's message becomes click's error."""

    def __init__(self, name: str, parse: Callable[[str], Any], suggestions: tuple[tuple[str, str], ...] = (),
                 max_length: int | None = MAX_VALUE_LENGTH):
        self.name = name
        self._parse = parse
        self.suggestions = suggestions  # (value, help) offered by shell completion
        self.max_length = max_length  # capped before converting: int() of 5000 digits is an error, not a number

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        if self.max_length is not None and len(value) > self.max_length:
            from kenactl.i18n import _

            self.fail(_("a value of {length} characters is too long (at most {limit})").format(
                length=len(value), limit=self.max_length), param, ctx)
        try:
            return self._parse(value)
        except InputError as error:
            self.fail(str(error.reason), param, ctx)


class LineName(click.types.StringParamType):
    """The name of an existing line (shell completion offers the profile's lines)."""

    name = "line"


LINE_NAME = LineName()


class OperatorChoice(click.Choice):
    """``--operator``: an id of the operator registry, the built-in ones (listed in help) or one the user's
    ``operators/<id>.toml`` beside the profile adds."""

    def __init__(self) -> None:
        super().__init__(BUILTIN)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from kenactl.cli import App

        app = ctx.find_object(App) if ctx is not None else None
        return click.Choice(known(app.operator_folder if app else None)).convert(value, param, ctx)


class _Unlimited:
    """What an allowance option holds when the user typed ``unlimited`` (``None`` means not given)."""

    def __repr__(self) -> str:
        return "unlimited"


UNLIMITED_GIVEN = _Unlimited()


def allowance(value):
    """The core value of an allowance option: ``None`` (unlimited) for ``UNLIMITED_GIVEN``."""
    return None if value is UNLIMITED_GIVEN else value


def _given(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse_given(text: str) -> Any:
        value = parse(text)
        return UNLIMITED_GIVEN if value is None else value

    return parse_given


def _parse_option(text: str):
    from kenactl.core.operator import parse_option  # lazily: only needed when --option is given

    return parse_option(text)


def _free_text(text: str) -> str:
    from kenactl.safety import check_free_text

    return check_free_text(text, field="text")


FREE_TEXT = CoreType("TEXT", _free_text, max_length=None)  # offers, descriptions, subjects: no control characters
MONEY = CoreType("EUR", lambda text: money.parse_money(text))
TOPUP = CoreType("EUR", lambda text: money.parse_positive(text, limit=money.TOPUP_LIMIT))
CHARGE = CoreType("EUR", lambda text: money.parse_positive(text))
SIGNED_MONEY = CoreType("EUR", lambda text: money.parse_money(text, allow_negative=True))
DATA = CoreType("AMOUNT", _given(units.parse_data))
DATA_USED = CoreType("AMOUNT", lambda text: units.parse_data(text, allow_unlimited=False))
COUNT = CoreType("N|unlimited", _given(lambda text: units.parse_count(text, field="value")))
COUNT_USED = CoreType("N", lambda text: units.parse_count(text, field="value", allow_unlimited=False))
TIME_OF_DAY = CoreType("HH:MM", lambda text: dates.parse_time_of_day(text))
DATE = CoreType("DATE", lambda text: dates.parse_date(text, field="date"))
DURATION = CoreType("DURATION", lambda text: dates.parse_duration(text, field="duration"),
                    suggestions=(("12h", "12 hours"), ("1d", "1 day"), ("2d", "2 days"), ("3d", "3 days"),
                                 ("1w", "1 week")))
RENEWAL_DAY = click.IntRange(1, 31)
OPERATOR = OperatorChoice()
OPTION = CoreType("KEY=VALUE", _parse_option)  # an operator option such as continuita=off


def line_option(function: Callable) -> Callable:
    """``--line NAME``: which line (default: the profile's default line)."""
    return click.option("--line", "line_name", metavar="NAME", type=LINE_NAME,
                        help="The line to use (default: the profile's default line).")(function)


def all_lines_option(function: Callable) -> Callable:
    """``--line NAME`` for commands that otherwise cover every line."""
    return click.option("--line", "line_name", metavar="NAME", type=LINE_NAME,
                        help="Only this line (default: every line).")(function)


def json_option(function: Callable) -> Callable:
    """``--json``: machine-readable output (a command that writes prints the resulting object)."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(function)


def yes_option(function: Callable) -> Callable:
    """``--yes``: do not ask for confirmation (``confirm.confirm``)."""
    return click.option("--yes", "-y", "assume_yes", is_flag=True,
                        help="Do not ask for confirmation (without a terminal nobody is asked anyway).")(function)


def json_requested() -> bool:
    """True when the running command was given ``--json``: prompts then go to stderr, stdout is the JSON alone."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.params.get("as_json"))


LINE_FIELDS = (
    ("operator", "--operator", OPERATOR, "Operator."),
    ("offer", "--offer", FREE_TEXT, "Offer name, e.g. 'Kena 7.99 Flash'."),
    ("price", "--price", MONEY, "Monthly price in euros, e.g. 7.99."),
    ("renewal_day", "--renewal-day", RENEWAL_DAY, "Day of the month the offer renews (1-31)."),
    ("data", "--data", DATA, "Included data: 800MB, 100GB, 1,5GB or unlimited."),
    ("minutes", "--minutes", COUNT, "Included minutes, or unlimited."),
    ("sms", "--sms", COUNT, "Included SMS, or unlimited."),
    ("credit", "--credit", SIGNED_MONEY, "Current credit in euros (may be negative)."),
)


def line_field_options(function: Callable) -> Callable:
    """The options describing a line (all optional here; commands decide what is required)."""
    payment = click.option("--payment", type=click.Choice(["credit", "card"]),
                           help="How renewals are paid: from the credit (default) or by card / bank account.")
    function = payment(function)
    function = click.option("--activated", type=DATE, metavar="DATE",
                            help="The day the SIM was activated: its validity counts from it until a top-up.")(function)
    function = click.option("--renewal-time", type=TIME_OF_DAY, metavar="HH:MM",
                            help="Time of day of the renewal (default 00:00).")(function)
    for dest, flag, kind, text in reversed(LINE_FIELDS):
        function = click.option(flag, dest, type=kind, help=text)(function)
    return function


def note_option(function: Callable) -> Callable:
    """``--note TEXT``: the line's own free text, kept in the profile and shown by ``status``."""
    return click.option("--note", type=FREE_TEXT,
                        help="A note of your own about the line, shown by status (--note \"\" removes it).")(function)
def new_line_options(function: Callable) -> Callable:
    """``--option KEY=VALUE`` (repeatable) and ``--last-topup DATE``: what ``init`` and ``line add`` also record."""
    function = click.option("--last-topup", type=DATE, metavar="DATE",
                            help="The day of the SIM's last top-up, for its validity (its amount is in the credit).")(
        function)
    return click.option("--option", "option_pairs", type=OPTION, multiple=True, metavar="KEY=VALUE",
                        help="An operator option, e.g. continuita=off or sempre-connesso=on (repeatable).")(function)
