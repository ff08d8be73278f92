"""The errors kenactl raises for anything a user can fix, each with its exit code.

An error carries a ``Msg`` (or, from the CLI layer, text already in the reader's language); it is
rendered to one line only when ``main()`` prints it. An ``InputError`` keeps the field it is about
apart from the reason, so that click can show the reason under its own heading.
"""

from kenactl.text import Msg

BAD_INPUT = 2
NEGATIVE = 1
DELIVERY_FAILED = 3  # remind: a reminder could not be delivered (it is retried by the next run)


class KenactlError(Exception):
    """A problem the user can act on; ``main()`` prints it as one line and exits with ``exit_code``."""

    exit_code = BAD_INPUT

    def __init__(self, message: Msg | str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def msg(self) -> Msg | str:
        """What went wrong, not yet rendered."""
        return self.args[0]

    @property
    def message(self) -> str:
        """The one line in the current language."""
        return str(self.msg)

    def __str__(self) -> str:
        return self.message


class ProfileError(KenactlError):
    """The profile, or a data file beside it, is missing, unreadable, malformed or fails validation."""


class CharterError(KenactlError):
    """A charter data file is broken (a bug in kenactl's package data, not in user input)."""


class InputError(KenactlError):
    """A value the user gave is not acceptable: ``field`` names it (``None`` when no one field is at fault)."""

    def __init__(self, field: str | None, reason: Msg | str, exit_code: int | None = None):
        super().__init__(reason if field is None else Msg("{field}: {reason}", field=field, reason=reason),
                         exit_code)
        self.field = field
        self.reason = reason
