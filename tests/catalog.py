"""The Italian catalog's checklist: every English message kenactl can show, and what lacks a translation.

Sources of messages: ``_``/``N_``/``ngettext``/``Msg`` calls in kenactl's code (extracted with Babel),
the help texts of every click command and option, the human texts of the operator and charter data
files, and click's own messages (usage errors, "Usage:", "Show this message and exit.").

    python tests/catalog.py missing     # messages without an Italian translation, with their origin
    python tests/catalog.py pot         # write kenactl/locale/kenactl.pot
    python tests/catalog.py compile     # compile the .po files in place (as the editable build does)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kenactl"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Msg": None}


def english_messages() -> dict[str, str]:
    """Every msgid and where it comes from (the first origin found)."""
    import click
    from babel.messages.extract import extract_from_dir

    messages: dict[str, str] = {}

    def add(message: str | tuple, origin: str) -> None:
        for text in message if isinstance(message, tuple) else (message,):
            if text and text.strip():
                messages.setdefault(text, origin)

    for filename, line, message, _comments, _context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS):
        add(message, f"kenactl/{filename}:{line}")
    click_folder = Path(click.__file__).parent
    for filename, line, message, _comments, _context in extract_from_dir(
            click_folder, method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)}):
        add(message, f"click/{filename}:{line}")
    for text, origin in help_messages():
        add(text, origin)
    for text, origin in data_messages():
        add(text, origin)
    return messages


def help_messages() -> list[tuple[str, str]]:
    """The help texts of every command, subcommand and option."""
    from kenactl.cli import cli
    from kenactl.i18n import help_texts

    context = cli.make_context("kenactl", ["--help"], resilient_parsing=True)
    found = [(text, "help: kenactl") for text in help_texts(cli)]
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        found.extend((text, f"help: kenactl {name}") for text in help_texts(command))
    return found


def data_messages() -> list[tuple[str, str]]:
    """Human texts of the packaged data files (operators, charters)."""
    from kenactl.knowledge import charters, operators

    found = []
    for module in (operators, charters):
        texts = getattr(module, "translatable_texts", None)
        if texts is not None:
            found.extend(texts())
    return found


def italian_catalog() -> dict[str, str]:
    """msgid → msgstr from every ``kenactl/locale/it/*.po``."""
    from babel.messages.pofile import read_po

    catalog = {}
    for path in sorted((PACKAGE / "locale" / "it").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale="it"):
                if not message.id:
                    continue
                if isinstance(message.id, str):
                    catalog[message.id] = message.string
                else:  # a plural: singular and plural msgids with their first two forms
                    for form, text in enumerate(message.id[:2]):
                        catalog[text] = message.string[min(form, len(message.string) - 1)]
    return catalog


def missing() -> dict[str, str]:
    """English messages with no (or an empty) Italian translation, and their origin."""
    italian = italian_catalog()
    return {text: origin for text, origin in english_messages().items() if not italian.get(text)}


def write_pot() -> Path:
    """Write the template of every message to ``kenactl/locale/kenactl.pot``."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    template = Catalog(project="kenactl", domain="kenactl")
    for text, origin in sorted(english_messages().items()):
        template.add(text, auto_comments=[origin])
    target = PACKAGE / "locale" / "kenactl.pot"
    with target.open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, width=100)
    return target


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "pot":
        print(write_pot())
    elif command == "compile":
        import setup

        setup.compile_catalogs(setup.SOURCES, setup.SOURCES)
    else:
        for text, origin in sorted(missing().items(), key=lambda item: item[1]):
            print(f"{origin}\t{text!r}")
        print(f"{len(missing())} messages without an Italian translation", file=sys.stderr)
