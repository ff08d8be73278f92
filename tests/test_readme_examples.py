"""README.md's console examples are what the commands print (tools/readme_examples.py, like `cog --check`)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "readme_examples.py"
README = ROOT / "README.md"


def check(readme: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--readme", str(readme), *extra],
                          capture_output=True, text=True, timeout=120)


def test_the_readme_examples_match_what_the_commands_print():
    result = check(README, "--check")
    assert result.returncode == 0, f"{result.stderr}\n{result.stdout}"


def fenced_blocks(lines: list[str]):
    """(index of the opening fence, the block's lines) for each fenced block."""
    opening = None
    for number, line in enumerate(lines):
        if re.match(r"\s*```", line):
            if opening is None:
                opening = number
            else:
                yield opening, lines[opening + 1:number]
                opening = None


def test_every_console_example_with_kenactl_is_marked():
    lines = README.read_text(encoding="utf-8").splitlines()
    unmarked = []
    for opening, block in fenced_blocks(lines):
        command = next((line.strip() for line in block if re.match(r"\s*\$ kenactl ", line)), None)
        before = next((lines[i].strip() for i in range(opening - 1, -1, -1) if lines[i].strip()), "")
        if command and not (before.startswith("<!-- example:") or before == "-->"):
            unmarked.append(f"README.md:{opening + 1}: {command}")
    assert not unmarked, "console examples without an example marker:\n" + "\n".join(unmarked)


def test_a_drifted_output_fails_the_check_with_a_diff_and_regenerating_repairs_it(tmp_path):
    text = README.read_text(encoding="utf-8")
    original = text[text.index("## A real session"):text.index("## Commands")]  # one session is enough
    assert "<!-- example: household" in original and "Recorded usage for line 'main'." in original
    drifted = original.replace("Recorded usage for line 'main'.", "Recorded usage for line 'mian'.", 1)
    copy = tmp_path / "README.md"
    copy.write_text(drifted, encoding="utf-8")

    result = check(copy, "--check")
    assert result.returncode == 1
    assert "-Recorded usage for line 'mian'." in result.stdout
    assert "+Recorded usage for line 'main'." in result.stdout
    assert "python tools/readme_examples.py" in result.stderr
    assert copy.read_text(encoding="utf-8") == drifted  # --check writes nothing

    result = check(copy)
    assert result.returncode == 0, result.stderr
    assert copy.read_text(encoding="utf-8") == original
    assert check(copy, "--check").returncode == 0


def refused(copy, text: str, *args: str):
    """The script run on a README holding ``text``; it must refuse it (exit 2)."""
    copy.write_text(text, encoding="utf-8")
    result = check(copy, *args)
    assert result.returncode == 2
    return result


def test_an_unsupported_command_in_an_example_is_an_error_naming_it(tmp_path):
    result = refused(tmp_path / "README.md", "<!-- example: x -->\n```console\n$ rm -rf /tmp/nothing\n```\n", "--check")
    assert "unsupported command 'rm -rf /tmp/nothing'" in result.stderr
    assert result.stdout == ""


def test_an_example_without_a_fixed_moment_or_with_a_failing_setup_is_refused(tmp_path):
    copy = tmp_path / "README.md"
    result = refused(copy, "<!-- example: x -->\n```console\n$ kenactl status\n```\n", "--check")
    assert "line 2, example x: 'kenactl status' gives no --at" in result.stderr

    marker = "<!-- example: x\nat: 2026-11-22T10:00\nsetup: kenactl line add\n-->\n"
    result = refused(copy, marker + "```console\n$ kenactl status\n```\n")
    assert "setup 'kenactl line add' exited 2" in result.stderr
    assert "missing argument 'NAME'" in result.stderr
    assert copy.read_text(encoding="utf-8").endswith("$ kenactl status\n```\n")  # nothing rewritten
