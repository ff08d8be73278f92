"""Where the profile lives; imported by every command and by completion, so it stays import-light."""

import os
from pathlib import Path

PROFILE_ENV = "KENACTL_PROFILE"


def default_profile_path() -> Path:
    """The per-user profile location (``~/.config/kenactl/profile.toml`` on Linux)."""
    import platformdirs  # lazily: only needed when no path is given

    return platformdirs.user_config_path("kenactl", appauthor=False) / "profile.toml"


def profile_path(option: str | None) -> Path:
    """``--profile``, else ``$KENACTL_PROFILE``, else the per-user default."""
    chosen = option or os.environ.get(PROFILE_ENV)
    return Path(chosen).expanduser() if chosen else default_profile_path()
