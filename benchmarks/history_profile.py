"""Write a household profile of 5 lines, with or without years of recorded history, for benchmarks/ledger.py.

    python benchmarks/history_profile.py OUT.toml [--months 24] [--readings 30]

Every month has ``--readings`` usage readings, a top-up and a credit observation per line. With
``--months 0`` the lines have no history: they are created 30 days before the end moment and hold
only that last month (the current period's readings, one top-up and one observation), so that the
two profiles show the same state and differ only by the past.
"""

import argparse
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from kenactl import store
from kenactl.core.dates import add_elapsed, parse_moment
from kenactl.core.model import Allowances, Line, Observation, Profile, TopUp, UsageSample

END = parse_moment("2027-12-20T09:00")
LINES = (("main", "kena", "5.99", 31), ("mamma", "tim", "9.99", 5), ("luca", "vodafone", "7.99", 20),
         ("nonno", "windtre", "6.99", 28), ("gioia", "iliad", "9.99", 12))


def household(months: int, readings: int) -> Profile:
    """The five lines; ``months`` of history before the last month, which every profile has."""
    lines = {}
    months += 1
    for name, operator, price, day in LINES:
        start = add_elapsed(END, -timedelta(days=30 * months + 1))
        line = Line(name=name, operator=operator, offer=f"{operator} offer", price=Decimal(price), renewal_day=day,
                    included=Allowances(data=100_000, minutes=None, sms=100), credit=Decimal("20.00"),
                    observations=(Observation(at=start, credit=Decimal("20.00")),))
        usage, topups, observed = [], [], list(line.observations)
        for month in range(months):
            base = add_elapsed(start, timedelta(days=30 * month))
            usage += [UsageSample(at=add_elapsed(base, timedelta(hours=24 * index + 20)), data=3000 * index,
                                  minutes=10 * index, sms=index) for index in range(readings)]
            topups.append(TopUp(at=add_elapsed(base, timedelta(days=10, hours=9)), amount=Decimal("10.00")))
            observed.append(Observation(at=add_elapsed(base, timedelta(days=11, hours=9)), credit=Decimal("12.00")))
        lines[name] = Line(**{**vars(line), "usage": tuple(usage), "topups": tuple(topups),
                              "observations": tuple(observed)})
    return Profile(lines=lines, default_line="main", updated_at=END)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--readings", type=int, default=30)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(store.dumps(household(args.months, args.readings)), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
