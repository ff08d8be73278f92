"""The ``kenactl`` executable: completion values on a fast path, everything else through click."""

import gc
import os
import sys

VALUES_ENV = "_KENACTL_VALUES"
YOUNG_ALLOCATIONS = 50_000
"""Objects allocated between two young collections (Python: 700). A command's objects mostly live to its end
(the modules it imports, the profile, the ledger's states), so a young collection rarely frees anything;
``export`` holds collections back the same way in process (``cli.export.GC_ALLOCATIONS``)."""


def main() -> None:
    """Console entry point; ``_KENACTL_VALUES=KIND kenactl WORDS...`` prints completion values."""
    kind = os.environ.get(VALUES_ENV)
    if kind:
        from kenactl.completion.values import print_values  # no click: the shell scripts wait for this

        _finish(print_values(kind, sys.argv[1:]))
    gc.disable()  # loading click and kenactl makes only objects that live to the end: no collection scans them
    from kenactl.cli import main as cli_main

    gc.freeze()  # and none later: the collector watches only what the command itself makes
    gc.set_threshold(YOUNG_ALLOCATIONS, *gc.get_threshold()[1:])
    gc.enable()
    try:
        cli_main()
    except SystemExit as done:
        _finish(done.code)
    _finish(0)


def _finish(code):  # never returns (no ``NoReturn``: ``typing`` is imported with the collector off, by click)
    """End the process as ``sys.exit(code)`` would, without tearing the interpreter down: freeing every module
    and object at exit costs about a fifth of a short command, for nothing (the kernel frees the memory).

    The output is flushed first and the ``atexit`` handlers run (logging's, for one); if other threads are
    still running, or the output cannot be flushed (a closed pipe), Python's own exit does the rest."""
    import atexit

    if isinstance(code, str) or (code is not None and not isinstance(code, int)):
        raise SystemExit(code)  # Python prints it and exits 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # e.g. the reader went away, or a stream closed: Python handles it at exit
        raise SystemExit(code) from None
    if sys.modules.get("threading") is not None and sys.modules["threading"].active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()
    os._exit(code or 0)
