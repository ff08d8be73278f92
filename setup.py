"""Build hook: compile the gettext catalogs (``kenactl/locale/<lang>/*.po``) into ``kenactl.mo``.

Everything else about the package is in pyproject.toml. In an editable install the compiled
catalog is written next to its sources (and ignored by git); in a wheel it goes into the build.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES = Path(__file__).parent / "kenactl" / "locale"


def compile_catalogs(sources: Path, target: Path) -> None:
    """Merge each language's .po files into one catalog and write ``<lang>/LC_MESSAGES/kenactl.mo``."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for folder in sorted(path for path in sources.iterdir() if path.is_dir()):
        merged = Catalog(locale=folder.name, domain="kenactl")
        plural_forms = None
        for po_file in sorted(folder.glob("*.po")):
            with po_file.open("rb") as handle:
                source = read_po(handle, locale=folder.name)
            header = _plural_forms_header(source)
            if plural_forms is not None and header != plural_forms:
                raise SystemExit(f"{po_file}: Plural-Forms {header!r} differs from the other files' {plural_forms!r}")
            plural_forms = header
            # The .mo carries the .po header's plural rule (as msgfmt does), not Babel's CLDR data for the
            # locale, which changes between Babel versions (2.19 gives Italian three forms).
            merged.mime_headers = [("Plural-Forms", header)]  # Babel's public setter parses nplurals and plural
            for message in source:
                if not message.id or not message.string:
                    continue
                known = merged.get(message.id, message.context)
                if known is not None and known.string != message.string:
                    raise SystemExit(f"{po_file}: {message.id!r} is translated differently in another file")
                merged.add(message.id, message.string, context=message.context)
        output = target / folder.name / "LC_MESSAGES"
        output.mkdir(parents=True, exist_ok=True)
        temporary = output / "kenactl.mo.tmp"
        with temporary.open("wb") as handle:
            write_mo(handle, merged, use_fuzzy=False)
        temporary.replace(output / "kenactl.mo")


def _plural_forms_header(catalog) -> str:
    """The ``Plural-Forms`` header as written in the .po file (a SystemExit when it is missing)."""
    for key, value in catalog.mime_headers:
        if key.lower() == "plural-forms":
            return value
    raise SystemExit(f"a {catalog.locale} catalog has no Plural-Forms header")


class BuildPyWithCatalogs(build_py):
    """``build_py`` that also compiles the translation catalogs."""

    def run(self) -> None:
        super().run()
        editable = getattr(self, "editable_mode", False)
        compile_catalogs(SOURCES, SOURCES if editable else Path(self.build_lib) / "kenactl" / "locale")


if __name__ == "__main__":  # run by the build backend; importable by tests/catalog.py
    setup(cmdclass={"build_py": BuildPyWithCatalogs})
