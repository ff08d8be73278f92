"""Completion through click's protocol, the values fast path, and the committed scripts."""

from pathlib import Path

import pytest
from click.shell_completion import CompletionItem, FishComplete
from click.testing import CliRunner

from kenactl.cli import cli
from kenactl.completion import values as complete
from kenactl.completion.command import script
from kenactl.completion.shells import SCRIPT_FILES
from kenactl.completion.spec import command_specs
from kenactl.knowledge.registry import BUILTIN as OPERATORS

COMPLETIONS = Path(__file__).resolve().parent.parent / "completions"
TIM_LINE = ("line", "add", "casa", "--operator", "tim", "--offer", "TIM Go", "--price", "9.99", "--renewal-day",
            "3", "--data", "50GB", "--minutes", "unlimited", "--sms", "0", "--credit", "5")
# click 8.4 frames fish items as zsh does (type, value, help lines); earlier versions as "type,value<TAB>help"
FISH_FRAMES = "\n" in FishComplete.format_completion(None, CompletionItem("value", help="help"))


@pytest.fixture
def two_lines(run, kena_profile: Path) -> Path:
    """The Kena line ``main`` (default) and a TIM line ``casa``."""
    assert run("--at", "2026-11-01T10:00", *TIM_LINE).exit_code == 0
    return kena_profile


def protocol(shell: str, line: str, env: dict | None = None) -> list[tuple[str, str, str]]:
    """Ask click's protocol to complete ``line`` (its last word is the incomplete one, may be empty).

    Returns (type, value, help) triples whatever the shell's wire format.
    """
    words = line.split(" ")
    variables = {"_KENACTL_COMPLETE": f"{shell}_complete", "COMP_WORDS": line, **(env or {})}
    variables["COMP_CWORD"] = words[-1] if shell == "fish" else str(len(words) - 1)
    result = CliRunner().invoke(cli, [], prog_name="kenactl", env=variables)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout.rstrip("\n")
    if not out:
        return []
    if shell == "zsh" or (shell == "fish" and FISH_FRAMES):
        parts = out.split("\n")
        return [(parts[i], parts[i + 1], "" if parts[i + 2] == "_" else parts[i + 2])
                for i in range(0, len(parts), 3)]
    triples = []
    for row in out.split("\n"):
        kind, value = row.split(",", 1)
        value, _, text = value.partition("\t")
        triples.append((kind, value, text))
    return triples


def values(shell: str, line: str, env: dict | None = None) -> list[str]:
    return [value for _, value, _ in protocol(shell, line, env)]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_protocol_offers_commands_options_and_line_names(shell: str, two_lines: Path) -> None:
    commands = values(shell, "kenactl ")
    assert {"status", "line", "usage", "credit", "init", "profile", "completion"} <= set(commands)
    assert values(shell, "kenactl line re") == ["remove", "rename"]
    assert set(values(shell, "kenactl status --")) >= {"--line", "--json", "--demo", "--help"}
    assert values(shell, "kenactl status --line ") == ["main", "casa"]
    assert values(shell, "kenactl line remove c") == ["casa"]
    assert values(shell, "kenactl line default ") == ["main", "casa"]


def test_protocol_gives_help_text_for_zsh_and_fish(two_lines: Path) -> None:
    for shell in ("zsh", "fish"):
        described = {value: text for _, value, text in protocol(shell, "kenactl status --line ")}
        assert described == {"main": "kena · Kena 7.99 (default)", "casa": "tim · TIM Go"}
        assert ("plain", "line", "Manage the lines (SIMs) in the profile.") in protocol(shell, "kenactl li")


