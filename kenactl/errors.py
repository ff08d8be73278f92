"""The one error type kenactl raises for anything a user can fix, with its exit code."""

BAD_INPUT = 2
NEGATIVE = 1
DELIVERY_FAILED = 3  # remind: a reminder could not be delivered (it is retried by the next run)


class KenactlError(Exception):
    """A problem the user can act on; ``main()`` prints it as one line and exits with ``exit_code``."""

    exit_code = BAD_INPUT

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0])


class ProfileError(KenactlError):
    """The profile is missing, unreadable, malformed or fails validation."""


class InputError(KenactlError):
    """A value given on the command line is not acceptable."""
