"""The lock works on the text of a path: its helpers (``kenactl.paths``) give ``pathlib``'s answers
(checked against it)."""

import os
import stat
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kenactl import paths, writer
from kenactl.errors import ProfileError

PARTS = st.sampled_from(["a", "b c", ".", "..", "", ".x", "x.", "é", "...", "nested"])
TEXTS = st.builds(lambda root, parts: root + "/".join(parts),
                  st.sampled_from(["", "/", "//", "///", "./", "../"]), st.lists(PARTS, max_size=5))


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """Files, folders and links of every kind the lock may meet on its way to a profile."""
    root = tmp_path_factory.mktemp("tree")
    (root / "folder" / "inner").mkdir(parents=True)
    (root / "file").write_text("x", encoding="utf-8")
    (root / "link-to-file").symlink_to(root / "file")
    (root / "link-to-folder").symlink_to(root / "folder")
    (root / "dangling").symlink_to(root / "nowhere")
    (root / "loop").symlink_to(root / "loop")
    return root


NAMES = st.sampled_from(["folder", "folder/inner", "file", "file/under-a-file", "link-to-file", "link-to-folder",
                         "link-to-folder/inner", "dangling", "dangling/x", "loop", "loop/x", "nowhere", "",
                         "x" * 300, "folder/" + "y" * 300, "nul\0name"])


def outcome(question):
    """The answer, or the kind and errno of the error raised instead."""
    try:
        return question()
    except OSError as error:
        return type(error), error.errno


@settings(max_examples=300)
@given(TEXTS)
def test_parent_is_pathlibs(text):
    path = Path(text)
    assert paths.parent(str(path)) == str(path.parent)


@settings(max_examples=300)
@given(TEXTS)
def test_absolute_is_pathlibs(text):
    path = Path(text)
    assert paths.absolute(str(path)) == str(path.absolute())


@settings(max_examples=200)
@given(NAMES, st.booleans())
def test_what_exists_is_a_folder_or_a_link_as_pathlib_says(tree, name, relative):
    path = Path(name) if relative else tree / name
    old = os.getcwd()
    os.chdir(tree)
    try:
        text = str(path)
        assert outcome(lambda: paths.mode(text) != 0) == outcome(path.exists)
        assert outcome(lambda: stat.S_ISDIR(paths.mode(text))) == outcome(path.is_dir)
        assert outcome(lambda: stat.S_ISLNK(paths.mode(text, follow_symlinks=False))) == outcome(
            path.is_symlink)
    finally:
        os.chdir(old)


def test_resolve_gives_the_kind_of_path_it_is_given(tree):
    assert writer.resolve(tree / "link-to-file") == tree / "file"
    assert writer.resolve(str(tree / "link-to-file")) == str(tree / "file")
    assert writer.resolve(str(tree / "file")) == str(tree / "file")
    assert writer.resolve(tree / "file") == tree / "file"
    with pytest.raises(ProfileError, match="File name too long"):
        writer.resolve(str(tree / ("x" * 300)))


def test_the_lock_on_text_is_the_lock_on_its_path(tmp_path):
    text = str(tmp_path / "new" / "state.json")
    stale = tmp_path / "new" / ".state.json.abcd1234.tmp"
    with writer.locked(text):
        stale.write_bytes(b"")
        os.utime(stale, (0, 0))
    assert (tmp_path / "new").stat().st_mode & 0o777 == writer.FOLDER_MODE
    assert (tmp_path / "new" / "state.json.lock").stat().st_mode & 0o777 == writer.LOCK_MODE
    with writer.locked(Path(text)):
        assert not stale.exists()  # taken the same way from a Path: stale temporaries removed first


NAME_LETTERS = "ab.kt_mp0\n" + "xé"


@settings(max_examples=500)
@example("p.toml", "", "abcd_123", ".tmp\n", False)
@example("p.toml", ".bak", "abcd_123", ".tmp", False)
@example("p.toml", "", "abcd_123", ".tmp\n\n", False)
@given(st.text(NAME_LETTERS, max_size=6), st.sampled_from(["", ".bak"]), st.text(NAME_LETTERS + "z9", max_size=10),
       st.sampled_from([".tmp", ".tmp\n", ".tmp\n\n", "", ".tm", "\n.tmp"]), st.booleans())
def test_temporary_names_are_the_patterns(name, bak, middle, end, garbled):
    import re

    entry = f".{name}{bak}.{middle}{end}" if not garbled else f"{name}{middle}{end}"
    pattern = re.compile(rf"^\.{re.escape(name)}(?:\.bak)?\.[a-z0-9_]{{8}}\.tmp$")
    assert writer._is_temporary(entry, f".{name}.") == bool(pattern.match(entry))
