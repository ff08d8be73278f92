"""kenactl: prepaid SIM lines, renewals, short credit, Kena Restart and reminders."""

__version__ = "0.1.0"
