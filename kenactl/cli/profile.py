"""``kenactl init`` and ``kenactl profile path|show|validate|edit``."""

import os
import sys
from datetime import time
from pathlib import Path

import click

from kenactl.cli import App, pass_app
from kenactl.cli.confirm import confirm
from kenactl.cli.params import (
    LINE_FIELDS,
    allowance,
    json_option,
    json_requested,
    line_field_options,
    new_line_options,
    note_option,
    yes_option,
)
from kenactl.core.model import (
    ALLOWANCE_KINDS,
    DEFAULT_LINE_NAME,
    Allowances,
    Line,
    Profile,
    check_line_name,
    new_profile,
)
from kenactl.errors import InputError, ProfileError
from kenactl.i18n import _
from kenactl.render import say


def build_line(name: str, values: dict, *, command: str) -> Line:
    """A new line from option values; missing ones are prompted for on a terminal, else an error."""
    check_line_name(name)
    missing = [(dest, flag, kind, text) for dest, flag, kind, text in LINE_FIELDS if values.get(dest) is None]
    if missing and not sys.stdin.isatty():
        flags = ", ".join(flag for _, flag, _, _ in missing)
        raise InputError(None, _("{command}: missing {flags} (no terminal to ask on; see 'kenactl {command} --help')")
                         .format(command=command, flags=flags))
    for dest, flag, kind, text in missing:
        values[dest] = click.prompt(f"{_(text).split(',')[0].split(':')[0].rstrip('.')} ({flag})", type=kind,
                                    err=json_requested())
    return Line(
        name=name,
        operator=values["operator"],
        offer=values["offer"],
        price=values["price"],
        renewal_day=values["renewal_day"],
        renewal_time=values.get("renewal_time") or time(0, 0),
        included=Allowances(**{kind: allowance(values[kind]) for kind in ALLOWANCE_KINDS}),
        credit=values["credit"],
        payment=values.get("payment") or "credit",
        note=values.get("note") or "",
    )


def new_line(app: App, name: str, values: dict, *, command: str) -> Line:
    """The line ``init`` or ``line add`` creates from its options: prompted for on a terminal (``build_line``), its
    ``--option`` pairs checked against its operator, its activation and last top-up days, its credit observed now."""
    from kenactl.core.line_facts import with_days
    from kenactl.core.record import replace

    pairs, activated, last_topup = values.pop("option_pairs"), values.pop("activated"), values.pop("last_topup")
    line = build_line(name, values, command=command)
    if pairs:
        from kenactl.core.operator import updated_options
        from kenactl.knowledge import operators

        line = replace(line, options=updated_options(operators.load(line.operator, app.operator_folder), {}, pairs))
    line = with_days(line, app.now.date(), activated=activated, last_topup=last_topup)
    return with_first_observation(line, app.now)


def with_first_observation(line: Line, now) -> Line:
    """A new line whose credit is the ledger's first fact: observed at ``now``."""
    from kenactl.core.model import Amounts, Observation
    from kenactl.core.record import replace

    return replace(line, observations=Amounts.of(Observation, (Observation(at=now, credit=line.credit),)))


@click.command()
@line_field_options
@new_line_options
@note_option
@click.option("--line", "line_name", default=DEFAULT_LINE_NAME, show_default=True, metavar="NAME",
              help="Name of the first line.")
@click.option("--force", is_flag=True, help="Replace an existing profile (asks first on a terminal).")
@yes_option
@json_option
@pass_app
def init(app: App, line_name: str, force: bool, assume_yes: bool, as_json: bool, **values) -> None:
    """Create the profile with its first line.

    Missing values are asked for on a terminal; in scripts every value must be given.
    """
    from kenactl import writer

    if app.path.is_dir():
        raise ProfileError(_("profile {path} is a directory, not a file").format(path=app.path))
    if app.path.exists() and not force:
        raise ProfileError(_("a profile already exists at {path}; use --force to replace it").format(path=app.path))
    line = new_line(app, line_name, values, command="init")
    if force and app.path.exists():
        confirm(_("Replace the profile at {path}? (the current one is kept as the backup)").format(path=app.path),
                assume_yes)
    created = new_profile(line)
    writer.create(app.path, created, app.now, force=force)

    def result() -> dict:
        from kenactl.cli.results import line_result

        return line_result(app, created, line_name, path=str(app.path))

    say([_("Created {path} with line {name}.").format(path=app.path, name=repr(line_name))], result, as_json=as_json)