def test_protocol_honours_profile_option_and_environment(two_lines: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('[lines.work]\noperator = "vodafone"\noffer = "Special"\n', encoding="utf-8")
    assert values("bash", f"kenactl --profile {other} status --line ") == ["work"]
    assert values("bash", "kenactl status --line ", {"KENACTL_PROFILE": str(other)}) == ["work"]


def test_protocol_operators_durations_files_and_shells(two_lines: Path) -> None:
    operators = protocol("fish", "kenactl line set --operator ")
    assert [value for _, value, _ in operators] == list(OPERATORS)
    assert ("plain", "kena", "Kena Mobile") in operators
    assert values("bash", "kenactl export ics --alarm ") == ["1d", "2d", "3d", "1w"]  # whole days only
    assert values("bash", "kenactl remind --within 1") == ["12h", "1d", "1w"]
    assert protocol("bash", "kenactl export ics -o cal") == [("file", "cal", "")]
    assert protocol("bash", "kenactl --profile ~/p") == [("file", "~/p", "")]
    assert values("bash", "kenactl completion ") == ["bash", "zsh", "fish"]


def test_every_alarm_offered_is_accepted_by_export(run, kena_profile: Path, tmp_path: Path) -> None:
    offered = values("bash", "kenactl export ics --alarm ")
    assert offered
    for alarm in offered:
        result = run("--at", "2026-11-01T10:00", "export", "ics", "--alarm", alarm, "-o", str(tmp_path / "c.ics"))
        assert result.exit_code == 0, (alarm, result.stderr)
    assert run("export", "ics", "--alarm", "12h").exit_code == 2  # what is no longer offered is refused


def test_user_operator_files_are_offered(kena_profile: Path) -> None:
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    (folder / "myop.toml").write_text('name = "My Operator"\n[options.turbo]\nvalues = {on = "Turbo on"}\n',
                                      encoding="utf-8")
    (folder / "broken.toml").write_text("name = [", encoding="utf-8")
    for shell in ("bash", "zsh", "fish"):
        assert values(shell, "kenactl line add x --operator ")[-2:] == ["broken", "myop"]
    assert ("plain", "myop", "My Operator") in protocol("zsh", "kenactl init --operator m")
    assert complete.values_for("operator", ["line", "set", "--operator", "m"])[-1] == ("myop", "My Operator")
    assert "turbo=" in values("bash", "kenactl explain --operator myop --option ")
    kena_profile.write_text("", encoding="utf-8")  # no line, no --operator: every operator's keys
    assert {"turbo=", "continuita=", "auto-topup="} <= set(values("bash", "kenactl explain --option "))


def test_completion_without_a_shell_is_one_line(run) -> None:
    result = run("completion")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "SHELL" in result.stderr and "bash, zsh, fish" in result.stderr


def test_protocol_option_keys_follow_the_line_operator(two_lines: Path) -> None:
    kena = values("bash", "kenactl explain --option ")
    assert kena == ["auto-topup="]  # the default line is Kena: only kenactl's assumed automatic top-up
    tim = values("bash", "kenactl explain --line casa --option ")
    assert set(tim) == {"sempre-connesso=", "ricarica-automatica="}
    assert "continuita=" in values("bash", "kenactl explain --operator vodafone --option ")
    pairs = protocol("zsh", "kenactl explain --line casa --option sempre-connesso=")
    assert [value for _, value, _ in pairs] == ["sempre-connesso=on", "sempre-connesso=off"]
    assert "0.90 €" in pairs[0][2]


@pytest.mark.parametrize("content", [None, "this is [not toml", 'lines = "oops"\n', "[lines.x]\noperator = 3\n"])
def test_missing_or_broken_profile_gives_no_line_names_and_no_error(content, profile_path: Path) -> None:
    if content is not None:
        profile_path.parent.mkdir(parents=True, exist_ok=True)
        profile_path.write_text(content, encoding="utf-8")
    for shell in ("bash", "zsh", "fish"):
        assert values(shell, "kenactl status --line ") == ([] if content != "[lines.x]\noperator = 3\n" else ["x"])
    assert complete.values_for("line", ["status", "--line", ""]) == complete.line_values(None)


def test_profile_that_is_a_directory_gives_nothing(profile_path: Path) -> None:
    profile_path.mkdir(parents=True)
    assert values("bash", "kenactl status --line ") == []
    assert complete.values_for("option-key", ["explain", "--option", ""])  # every operator's keys


def test_fast_path_reads_words_like_the_shell_sends_them(two_lines: Path, tmp_path: Path) -> None:
    assert complete.values_for("line", ["status", "--line", ""]) == [
        ("main", "kena · Kena 7.99 (default)"), ("casa", "tim · TIM Go")]
    other = tmp_path / "o.toml"
    other.write_text('default_line = "b"\n[lines.a]\n[lines.b]\noperator = "windtre"\n', encoding="utf-8")
    assert [v for v, _ in complete.values_for("line", [f"--profile={other}", "status", "--line", ""])] == ["a", "b"]
    keys = complete.values_for("option-key", ["--profile", str(other), "explain", "--option", ""])
    assert [v for v, _ in keys] == ["autoricarica="]
    assert complete.values_for("unknown", ["x"]) == []


def test_every_command_and_option_is_in_the_generated_tables() -> None:
    specs = {spec.path: spec for spec in command_specs(cli)}
    bash = script("bash", cli)
    for path, spec in specs.items():
        for name, _ in spec.commands:
            assert f"{path} {name}" in specs
        flags = " ".join(flag for option in spec.options for flag in option.flags)
        assert f"[{path!r}]={flags!r}" in bash
    assert "kenactl line set" in specs and "--no-pending-offer-change" in bash


@pytest.mark.parametrize("shell", sorted(SCRIPT_FILES))
def test_committed_scripts_equal_what_the_command_prints(shell: str, run) -> None:
    printed = run("completion", shell).stdout
    committed = (COMPLETIONS / SCRIPT_FILES[shell]).read_text(encoding="utf-8")
    assert printed == committed, f"completions/{SCRIPT_FILES[shell]} is stale: run python completions/generate.py"


def test_completion_rejects_an_unknown_shell(run) -> None:
    result = run("completion", "tcsh")
    assert result.exit_code == 2 and "tcsh" in result.stderr
