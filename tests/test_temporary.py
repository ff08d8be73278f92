"""``temporary.create_temporary`` makes the files ``tempfile.mkstemp`` makes: same folder, name shape,
letters, mode and exclusive creation (checked against it), without importing ``tempfile``."""

import os
import stat
import subprocess
import sys
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import temporary, writer
from kenactl.temporary import create_temporary

NAMES = st.text(st.sampled_from("ab.kt_-0 é"), max_size=8)


def _middle(path: str, folder: str, prefix: str, suffix: str) -> str:
    """The random part of a temporary file's name, after checking where it is and how it starts and ends."""
    assert os.path.dirname(path) == folder
    name = os.path.basename(path)
    assert name.startswith(prefix) and name.endswith(suffix)
    return name[len(prefix):len(name) - len(suffix)]


@settings(max_examples=60, deadline=None)
@given(NAMES, NAMES)
def test_the_file_is_the_one_mkstemp_makes(tmp_path_factory, prefix, suffix):
    folder = str(tmp_path_factory.mktemp("t"))
    ours, theirs = create_temporary(folder, prefix, suffix), tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    try:
        middles = [_middle(path, os.path.abspath(folder), prefix, suffix) for _, path in (ours, theirs)]
        assert len(middles[0]) == len(middles[1]) == temporary.NAME_LETTERS
        assert set(middles[0]) <= set(tempfile._RandomNameSequence.characters)
        modes = [os.fstat(descriptor).st_mode for descriptor, _ in (ours, theirs)]
        assert stat.S_ISREG(modes[0]) and stat.S_IMODE(modes[0]) == stat.S_IMODE(modes[1]) == 0o600
        assert os.get_inheritable(ours[0]) is os.get_inheritable(theirs[0]) is False
        assert os.path.getsize(ours[1]) == 0
    finally:
        for descriptor, _ in (ours, theirs):
            os.close(descriptor)


def test_the_letters_are_tempfiles_and_the_stale_files_check_knows_them():
    assert set(temporary.LETTERS) == set(tempfile._RandomNameSequence.characters) == writer._TEMPORARY_LETTERS
    drawn = "".join(temporary.random_letters() for _ in range(400))
    assert set(drawn) == set(temporary.LETTERS)  # every letter comes up (3200 draws of 37)


def test_a_relative_folder_gives_an_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    descriptor, path = create_temporary(".", ".p.", ".tmp")
    os.close(descriptor)
    assert path == os.path.join(str(tmp_path), os.path.basename(path)) and writer._is_temporary(
        os.path.basename(path), ".p.")


def test_a_taken_name_is_skipped_and_never_opened(tmp_path, monkeypatch):
    taken = tmp_path / ".p.aaaaaaaa.tmp"
    taken.write_bytes(b"kept")
    taken_link = tmp_path / ".p.bbbbbbbb.tmp"
    taken_link.symlink_to(tmp_path / "elsewhere")
    names = iter(["aaaaaaaa", "bbbbbbbb", "cccccccc"])
    monkeypatch.setattr(temporary, "random_letters", lambda: next(names))
    descriptor, path = create_temporary(str(tmp_path), ".p.", ".tmp")
    os.close(descriptor)
    assert path == str(tmp_path / ".p.cccccccc.tmp")
    assert taken.read_bytes() == b"kept" and not (tmp_path / "elsewhere").exists()


def test_with_every_name_taken_it_gives_up_as_mkstemp_does(tmp_path, monkeypatch):
    (tmp_path / ".p.aaaaaaaa.tmp").write_bytes(b"")
    monkeypatch.setattr(temporary, "random_letters", lambda: "aaaaaaaa")
    monkeypatch.setattr(temporary, "ATTEMPTS", 5)
    with pytest.raises(FileExistsError):
        create_temporary(str(tmp_path), ".p.", ".tmp")


def test_a_missing_folder_is_the_error_mkstemp_raises(tmp_path):
    missing = str(tmp_path / "missing")
    with pytest.raises(FileNotFoundError) as theirs:
        tempfile.mkstemp(dir=missing)
    with pytest.raises(FileNotFoundError) as ours:
        create_temporary(missing, "", "")
    assert ours.value.errno == theirs.value.errno


def test_writing_the_state_file_loads_neither_tempfile_nor_pathlib(tmp_path):
    code = ("import sys; from kenactl import state; before = set(sys.modules);"
            "state.write(sys.argv[1], state.empty('p.toml'));"
            "print(sorted({'tempfile', 'pathlib', 'shutil'} & (set(sys.modules) - before)))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s.json")], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "s.json").read_text(encoding="utf-8").startswith("{")
