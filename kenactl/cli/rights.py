"""``kenactl rights compensation|complaint|leave``: what the Kena Mobile Carta dei Servizi promises."""

import click

from kenactl.cli import App, pass_app
from kenactl.cli.confirm import confirm
from kenactl.cli.params import DATE, FREE_TEXT, MONEY, all_lines_option, json_option, line_option, yes_option
from kenactl.core.model import Profile
from kenactl.core.record import replace
from kenactl.render import say

CHARTER_IDS = ("tim-2022", "noverca")  # kept equal to kenactl.knowledge.charters.CHARTER_IDS (tested)
CASES = ("activation", "credit-renewal", "suspension", "malfunction", "unrequested", "mnp")  # = core.charter.CASES


def charter_option(function):
    """``--charter tim-2022|noverca``: apply this edition instead of the one in force on the case's date."""
    return click.option("--charter", "charter_name", type=click.Choice(CHARTER_IDS),
                        help="Edition to apply (default: the one in force on the date of the case).")(function)


def city_option(function):
    """``--city``: skip that city's patron saint's day too when counting working days."""
    return click.option("--city", metavar="CITY",
                        help="Also skip this city's patron saint's day (province code or name, e.g. MI or "
                             "Milano); by default only national holidays are skipped.")(function)


@click.group(invoke_without_command=True)
@charter_option
@json_option
@pass_app
@click.pass_context
def rights(ctx: click.Context, app: App, charter_name: str | None, as_json: bool) -> None:
    """Your rights under the Kena Mobile Carta dei Servizi: indennizzi, complaints, residual credit.

    Without a subcommand: notice of changes to your conditions (§7) and where each right is.
    """
    if ctx.invoked_subcommand is None:
        from kenactl.knowledge import charters
        from kenactl.views.charter_facts import show_overview

        show_overview(*charters.choose(charter_name, app.now.date()), as_json=as_json)


@rights.command()
@charter_option
@json_option
@pass_app
def conciliation(app: App, charter_name: str | None, as_json: bool) -> None:
    """After a late or unsatisfying complaint reply: the conciliation procedure, step by step (§16)."""
    from kenactl.knowledge import charters
    from kenactl.views.charter_facts import show_conciliation

    show_conciliation(*charters.choose(charter_name, app.now.date()), as_json=as_json)


@rights.command()
@charter_option
@json_option
@pass_app
def contacts(app: App, charter_name: str | None, as_json: bool) -> None:
    """Block a lost or stolen SIM (§13), the self-service line, how to withdraw (§9) and notice of changes (§7)."""
    from kenactl.knowledge import charters
    from kenactl.views.charter_facts import show_contacts

    show_contacts(*charters.choose(charter_name, app.now.date()), as_json=as_json)


@rights.command()
@click.option("--case", required=True, type=click.Choice(CASES),
              help="activation, credit-renewal (a top-up credited late, §4 «c.d. rinnovo del credito»; not a "
                   "failed offer renewal), suspension, malfunction, unrequested (§15 a-e) or mnp.")
@click.option("--from", "first", required=True, type=DATE, metavar="DATE",
              help="First day of the delay or malfunction.")
@click.option("--to", "last", type=DATE, metavar="DATE", help="Last day of it, included (default: today).")
@click.option("--noticed", type=DATE, metavar="DATE",
              help="When you learned of it; the deadline to report runs from here (default: --from).")
@charter_option
@city_option
@json_option
@pass_app
@click.pass_context
def compensation(ctx: click.Context, app: App, case: str, first, last, noticed, charter_name: str | None,
                 city: str | None, as_json: bool) -> None:
    """The indennizzo for a delay or malfunction (§15); exit 1 when none is due."""
    from kenactl.core.rights import compensation as compute
    from kenactl.knowledge import charters
    from kenactl.views.rights import show_compensation

    today = app.now.date()
    charter, chosen_by = charters.choose(charter_name, first)
    charter = charters.in_city(charter, city)
    result = compute(case, first, today if last is None else last, today, charter, chosen_by, noticed)
    show_compensation(result, as_json=as_json)
    if not result.due:
        ctx.exit(1)


@rights.group()
def complaint() -> None:
    """Complaints (reclami, §14): reply due in 45 days, then an indennizzo for each 5 days late."""


@complaint.command("add")
@click.option("--date", "filed", type=DATE, metavar="DATE", help="When the operator received it (default: today).")
@click.option("--subject", default="", type=FREE_TEXT, help="What it is about.")
@click.option("--written/--phone", "written", default=None,
              help="Filed in writing (letter, fax) or by phone; only written complaints accrue the §14 indennizzo.")
