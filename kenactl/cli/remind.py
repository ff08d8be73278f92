"""``kenactl remind``: each reminder once per threshold, pushed or printed; silent when nothing is due (for cron)."""

import os

import click

from kenactl.cli import App, pass_app
from kenactl.cli.params import DURATION, all_lines_option, json_option

DELIVERED_KEPT_DAYS = 120  # what a target received is remembered this long


@click.command()
@click.option("--notify", "urls", multiple=True, metavar="URL",
              help="Push through Apprise to this URL (repeatable; default: the profile's notify list).")
@click.option("--exec", "commands", multiple=True, metavar="CMD",
              help="Run CMD once per reminder: the text on stdin, the fields in KENACTL_* variables (repeatable).")
@click.option("--dry-run", is_flag=True, help="Show what would be delivered now, without delivering or recording it.")
@click.option("--all", "show_all", is_flag=True,
              help="Print everything due within --within, whatever was delivered before; records nothing.")
@click.option("--within", type=DURATION, metavar="DURATION",
              help="How far ahead to look (with --all, default 3d; otherwise as far as the largest alarm).")
@all_lines_option
@json_option
@pass_app
def remind(app: App, urls: tuple[str, ...], commands: tuple[str, ...], dry_run: bool, show_all: bool, within,
           line_name: str | None, as_json: bool) -> None:
    """Deliver each reminder once per threshold (the profile's alarms, e.g. 7d, 2d, 0d): a renewal
    (with the minimum top-up when credit is short), Kena Restart becoming available, the SIM's
    validity ending, a complaint's reply deadline. Urgent ones (a top-up due within 24 hours, an
    overdue complaint reply) repeat once a day. Missed ones come at the next run, marked late. What
    was delivered is kept in kenactl's state file; a failed push exits 3 and is retried by the next
    run. Prints nothing when nothing is to be delivered, so cron mails only then:

    \b
    */10 * * * * kenactl remind
    """
    from kenactl.core import dates, delivery
    from kenactl.core.reminders import DEFAULT_WITHIN
    from kenactl.derived import derived_profile
    from kenactl.errors import DELIVERY_FAILED
    from kenactl.i18n import _
    from kenactl.knowledge import reminder_knowledge

    profile, states = derived_profile(app.load(), app.now, app.operator_folder)
    days = dates.alarm_days(profile.alarms, field=_("alarms (profile)"))
    knowledge = {**reminder_knowledge(profile, line_name, app.operator_folder), "states": states}
    if show_all:
        from kenactl.views.remind import show_remind

        show_remind(delivery.reminder_items(profile, app.now, within or DEFAULT_WITHIN, line_name, **knowledge),
                    as_json=as_json)
        return
    targets = _targets(urls or profile.notify, commands)
    ahead = delivery.lookahead(days) if within is None else within  # --within: only what is due that soon
    items = delivery.reminder_items(profile, app.now, ahead, line_name, **knowledge)
    if dry_run:
        from kenactl.views.remind import show_deliveries

        show_deliveries(_pending_anywhere(app, items, days, targets), as_json=as_json)
        return
    from kenactl import state

    path = state.state_file(app.file)
    if os.path.exists(path):  # replaced whole by each write: readable without the lock
        received = state.read(path, app.file)["delivered"]
        would_record = {target: dict(keys) for target, keys in received.items()}
        _deliver(would_record, targets, items, app.now, days, send=False)
        if would_record == received:  # nothing due, nothing to forget: no lock taken, nothing written
            if as_json:
                from kenactl.views.remind import show_deliveries

                show_deliveries([], as_json=True)
            return
    with state.locked(path):
        document = state.read(path, app.file)
        received = document["delivered"]
        as_read = {target: dict(keys) for target, keys in received.items()}
        shown, failures = _deliver(received, targets, items, app.now, days)
        if targets and not as_json:
            shown.clear()  # pushed: nothing to print (cron then mails only failures)
        if shown or as_json:  # else nothing is printed: the views are not loaded (cron's silent run)
            from kenactl.views.remind import show_deliveries

            show_deliveries(list(shown.values()), as_json=as_json)
        if received != as_read or not os.path.exists(path):  # else the file holds it: the export's memory,
            state.write(path, document)  # often most of it, is not serialized again to find that out
    for line in failures:
        click.echo(f"kenactl: {line}", err=True)
    if failures:
        click.get_current_context().exit(DELIVERY_FAILED)


def _deliver(received: dict, targets: list, items, now, days, send: bool = True) -> tuple[dict, list[str]]:
    """Deliver what is pending for each target (stdout when there is none) and record it in ``received`` (what
    each target got, by key), then forget what is too old to come back; the deliveries shown and the failures.
    ``send=False`` records without pushing: what a run would change."""
    from datetime import timedelta

    from kenactl.core import dates, delivery
    from kenactl.i18n import _

    failures: list[str] = []
    shown: dict = {}
    for target in targets or [None]:  # None: stdout, when there is nowhere to push
        target_id = "stdout" if target is None else target.id
        got = received.setdefault(target_id, {})
        for found in delivery.pending(items, got.keys(), now, days):
            if send and target is not None:
                reason = target.send(found)
                if reason is not None:
                    failures.append(_("delivery to {target} failed ({reason}); the next run tries again").format(
                        target=target.label, reason=reason))
                    break
            got.update({key: dates.isoformat(now) for key in found.keys})
            shown.setdefault(found.keys[0], found)
    _forget_old(received, now, timedelta(days=DELIVERED_KEPT_DAYS))
    return shown, failures


def _targets(urls: tuple[str, ...], commands: tuple[str, ...]) -> list:
    """The push targets; with none asked for, ``notify`` (logging, hashing, subprocesses) is not imported."""
    if not urls and not commands:
        return []
    from kenactl import notify

    return notify.targets(urls, commands)


def _pending_anywhere(app: App, items, days, targets) -> list:
    """What the next run would deliver to any target (``--dry-run``: reads the state, writes nothing)."""
    from kenactl import state
    from kenactl.core import delivery

    path = state.state_file(app.file)
    received = state.read(path, app.file)["delivered"]
    found: dict[str, delivery.Delivery] = {}
    for target_id in [target.id for target in targets] or ["stdout"]:
        for pending in delivery.pending(items, received.get(target_id, {}).keys(), app.now, days):
            found.setdefault(pending.keys[0], pending)
    return list(found.values())


def _forget_old(received: dict, now, keep) -> None:
    """Drop what was delivered longer than ``keep`` ago (its reminder can no longer come back)."""
    from datetime import datetime

    from kenactl.core import dates

    for keys in received.values():
        for key, when in list(keys.items()):
            if dates.elapsed(datetime.fromisoformat(when), now) > keep:
                del keys[key]


COMMANDS = (remind,)
