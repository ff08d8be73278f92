"""The bash, zsh and fish completion scripts: an engine file per shell with tables from ``spec.command_specs``.

Each engine (package data in ``engines/``) walks the words typed so far to the command path, then
offers subcommands, options or an option's values; its ``@name@`` lines are filled with tables
generated from the click tree. Values marked ``@line`` / ``@operator`` / ``@option-key`` are asked from
``_KENACTL_VALUES=KIND kenactl WORDS...``.
"""

from importlib.resources import files

from kenactl.completion.spec import CommandSpec, Values

SCRIPT_FILES = {"bash": "kenactl.bash", "zsh": "_kenactl", "fish": "kenactl.fish"}  # engines/ and completions/


def _engine(shell: str, **parts: str) -> str:
    """The engine file of ``shell`` with each ``@name@`` replaced by ``parts[name]``."""
    text = (files("kenactl.completion") / "engines" / SCRIPT_FILES[shell]).read_text(encoding="utf-8")
    for name, part in parts.items():
        text = text.replace(f"@{name}@", part)
    return text


def _value_spec(values: Values) -> str:
    """The engine's code for a value: ``@KIND`` (asked at runtime or files), ``=``-list, or empty."""
    if values.kind in ("line", "operator", "option-key", "file"):
        return f"@{values.kind}"
    if values.kind == "list":
        return "=" + "\n".join(f"{value}\t{text}" if text else value for value, text in values.items)
    return ""


def _value_table(specs: list[CommandSpec]) -> dict[str, str]:
    """``"PATH --option"`` (options that take a value) and ``"PATH #N"`` (argument N) → value spec."""
    table = {}
    for spec in specs:
        for option in spec.options:
            if option.values is not None:
                for flag in option.flags:
                    table[f"{spec.path} {flag}"] = _value_spec(option.values)
        for number, (_, values, nargs) in enumerate(spec.arguments, start=1):
            table[f"{spec.path} #{'*' if nargs < 0 else number}"] = _value_spec(values)
    return table


def _sh(text: str) -> str:
    """A single-quoted POSIX shell word (also valid in zsh and fish for text without backslashes)."""
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh(text: str) -> str:
    """A zsh ``$'...'`` word (keeps tabs and newlines)."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t")
    return f"$'{escaped}'"


def _fish(text: str) -> str:
    """A fish single-quoted word."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _bash_value(spec: str) -> str:
    """bash gets values without their help text (bash cannot show it)."""
    if not spec.startswith("="):
        return spec
    return "=" + " ".join(line.split("\t")[0] for line in spec[1:].split("\n"))


def render_bash(specs: list[CommandSpec]) -> str:
    """The bash script: associative arrays and the ``_kenactl`` function (bash 4.3+)."""
    commands = "".join(f"    [{_sh(spec.path)}]={_sh(' '.join(name for name, _ in spec.commands))}\n"
                       for spec in specs if spec.commands)
    options = "".join(f"    [{_sh(spec.path)}]={_sh(' '.join(f for o in spec.options for f in o.flags))}\n"
                      for spec in specs)
    values = "".join(f"    [{_sh(key)}]={_sh(_bash_value(value))}\n" for key, value in _value_table(specs).items())
    return _engine("bash", commands=commands, options=options, values=values)


def _described(pairs) -> str:
    return "\n".join(f"{name.replace(':', chr(92) + ':')}:{text}" for name, text in pairs)


def render_zsh(specs: list[CommandSpec]) -> str:
    """The zsh script: ``#compdef`` function with help text for every item."""
    commands = "".join(f"    {_zsh(spec.path)} {_zsh(_described(spec.commands))}\n" for spec in specs if spec.commands)
    options = "".join(f"    {_zsh(spec.path)} {_zsh(_described((f, o.help) for o in spec.options for f in o.flags))}\n"
                      for spec in specs)
    values = "".join(f"    {_zsh(key)} {_zsh(value)}\n" for key, value in _value_table(specs).items())
    return _engine("zsh", commands=commands, options=options, values=values)


def render_fish(specs: list[CommandSpec]) -> str:
    """The fish script: ``complete`` lines guarded by the command path the words reach."""
    paths = " ".join(_fish(spec.path) for spec in specs[1:])
    valued = " ".join(_fish(key) for key in _value_table(specs) if "#" not in key)
    lines = []
    for spec in specs:
        at = _fish(f"__kenactl_at {_fish(spec.path)}")
        for name, text in spec.commands:
            lines.append(f"complete -c kenactl -n {at} -a {_fish(name)} -d {_fish(text)}")
        for option in spec.options:
            flags = " ".join(f"-l {_fish(f[2:])}" if f.startswith("--") else f"-s {_fish(f[1:])}"
                             for f in option.flags)
            lines.append(f"complete -c kenactl -n {at} {flags}{_fish_value(option.values)} -d {_fish(option.help)}")
        for number, (_, values, nargs) in enumerate(spec.arguments, start=1):
            where = _fish(f"__kenactl_at {_fish(spec.path)} {'' if nargs < 0 else number}".rstrip())
            if values.kind != "text":
                lines.append(f"complete -c kenactl -n {where}{_fish_value(values)}")
    return _engine("fish", paths=paths, valued=valued, completes="\n".join(lines))


def _fish_value(values: Values | None) -> str:
    if values is None:
        return ""
    if values.kind == "file":
        return " -r -F"
    if values.kind in ("line", "operator", "option-key"):
        return f" -x -a {_fish(f'(__kenactl_values {values.kind})')}"
    if values.kind == "list":
        return " -x -a " + _fish(" ".join(f"{_fish(value)}\\t{_fish(text)}" if text else _fish(value)
                                           for value, text in values.items))
    return " -x"


def render(shell: str, specs: list[CommandSpec]) -> str:
    """The completion script for ``shell``."""
    return {"bash": render_bash, "zsh": render_zsh, "fish": render_fish}[shell](specs)
