"""The ``kenactl`` executable: completion values on a fast path, everything else through click."""

import gc
import os
import sys

VALUES_ENV = "_KENACTL_VALUES"


def main() -> None:
    """Console entry point; ``_KENACTL_VALUES=KIND kenactl WORDS...`` prints completion values."""
    kind = os.environ.get(VALUES_ENV)
    if kind:
        from kenactl.completion.values import print_values  # no click: the shell scripts wait for this

        sys.exit(print_values(kind, sys.argv[1:]))
    gc.disable()  # loading click and kenactl makes only objects that live to the end: no collection scans them
    from kenactl.cli import main as cli_main

    gc.freeze()  # and none later: the collector watches only what the command itself makes
    gc.enable()
    cli_main()
