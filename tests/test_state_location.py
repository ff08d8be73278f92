"""Where the state file lives is platformdirs' rule: kenactl's own reading of the plain Linux case gives
platformdirs' answer for any environment, and the profile's digest is SHA-256."""

import hashlib
import os
import subprocess
import sys

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import state
from kenactl.errors import InputError

PLACES = st.one_of(
    st.sampled_from(["", " ", "\t", "/", "//", "///", "/home/anna", "/home/anna/", "/home//anna", "/home/./anna",
                     "/home/anna/..", "/srv/état", " /home/anna", "/home/anna ", "relative", "~/state", "~",
                     "./here", "/a.b/c"]),
    st.text(alphabet="/a. ~", max_size=8))


@settings(max_examples=300, deadline=None)
@given(state_home=st.none() | PLACES, home=st.none() | PLACES)
def test_the_state_folder_is_platformdirs_user_state_path(state_home, home):
    saved = {name: os.environ.get(name) for name in ("XDG_STATE_HOME", "HOME")}
    try:
        for name, value in (("XDG_STATE_HOME", state_home), ("HOME", home)):
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        try:
            expected = str(platformdirs.user_state_path("kenactl", appauthor=False))
        except RuntimeError:  # newer platformdirs: no usable home at all; kenactl then asks it and gets the same
            return
        assert state.state_folder() == expected
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def test_the_plain_case_needs_no_platformdirs(tmp_path):
    code = ("import sys; from pathlib import Path; from kenactl import state; "
            "print(state.state_path(Path('p.toml'))); print('platformdirs' in sys.modules)")
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("XDG_STATE_HOME", None)
    env.pop("KENACTL_STATE", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    folder, imported = done.stdout.splitlines()
    digest = hashlib.sha256(str(tmp_path / "p.toml").encode()).hexdigest()[:12]
    assert folder == str(tmp_path / ".local" / "state" / "kenactl" / f"p-{digest}.json")
    assert imported == "False"


@given(st.binary(max_size=300))
def test_the_digest_is_sha256(data):
    assert state._sha256(data) == hashlib.sha256(data).hexdigest()


@given(st.text(alphabet="ab.~ ", min_size=1, max_size=8).filter(lambda name: name not in (".", "..")))
def test_the_stem_is_pathlib_s(name):
    from pathlib import PurePath

    assert state.path_stem(name) == PurePath(name).stem


@settings(deadline=None)
@given(st.sampled_from(["p.toml", "./p.toml", "a//b/../p.toml", "/srv//kenactl/./my.profile.toml", "/x/.hidden",
                        "rel/dir/", "~/p.toml", "/tmp/p.", "/tmp/..p"]))
def test_the_state_file_is_named_by_the_profile_s_absolute_path(profile):
    from pathlib import Path

    absolute = Path(os.path.abspath(Path(profile).expanduser()))
    digest = hashlib.sha256(str(absolute).encode("utf-8")).hexdigest()[:12]
    expected = Path(platformdirs.user_state_path("kenactl", appauthor=False)) / f"{absolute.stem}-{digest}.json"
    assert state.state_file(Path(profile).expanduser()) == state.state_file(os.path.expanduser(profile))
    assert state.state_file(os.path.expanduser(profile)) == str(expected)
    assert state.state_path(os.path.expanduser(profile)) == expected


@settings(max_examples=200, deadline=None)
@given(chosen=st.text(alphabet="/a. ~", min_size=1, max_size=10) | PLACES.filter(bool))
def test_a_chosen_state_file_is_the_text_of_its_expanded_path(chosen):
    from pathlib import Path

    saved = os.environ.get("KENACTL_STATE")
    os.environ["KENACTL_STATE"] = chosen
    try:
        expected = outcome(lambda: str(Path(chosen).expanduser()))
        if isinstance(expected, str):
            assert state.state_file("/tmp/profile.toml") == expected
        else:  # ``~nobody``: pathlib's RuntimeError is one clear line naming the variable
            with pytest.raises(InputError, match="^KENACTL_STATE: .* names no known home folder$"):
                state.state_file("/tmp/profile.toml")
    finally:
        if saved is None:
            os.environ.pop("KENACTL_STATE")
        else:
            os.environ["KENACTL_STATE"] = saved


def outcome(call):
    """A call's value, or the type and text of the error it raises (``~nobody`` has no home folder)."""
    try:
        return call()
    except RuntimeError as error:
        return type(error), str(error)
