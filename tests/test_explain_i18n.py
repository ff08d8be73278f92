"""explain, charges and operator data in Italian: every data text listed and translated, money and
dates localized in the timeline, JSON unchanged by the language for every operator and option."""

import catalog
import pytest

from kenactl.knowledge import operators
from kenactl.knowledge.registry import BUILTIN as OPERATORS

HYPO = ("--price", "9.99", "--credit", "5.00")


def loaded_texts() -> set[str]:
    """Every human text the loader builds from the built-in files."""
    texts = set()
    for operator in operators.load_all():
        short, validity = operator.short_credit, operator.validity
        texts |= {operator.name, short.day0, short.summary, short.fact.source, validity.text, validity.fact.source}
        texts |= {item.event for item in operator.timeline} | {item.fact.source for item in operator.timeline}
        for group in (operator.works, operator.after_topup, operator.notes):
            texts |= {item.text for item in group} | {item.fact.source for item in group}
        texts |= {rate.item for rate in operator.rates} | {rate.unit for rate in operator.rates}
        texts |= {rate.fact.source for rate in operator.rates}
        for rule in operator.options.values():
            texts |= set(rule.values.values()) | {rule.fact.source}
    return texts


def test_translatable_texts_cover_every_loaded_text_and_are_translated():
    listed = {text for text, origin in operators.translatable_texts()}
    assert loaded_texts() <= listed
    assert all(origin.startswith("operators/") and ".toml:" in origin for _, origin in operators.translatable_texts())
    italian = catalog.italian_catalog()
    assert [text for text in listed if not italian.get(text)] == []


def test_italian_timeline_has_italian_money_and_words(run):
    out = run("--lang", "it", "explain", "--operator", "windtre", *HYPO).stdout
    assert "il credito di 5,00 € viene esaurito e restano dovuti 4,99 €" in out
    assert "Esito:" in out and "addebitata in parte" in out and "Ricarica almeno 4,99 € prima del rinnovo." in out
    out = run("--lang", "it", "explain", "--operator", "vodafone", *HYPO).stdout
    assert "il credito scende a -4,99 €" in out and "rinnovata in credito negativo" in out


def test_italian_errors(run):
    result = run("--lang", "it", "explain", "--operator", "tim", *HYPO, "--option", "continuita=off")
    assert result.exit_code == 2
    assert "l'opzione 'continuita' non vale per TIM" in result.stderr
    result = run("--lang", "it", "explain", "--operator", "ho", *HYPO)
    assert result.stderr == ("kenactl: operatore sconosciuto 'ho'; quelli noti: kena, tim, vodafone, windtre, "
                             "iliad, other\n")


@pytest.mark.parametrize("operator", OPERATORS)
def test_json_is_the_same_in_both_languages_for_every_option(run, operator):
    values = [()] + [("--option", f"{key}={value}") for key, rule in operators.load(operator).options.items()
                     for value in rule.values]
    for option in values:
        english = run("--lang", "en", "explain", "--operator", operator, *HYPO, *option, "--json")
        italian = run("--lang", "it", "explain", "--operator", operator, *HYPO, *option, "--json")
        assert english.exit_code == 0 and english.stdout == italian.stdout


def test_charges_list_in_italian(run, kena_profile):
    assert run("--at", "2026-11-01T10:00", "charges", "add", "arretrati", "29.97", "--instalments", "3").exit_code == 0
    out = run("--lang", "it", "--at", "2026-11-02T10:00", "charges", "list").stdout
    assert "linea main: addebiti in sospeso" in out
    assert "#  addebito   rata  scadenza" in out and "9,99 €   in arrivo" in out
    cleared = run("--lang", "it", "charges", "clear")
    assert cleared.stdout == "Eliminato: arretrati, 29,97 €.\nLinea 'main': restano 0 addebiti in sospeso.\n"
