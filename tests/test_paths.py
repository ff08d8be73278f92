"""The profile's location as text (``kenactl.paths``), exactly as ``pathlib`` spells and tests it, and the
read commands running without importing ``pathlib``."""

import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import paths

PARTS = st.sampled_from(["", ".", "..", "~", "~root", "~no-such-user-kenactl", "~x", "a", "b.toml", " ", ".a", "a~"])
TEXTS = st.lists(PARTS, max_size=6).map("/".join) | st.text(alphabet="/.~ab", max_size=14)
HOMES = st.sampled_from(["/home/u", "/", "", "//net/h", "rel/h/", "/x//y/./", ".", "/home/u/"])


def _outcome(compute):
    try:
        return compute()
    except RuntimeError as error:
        return type(error), str(error)


@settings(max_examples=1000, deadline=None)
@given(TEXTS, HOMES)
def test_the_text_is_that_of_the_path(text, home):
    saved = os.environ.get("HOME")
    os.environ["HOME"] = home
    try:
        assert paths.as_path_text(text) == str(pathlib.PurePosixPath(text))
        assert _outcome(lambda: paths.expand_user(paths.as_path_text(text))) == \
            _outcome(lambda: str(pathlib.Path(text).expanduser()))
    finally:
        os.environ["HOME"] = saved


@pytest.mark.parametrize("option", ["./config//p.toml", "~/p.toml", "rel/./x/", "/abs/../p.toml"])
def test_profile_file_and_profile_path_agree(option, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.profile_file(option) == str(pathlib.Path(option).expanduser())
    assert paths.profile_path(option) == pathlib.Path(option).expanduser()


def test_file_tests_answer_as_pathlib(tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for name in ("file", "folder", "missing", "file/under", "loop", "nul\0"):
        path = pathlib.Path(tmp_path, name)
        text = f"{tmp_path}/{name}"
        assert (paths.exists(text), paths.is_dir(text), paths.is_file(text)) == \
            (path.exists(), path.is_dir(), path.is_file()), name


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["explain"], ["restart", "check"],
                                     ["history"]])
def test_read_commands_do_not_import_pathlib(kena_profile, command):
    # an editable install's import hook has imported pathlib already: forget it and see who asks again
    code = ("import sys\nasked = []\n"
            "class Watch:\n    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pathlib':\n            asked.append(name)\n"
            "sys.modules.pop('pathlib', None)\nsys.meta_path.insert(0, Watch())\n"
            "from kenactl.entry import main\n"
            f"sys.argv = ['kenactl', *{command!r}, '--at', '2026-11-22T10:00']\n"
            "import atexit\natexit.register(lambda: print(bool(asked), file=sys.stderr, flush=True))\n"
            "main()\n")  # main ends the process (its atexit handlers run)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 1) and result.stdout.strip(), result.stderr
    assert result.stderr == "False\n"


def test_a_home_folder_that_does_not_exist_is_one_clear_line_and_exit_2(run, monkeypatch):
    result = run("--profile", "~no-such-user-kenactl/p.toml", "status")
    assert result.exit_code == 2
    assert result.output == "kenactl: --profile: '~no-such-user-kenactl/p.toml' names no known home folder\n"
    monkeypatch.setenv("KENACTL_PROFILE", "~no-such-user-kenactl/p.toml")
    result = run("status")
    assert result.exit_code == 2
    assert result.output == "kenactl: KENACTL_PROFILE: '~no-such-user-kenactl/p.toml' names no known home folder\n"
