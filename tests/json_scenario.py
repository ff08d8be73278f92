"""A household that exercises every key of every command's ``--json``: each command run with ``--json``.

``runs(run)`` plays it through the CLI (every write is one of the runs) and returns the outputs per command.
"""

import json

KENA = ("--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99", "--renewal-day", "15", "--data", "100GB",
        "--minutes", "unlimited", "--sms", "100", "--credit", "10")
TIM = ("--operator", "tim", "--offer", "TIM Smart", "--price", "9.99", "--renewal-day", "5", "--data", "10GB",
       "--minutes", "500", "--sms", "unlimited", "--credit", "4.50")
VODAFONE = ("--operator", "vodafone", "--offer", "Vodafone Special", "--price", "7.99", "--renewal-day", "5",
            "--data", "50GB", "--minutes", "unlimited", "--sms", "unlimited", "--credit", "2")
WINDTRE = ("--operator", "windtre", "--offer", "GO 150", "--price", "9.99", "--renewal-day", "20", "--data", "150GB",
           "--minutes", "unlimited", "--sms", "200", "--credit", "12")
EASY_PAY = ("--operator", "windtre", "--offer", "Easy Pay", "--price", "9.99", "--renewal-day", "20", "--data", "100GB",
            "--minutes", "unlimited", "--sms", "100", "--credit", "3", "--payment", "card")

# (the command as the table names it, the moment, its arguments); outputs of commands that exit 1 count too
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("init", "2026-11-01T10:00", ("init", *KENA)),
    ("line add", "2026-11-01T10:05", ("line", "add", "nonna", *TIM, "--note", "Nonna's phone, PIN in the drawer")),
    ("line add", "2026-11-01T10:05", ("line", "add", "voda", *VODAFONE)),
    ("line add", "2026-11-01T10:06", ("line", "add", "luca", *WINDTRE)),
    ("line set", "2026-11-01T10:07", ("line", "set", "--line", "luca", "--option", "autoricarica=on")),
    ("line set", "2026-11-01T10:08", ("line", "set", "--line", "luca", "--operator", "tim")),
    ("line rename", "2026-11-01T10:09", ("line", "rename", "luca", "zio")),
    ("line default", "2026-11-01T10:10", ("line", "default", "zio")),
    ("line remove", "2026-11-01T10:11", ("line", "remove", "zio", "--yes")),
    ("undo", "2026-11-01T10:12", ("undo",)),
    ("undo", "2026-11-01T10:13", ("undo",)),
    ("credit set", "2026-11-02T09:00", ("credit", "set", "20")),
    ("credit topup", "2026-11-02T09:05", ("credit", "topup", "10")),
    ("usage set", "2026-11-05T12:00", ("usage", "set", "--data", "40GB", "--sms", "10")),
    ("usage set", "2026-11-09T12:00", ("usage", "set", "--data", "85GB", "--sms", "20")),
    ("restart check", "2026-11-10T09:00", ("restart", "check")),
    ("restart plan", "2026-11-09T13:00", ("restart", "plan")),
    ("restart apply", "2026-11-10T09:00", ("restart", "apply", "--yes")),
    ("restart check", "2026-11-10T10:00", ("restart", "check")),
    ("usage set", "2026-11-12T12:00", ("usage", "set", "--data", "20GB")),
    ("charges add", "2026-11-12T12:05", ("charges", "add", "--line", "nonna", "late fees", "1.98")),
    ("charges add", "2026-11-12T12:06", ("charges", "add", "--line", "nonna", "arrears", "20",
                                         "--instalments", "3")),
    ("charges clear", "2026-11-12T12:07", ("charges", "clear", "--line", "nonna", "2", "--yes")),
    ("charges list", "2026-11-12T12:08", ("charges", "list", "--line", "nonna")),
    # a line paid by card with Easy Pay arrears: instalments charged to the card, explain's card answer
    ("line add", "2026-11-12T12:09", ("line", "add", "easy", *EASY_PAY)),
    ("charges add", "2026-11-12T12:10", ("charges", "add", "--line", "easy", "Easy Pay arrears", "19.98")),
    ("charges list", "2026-12-20T10:00", ("charges", "list", "--line", "easy")),
    ("explain", "2026-11-20T10:00", ("explain", "--line", "easy")),
    ("explain", "2026-11-20T10:00", ("explain", "--line", "easy", "--compare")),
    ("rights complaint add", "2026-11-02T10:00", ("rights", "complaint", "add", "--date", "2026-09-01",
                                                  "--subject", "Double charge")),
    ("rights complaint add", "2026-11-02T10:01", ("rights", "complaint", "add", "--subject", "Data not renewed",
                                                  "--written")),
    ("rights complaint close", "2026-11-20T10:00", ("rights", "complaint", "close", "1", "--date", "2026-11-19",
                                                    "--unsatisfied")),
    ("rights complaint list", "2026-12-20T10:00", ("rights", "complaint", "list")),
    ("rights", "2026-11-20T10:00", ("rights",)),
    ("rights conciliation", "2026-11-20T10:00", ("rights", "conciliation")),
    ("rights contacts", "2026-11-20T10:00", ("rights", "contacts")),
    ("rights compensation", "2026-04-20", ("rights", "compensation", "--case", "malfunction",
                                           "--from", "2026-04-02", "--to", "2026-04-08")),
    ("rights compensation", "2026-12-01", ("rights", "compensation", "--case", "mnp", "--from", "2026-09-07",
                                           "--to", "2026-10-05", "--charter", "noverca")),
    ("rights leave", "2026-11-20T10:00", ("rights", "leave", "--bonus", "1")),
    ("status", "2026-11-20T10:00", ("status",)),
    ("status", "2026-12-06T10:00", ("status",)),
    ("line list", "2026-11-20T10:00", ("line", "list")),
    ("usage show", "2026-11-20T10:00", ("usage", "show")),
    ("history", "2026-12-20T10:00", ("history",)),
    ("explain", "2026-11-20T10:00", ("explain", "--line", "nonna")),
    ("explain", "2026-11-20T10:00", ("explain", "--compare")),
    ("explain", "2026-11-20T10:00", ("explain", "--operator", "iliad", "--price", "9.99", "--credit", "1")),
    ("explain", "2026-11-20T10:00", ("explain", "--operator", "tim", "--price", "9.99", "--credit", "5",
                                     "--option", "sempre-connesso=on")),
    ("remind", "2026-12-03T08:00", ("remind", "--dry-run")),
    ("remind", "2026-12-03T08:00", ("remind", "--all", "--within", "1w")),
    ("remind", "2026-12-15T08:00", ("remind",)),
    ("credit topup", "2026-12-06T10:00", ("credit", "topup", "--line", "nonna", "20")),
    ("restart remove", "2026-12-06T10:00", ("restart", "remove", "--yes")),
    ("rights complaint remove", "2026-12-06T10:00", ("rights", "complaint", "remove", "2", "--yes")),
    ("profile path", "2026-12-06T10:00", ("profile", "path")),
    ("profile show", "2026-12-06T10:00", ("profile", "show")),
    ("profile validate", "2026-12-06T10:00", ("profile", "validate")),
)


def runs(run) -> dict[str, list]:
    """Each command's ``--json`` outputs, in the order of ``STEPS`` (a failing step fails the caller)."""
    outputs: dict[str, list] = {}
    for command, moment, arguments in STEPS:
        result = run("--at", moment, *arguments, "--json")
        assert result.exit_code in (0, 1), (arguments, result.stderr)
        outputs.setdefault(command, []).append(json.loads(result.stdout))
    return outputs