@click.group()
def profile() -> None:
    """Where the profile is, what it holds, and safe hand-editing."""


@profile.command("path")
@json_option
@pass_app
def profile_path(app: App, as_json: bool) -> None:
    """Print the profile's path (--profile, $KENACTL_PROFILE or the default)."""
    say([str(app.path)], {"path": str(app.path), "exists": app.path.is_file()}, as_json=as_json)


@profile.command("show")
@json_option
@pass_app
def profile_show(app: App, as_json: bool) -> None:
    """Print the profile (validated) as TOML."""
    from kenactl import store

    text = store.read_text(app.path)
    store.parse(text, app.path)
    if as_json:
        say([], {"path": str(app.path), "toml": text}, as_json=True)
    else:
        click.echo(text, nl=False)


@profile.command("validate")
@json_option
@pass_app
def profile_validate(app: App, as_json: bool) -> None:
    """Check the profile and the operator files its lines use; one line per problem, exit 2 if there is any.

    Each operator file (your own in the operators folder included) is read by the same loaders status and
    explain use, its [ledger] table too, and each line's options are checked against its operator.
    """
    from kenactl.safety import printable

    loaded = app.load()
    files, broken = operator_file_problems(app, loaded)
    problems = [problem for found in broken.values() for problem in found]
    problems += list(option_problems(app, loaded, app.path, skip=set(broken)))
    if problems:
        for problem in problems[:-1]:  # the last one goes through main()'s error line and exit code
            click.echo(f"kenactl: {printable(problem)}", err=True)
        raise ProfileError(problems[-1])
    from kenactl.knowledge.registry import is_builtin

    builtin = {operator: is_builtin(path) for operator, path in files.items()}
    say([_("{path}: OK, {count} line(s): {names} (default {default})").format(
        path=app.path, count=len(loaded.lines), names=", ".join(loaded.lines), default=loaded.default_line),
        _("Operator files checked: {files}").format(files="; ".join(
            _("{operator} (built in)").format(operator=operator) if builtin[operator] else f"{operator} ({path})"
            for operator, path in files.items()))],
        {"path": str(app.path), "valid": True, "lines": list(loaded.lines), "default_line": loaded.default_line,
         "operator_files": [{"operator": operator, "path": str(path), "builtin": builtin[operator]}
                            for operator, path in files.items()]},
        as_json=as_json)


def operator_file_problems(app: App, loaded: Profile) -> tuple[dict[str, str | None], dict[str, list[str]]]:
    """The data file of each operator the profile's lines use or used (``None``: none found), each read by the full
    loader and by the ledger's rule reader, as status and explain read it; and the problems of each broken one."""
    from kenactl.derived import operators_used
    from kenactl.errors import KenactlError
    from kenactl.knowledge import operators
    from kenactl.knowledge.registry import data_file

    folder = app.operator_folder
    files: dict[str, str | None] = {}
    broken: dict[str, list[str]] = {}
    for operator, line_name in operators_used(loaded).items():
        try:
            files[operator] = data_file(operator, folder)
        except KenactlError as error:  # an operator a line used before, whose user file is gone
            files[operator] = None
            broken[operator] = [f"{app.path}: lines.{line_name}: {error.message}"]
            continue
        for load in (operators.load, operators.renewal_rule):
            try:
                load(operator, folder)
            except KenactlError as error:
                found = broken.setdefault(operator, [])
                if error.message not in found:  # a file both readers refuse alike (bad TOML) is said once
                    found.append(error.message)
    return files, broken


def option_problems(app: App, loaded: Profile, origin: Path | str, skip: set[str] = frozenset()):
    """A message for each line whose stored options do not fit its operator's data (the user's operator files
    first); lines of the operators in ``skip`` (files already found broken) are left out."""
    from kenactl.errors import KenactlError
    from kenactl.knowledge import operators

    folder = app.operator_folder
    for name, line in loaded.lines.items():
        if line.operator in skip:
            continue
        try:
            operators.load(line.operator, folder).check_options(line.options)
        except KenactlError as error:
            yield f"{origin}: lines.{name}.options: {error.message}"