@line_option
@city_option
@json_option
@pass_app
def complaint_add(app: App, filed, subject: str, written: bool | None, line_name: str | None, city: str | None,
                  as_json: bool) -> None:
    """Record a complaint you filed; shows when the reply is due."""
    from kenactl.core.complaints import add_complaint, complaint_status
    from kenactl.knowledge import charters
    from kenactl.views.rights import show_complaint_change

    today = app.now.date()
    editions = tuple(charters.in_city(edition, city) for edition in charters.editions())  # checks --city first

    def change(profile: Profile) -> Profile:
        line = profile.line(line_name)
        app.require("service-charter", line)
        channel = None if written is None else ("written" if written else "phone")
        complaints = add_complaint(profile.complaints, filed or today, subject, line.name, today, channel)
        return replace(profile, complaints=complaints)

    added = app.update(change).complaints[-1]
    show_complaint_change("added", complaint_status(added, today, editions), as_json=as_json)


@complaint.command("list")
@all_lines_option
@charter_option
@city_option
@json_option
@pass_app
def complaint_list(app: App, line_name: str | None, charter_name: str | None, city: str | None,
                   as_json: bool) -> None:
    """Every complaint: reply deadline, days late and what is owed today."""
    from kenactl.core.complaints import complaint_status
    from kenactl.knowledge import charters
    from kenactl.views.rights import show_complaints

    profile, today = app.load(), app.now.date()
    if line_name is not None:
        profile.line(line_name)
    charter = None if charter_name is None else charters.in_city(charters.load(charter_name), city)
    editions = tuple(charters.in_city(edition, city) for edition in charters.editions())
    statuses = [complaint_status(c, today, editions, charter) for c in profile.complaints
                if line_name is None or c.line == line_name]
    show_complaints(statuses, today, as_json=as_json)


@complaint.command("close")
@click.argument("complaint_id", type=int, metavar="ID")
@click.option("--date", "closed", type=DATE, metavar="DATE", help="When the reply came (default: today).")
@click.option("--unsatisfied", is_flag=True, default=None,
              help="The reply did not satisfy you: conciliation (§16) is the next step.")
@city_option
@json_option
@pass_app
def complaint_close(app: App, complaint_id: int, closed, unsatisfied: bool | None, city: str | None,
                    as_json: bool) -> None:
    """Record the operator's reply to complaint ID; shows whether it was late and what is owed."""
    from kenactl.core.complaints import close_complaint, complaint_status
    from kenactl.knowledge import charters
    from kenactl.views.rights import show_complaint_change

    today = app.now.date()
    editions = tuple(charters.in_city(edition, city) for edition in charters.editions())  # checks --city first
    updated = app.update(lambda profile: replace(profile, complaints=close_complaint(
        profile.complaints, complaint_id, closed or today, today, unsatisfied or None)))
    closed_one = next(c for c in updated.complaints if c.id == complaint_id)
    show_complaint_change("closed", complaint_status(closed_one, today, editions), as_json=as_json)


@complaint.command("remove")
@click.argument("complaint_id", type=click.IntRange(1), metavar="ID")
@yes_option
@json_option
@pass_app
def complaint_remove(app: App, complaint_id: int, assume_yes: bool, as_json: bool) -> None:
    """Remove complaint ID, recorded by mistake (the others keep their ids); asks first on a terminal."""
    from kenactl.core.complaints import find_complaint, remove_complaint
    from kenactl.i18n import _, day

    chosen = find_complaint(app.load().complaints, complaint_id)  # refused before asking when there is none
    confirm(_("Remove complaint #{id} of line {line} ({subject}, received {filed})?").format(
        id=chosen.id, line=repr(chosen.line), subject=chosen.subject or "-", filed=day(chosen.filed)), assume_yes)
    removed = []

    def change(profile: Profile) -> Profile:
        removed[:] = [find_complaint(profile.complaints, complaint_id)]
        return replace(profile, complaints=remove_complaint(profile.complaints, complaint_id))

    left = app.update(change).complaints
    gone = removed[0]
    messages = [
        _("Removed complaint #{id} of line {line} ({subject}, received {filed}).").format(
            id=gone.id, line=repr(gone.line), subject=gone.subject or "-", filed=day(gone.filed)),
        _("Complaints left: {ids}.").format(ids=", ".join(f"#{c.id}" for c in left) or _("none")),
    ]
    say(messages, {"removed": {"id": gone.id, "line": gone.line, "subject": gone.subject,
                               "filed": gone.filed.isoformat()},
                   "complaints_left": [c.id for c in left]}, as_json=as_json)


@rights.command()
@line_option
@click.option("--bonus", type=MONEY, default="0", metavar="EUR",
              help="Part of the credit that came from bonuses or promotions (excluded by §11).")
@charter_option
@city_option
@json_option
@pass_app
def leave(app: App, line_name: str | None, bonus, charter_name: str | None, city: str | None,
          as_json: bool) -> None:
    """Residual credit on leaving (§11): free transfer or refund minus the 5 € fee."""
    from kenactl.core.rights import leave_advice
    from kenactl.knowledge import charters
    from kenactl.views.rights import show_leave

    today = app.now.date()
    line = app.load().line(line_name)
    app.require("service-charter", line)
    charter, chosen_by = charters.choose(charter_name, today)
    charter = charters.in_city(charter, city)
    show_leave(leave_advice(line, bonus, today, charter, chosen_by), as_json=as_json)


COMMANDS = (rights,)
