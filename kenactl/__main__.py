"""Allow ``python -m kenactl``."""

from kenactl.cli import main

main()
