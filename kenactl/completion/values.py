"""Completion values that depend on the user's data: line names, operators and ``--option`` keys.

Used two ways: by the generated shell scripts through ``kenactl.entry`` (``_KENACTL_VALUES=KIND kenactl
WORDS...``, no click imported at all), and by click's completion protocol (``kenactl.completion.spec``).
Everything here is cheap and never raises: a missing or broken profile or operator file just gives
no values. Operator ids come from the operator registry: the built-in ones, then the user's own
(``operators/<id>.toml`` beside the profile). The profile is only read (tomli, no validation);
``kenactl.writer`` stays the only writer.
"""

import sys
from pathlib import Path

import tomli

from kenactl.paths import profile_path


def _profile_document(profile_option: str | None) -> dict:
    try:
        with profile_path(profile_option).open("rb") as handle:
            document = tomli.load(handle)
    except Exception:  # noqa: BLE001 - completion must stay silent whatever is wrong with the file
        return {}
    return document if isinstance(document, dict) else {}


def _lines(document: dict) -> dict[str, dict]:
    lines = document.get("lines")
    if not isinstance(lines, dict):
        return {}
    return {str(name): table if isinstance(table, dict) else {} for name, table in lines.items()}


def line_values(profile_option: str | None) -> list[tuple[str, str]]:
    """``(name, "operator · offer")`` for each line of the profile, the default one marked."""
    document = _profile_document(profile_option)
    lines = _lines(document)
    default = document.get("default_line", next(iter(lines), None))
    values = []
    for name, table in lines.items():
        text = " · ".join(str(table[key]) for key in ("operator", "offer") if isinstance(table.get(key), str))
        values.append((name, f"{text} (default)" if name == default else text))
    return values


def _operator_of(profile_option: str | None, line_name: str | None) -> str | None:
    document = _profile_document(profile_option)
    lines = _lines(document)
    name = line_name or document.get("default_line") or next(iter(lines), None)
    operator = lines.get(name, {}).get("operator") if isinstance(name, str) else None
    return operator if isinstance(operator, str) else None


def _user_folder(profile_option: str | None) -> Path | None:
    """The user's operator folder beside the profile (``None`` when the profile path cannot be resolved)."""
    from kenactl.knowledge.registry import user_folder

    try:
        return Path(user_folder(profile_path(profile_option)))
    except Exception:  # noqa: BLE001 - e.g. no home folder to expand ~ in: only the built-in operators
        return None


def _operator_file(profile_option: str | None, operator: str) -> Path:
    """The data file the registry reads for ``operator`` (for an unknown one, a built-in path that is missing)."""
    from kenactl.errors import KenactlError
    from kenactl.knowledge.registry import BUILTIN_FOLDER, data_file

    try:
        return Path(data_file(operator, _user_folder(profile_option)))
    except KenactlError:
        return BUILTIN_FOLDER / f"{operator}.toml"


def operator_values(profile_option: str | None) -> list[tuple[str, str]]:
    """``(id, name)`` for each operator the registry knows for this profile (``kena`` → ``Kena Mobile``)."""
    # imported only here: the line-name path stays as light as it is
    from kenactl.knowledge.registry import known

    try:
        operators = known(_user_folder(profile_option))
    except OSError:  # an unreadable user folder: the built-in operators
        operators = known(None)
    values = []
    for operator in operators:
        try:
            with _operator_file(profile_option, operator).open("rb") as handle:
                name = tomli.load(handle).get("name")
        except Exception:  # noqa: BLE001 - a broken file still names its operator, without help text
            name = None
        values.append((operator, name if isinstance(name, str) else ""))
    return values


def _declared_options(path: Path) -> dict[str, dict]:
    try:
        with path.open("rb") as handle:
            options = tomli.load(handle).get("options")
    except Exception:  # noqa: BLE001 - an unreadable data file offers nothing rather than an error
        return {}
    return {str(key): table for key, table in options.items() if isinstance(table, dict)} \
        if isinstance(options, dict) else {}


def _choices(table: dict) -> dict[str, str]:
    values = table.get("values")
    return {str(value): " ".join(str(text).split()) for value, text in values.items()} \
        if isinstance(values, dict) else {}


def option_key_values(profile_option: str | None, line_name: str | None, incomplete: str = "",
                      operator: str | None = None) -> list[tuple[str, str]]:
    """``KEY=`` for the ``--option`` keys of ``operator``, else the line's (every operator's when unknown).

    Once ``incomplete`` holds ``KEY=``, the ``KEY=VALUE`` pairs that key declares, with their meaning.
    """
    from kenactl.knowledge.registry import BUILTIN_FOLDER, COMMON

    operator = operator or _operator_of(profile_option, line_name)
    if operator:  # shared options, then the operator's own (iliad and other have none of their own)
        files = [BUILTIN_FOLDER / f"{COMMON}.toml", _operator_file(profile_option, operator)]
    else:
        folder = _user_folder(profile_option)
        files = sorted(BUILTIN_FOLDER.glob("*.toml")) + (sorted(folder.glob("*.toml")) if folder else [])
    options: dict[str, dict] = {}
    for file in files:
        for key, table in _declared_options(file).items():
            options.setdefault(key, table)
    key, equals, _ = incomplete.partition("=")
    if equals:
        return [(f"{key}={value}", text) for value, text in _choices(options.get(key, {})).items()]
    values = []
    for key, table in options.items():
        default = table.get("default")
        text = "|".join(_choices(table)) + (f" (default {default})" if isinstance(default, str) else "")
        values.append((f"{key}=", text))
    return values


def _option_value(words: list[str], *flags: str) -> str | None:
    """The last value given to one of ``flags`` in ``words`` (``--flag VALUE`` or ``--flag=VALUE``)."""
    found = None
    for index, word in enumerate(words):
        name, equals, value = word.partition("=")
        if name in flags:
            if equals:
                found = value
            elif index + 1 < len(words):
                found = words[index + 1]
    return found


def values_for(kind: str, words: list[str]) -> list[tuple[str, str]]:
    """Values of ``kind`` for a command line: ``words`` after the program name, the last one being completed."""
    *before, incomplete = words or [""]
    profile_option = _option_value(before, "--profile")
    if kind == "line":
        return line_values(profile_option)
    if kind == "operator":
        return operator_values(profile_option)
    if kind == "option-key":
        return option_key_values(profile_option, _option_value(before, "--line"), incomplete,
                                 _option_value(before, "--operator"))
    return []


def print_values(kind: str, words: list[str]) -> int:
    """Print ``value<TAB>help`` lines for the shell scripts (unfiltered); always exit status 0."""
    for value, text in values_for(kind, words):
        sys.stdout.write(f"{value}\t{text}\n" if text else f"{value}\n")
    return 0
