"""Allow ``python -m kenactl``."""

from kenactl.entry import main

main()
