"""Regenerate the committed completion scripts from the click command tree: python completions/generate.py"""

from pathlib import Path

from kenactl.cli import cli
from kenactl.completion.command import script
from kenactl.completion.shells import SCRIPT_FILES

if __name__ == "__main__":
    folder = Path(__file__).resolve().parent
    for shell, name in SCRIPT_FILES.items():
        (folder / name).write_text(script(shell, cli), encoding="utf-8")
        print(f"wrote {folder / name}")
