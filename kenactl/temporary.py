"""A new temporary file, made as ``tempfile.mkstemp`` makes one, without importing ``tempfile``.

``tempfile`` loads ``shutil`` (with ``bz2`` and ``lzma``), ``random`` and ``weakref``: about a twentieth of
a ``remind``, for one ``os.open``. ``create_temporary`` opens ``<folder>/<prefix><8 letters><suffix>`` exclusively
(never an existing file, never through a symbolic link), mode 0600, the letters drawn uniformly from
tempfile's own ``a-z0-9_`` with ``os.urandom``, and tries another name while one is taken, as ``mkstemp``
does (``tests/test_temporary.py`` compares the two).
"""

import errno
import os

LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"  # tempfile's letters for its names
NAME_LETTERS = 8
ATTEMPTS = getattr(os, "TMP_MAX", 10000)  # names tried before giving up, as tempfile
FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_EVEN_BELOW = 256 - 256 % len(LETTERS)  # random bytes under this map onto the letters evenly


def random_letters(count: int = NAME_LETTERS) -> str:
    """``count`` letters of ``LETTERS``, each equally likely."""
    found: list[str] = []
    while len(found) < count:
        found += [LETTERS[byte % len(LETTERS)] for byte in os.urandom(count) if byte < _EVEN_BELOW]
    return "".join(found[:count])


def create_temporary(folder: str, prefix: str, suffix: str) -> tuple[int, str]:
    """``tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)``: an open descriptor and the file's path."""
    folder = os.path.abspath(folder)
    for _ in range(ATTEMPTS):
        name = os.path.join(folder, f"{prefix}{random_letters()}{suffix}")
        try:
            return os.open(name, FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")
