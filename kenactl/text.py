"""Words that leave the core: ``Msg`` (an English template and its values), ``N_`` and ``Money``.

Standard library only, so the pure core can speak without knowing languages. ``Msg.render`` hands
the message to the renderer that ``kenactl.i18n`` registers when it is imported; without one (a
core used on its own) the English template is filled with ``str`` of each value.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

_renderer: list[Callable[["Msg", str | None], str]] = []


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (module constants, data)."""
    return message


class Money(Decimal):
    """An amount in euros: shown as ``7.99 €`` in English and ``7,99 €`` in Italian."""


class Msg:
    """A message whose text is chosen when it is shown: an English template and its values.

    ``str(msg)`` gives the current language; ``msg.english()`` the JSON form. Values are formatted
    for the language when shown: ``Money``, dates, date-times, Decimals and nested ``Msg``.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: Any):
        self.template = template
        self.values = values

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if _renderer:
            return _renderer[0](self, lang)
        return self.template.format(**{key: str(value) for key, value in self.values.items()})

    def english(self) -> str:
        """The message in English, as it appears in JSON."""
        return self.render("en")

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.template!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)


def data_text(text: "str | Msg") -> "str | Msg":
    """A text from a data file (operator or charter prose, a source) as a ``Msg``: it is its own msgid, and
    its braces are kept literally. A ``Msg`` or an empty text is returned unchanged."""
    if isinstance(text, Msg) or not text:
        return text
    return Msg(str(text).replace("{", "{{").replace("}", "}}"))


def register_renderer(render: Callable[[Msg, str | None], str]) -> None:
    """Make ``render(msg, lang)`` the way every ``Msg`` is shown (``kenactl.i18n`` calls this)."""
    _renderer[:] = [render]