def check_options(app: App, loaded: Profile, origin: Path | str) -> None:
    """Each line's stored options against its operator's data (the user's operator files first)."""
    for problem in option_problems(app, loaded, origin):
        raise ProfileError(problem)


@profile.command("edit")
@pass_app
def profile_edit(app: App) -> None:
    """Edit the profile in $EDITOR, like visudo: it is replaced only if the edited copy passes the checks of
    'profile validate'. On a failure a terminal offers to edit again; otherwise the copy is kept and named.

    kenactl rewrites the profile on every change: comments and layout you add are not kept.
    """
    import shutil
    import tempfile

    from kenactl import store, writer
    from kenactl.errors import KenactlError

    original = store.read_text(app.path)
    command = _editor_command()
    folder = Path(tempfile.mkdtemp(prefix="kenactl-edit-"))
    copy = folder / "profile.toml"
    copy.write_text(original, encoding="utf-8")
    if sys.stdin.isatty():
        click.echo(_("Note: kenactl rewrites the profile on every change; comments and layout are not kept "
                     "(a line's note = \"…\" is kept)."), err=True)
    while True:
        try:
            status = _run_editor(command, copy)
        except KenactlError:
            shutil.rmtree(folder, ignore_errors=True)  # the editor did not run: the copy is the original
            raise
        try:
            edited = _saved_copy(command, status, copy)
            if edited == original:
                click.echo(_("No changes."))
                break
            check_options(app, store.parse(edited, _("edited profile"), app.path), _("edited profile"))
            with writer.locked(app.path):
                if store.read_text(app.path) != original:
                    raise ProfileError(_("the profile changed while you were editing"))
                writer.write_atomic(app.path, edited.encode("utf-8"), backup=True)
            click.echo(_("Saved {path}.").format(path=app.path))
            break
        except KenactlError as error:
            _reopen_or_stop(error.message, copy)
    shutil.rmtree(folder, ignore_errors=True)


def _editor_command() -> list[str]:
    import shlex

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        command = shlex.split(editor)
    except ValueError as error:  # e.g. EDITOR="'vim": an unclosed quote
        raise InputError(None, _("editor {editor} is not a command line: {error}").format(
            editor=repr(editor), error=error)) from None
    if not command:
        raise InputError(None, _("editor {editor} is not a command line: {error}").format(
            editor=repr(editor), error=_("it is empty")))
    return command


def _run_editor(command: list[str], copy: Path) -> int:
    """Run the editor on ``copy``; its exit status."""
    import subprocess

    try:
        return subprocess.call([*command, str(copy)])
    except OSError as error:
        raise InputError(None, _("cannot start editor {editor}: {error}").format(
            editor=repr(" ".join(command)), error=error.strerror or error)) from None


def _saved_copy(command: list[str], status: int, copy: Path) -> str:
    """What the editor saved (a UTF-8 byte order mark dropped), or a ``ProfileError``."""
    from kenactl import store

    editor = " ".join(command)
    if status != 0:
        raise ProfileError(_("editor {editor} exited with status {status}").format(editor=repr(editor), status=status))
    if not copy.is_file():  # the editor removed it
        raise ProfileError(_("cannot read profile {path}: {error}").format(path=copy, error=os.strerror(2)))
    return store.read_text(copy)  # also refuses a copy saved in another encoding than UTF-8


def _reopen_or_stop(message: str, copy: Path) -> None:
    """After a failed edit: return to reopen the editor (asked on a terminal), else raise naming the kept copy."""
    import shutil

    if not copy.is_file():
        raise ProfileError(_("{error}; profile unchanged").format(error=message))
    if not sys.stdin.isatty():
        raise ProfileError(_("{error}; profile unchanged, your edited copy is kept at {copy}").format(
            error=message, copy=copy))
    click.echo(_("{error}; profile unchanged.").format(error=message), err=True)
    answer = click.prompt(_("What now? (e)dit again, (x) exit without saving"), type=click.Choice(["e", "x"]),
                          show_choices=False)
    if answer == "e":
        return
    shutil.rmtree(copy.parent, ignore_errors=True)
    raise ProfileError(_("edit abandoned; profile unchanged"))


COMMANDS = (init, profile)
