"""Operator data files: every fact sourced and dated, one loader, user overrides, SIM validity."""

import tomllib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kenactl.core.model import Allowances, Line
from kenactl.core.renewal_rule import STATUSES
from kenactl.core.validity import sim_validity, validity_dates
from kenactl.errors import KenactlError
from kenactl.knowledge import operators, registry
from kenactl.knowledge.registry import BUILTIN as OPERATORS

DATA = sorted(Path(operators.__file__).parent.glob("*.toml"))
LISTS = ("timeline", "works", "rates", "after_topup", "notes")


def fact_tables(document):
    """Every table of a data file that states a fact."""
    for key in ("short_credit", "validity"):
        if key in document:
            yield key, document[key]
    for key in LISTS:
        for index, table in enumerate(document.get(key, [])):
            yield f"{key}[{index}]", table
    for key, table in document.get("options", {}).items():
        yield f"options.{key}", table
    for key, table in document.get("ledger", {}).items():
        yield f"ledger.{key}", table


def test_builtin_files_are_the_known_operators():
    assert {path.stem for path in DATA} == {*OPERATORS, "_common"}
    assert registry.BUILTIN == OPERATORS


@pytest.mark.parametrize("path", DATA, ids=lambda path: path.name)
def test_every_fact_has_a_source_an_as_of_date_and_a_status(path):
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = list(fact_tables(document))
    assert tables or path.stem == "_common", f"{path.name} states no facts"
    for where, table in tables:
        assert isinstance(table.get("source"), str) and table["source"].strip(), f"{path.name} {where}: no source"
        assert isinstance(table.get("as_of"), date), f"{path.name} {where}: no as_of date"
        assert table.get("status") in STATUSES, f"{path.name} {where}: status {table.get('status')!r}"
    assert set(document) <= {"name", "features", "short_credit", "validity", "options", "ledger", *LISTS}


def test_auto_topup_is_only_kenactls_assumption_where_no_source_describes_one():
    # The article describes automatic renewals only for «TIM Ricarica Automatica»; for WINDTRE Autoricarica
    # only «gli importi non vengono applicati». Elsewhere an automatic top-up is kenactl's assumption.
    for operator in operators.load_all():
        assert operator.timeline or operator.works
        rule = operator.options.get("auto-topup")
        if operator.id in ("tim", "windtre"):
            assert rule is None, operator.id
        else:
            assert rule.fact.status == "unknown" and "kenactl's assumption" in rule.fact.source


def test_option_keys_values_and_defaults_are_exact():
    spec = {name: {key: (rule.default, tuple(rule.values)) for key, rule in operators.load(name).options.items()}
            for name in OPERATORS}
    assert spec["tim"] == {"sempre-connesso": ("off", ("on", "off")), "ricarica-automatica": ("off", ("on", "off"))}
    assert spec["vodafone"] == {"auto-topup": ("off", ("on", "off")), "continuita": ("on", ("on", "free", "off"))}
    assert spec["windtre"] == {"autoricarica": ("off", ("on", "off"))}
    assert spec["kena"] == spec["iliad"] == spec["other"] == {"auto-topup": ("off", ("on", "off"))}


def test_tim_start_date_is_recorded_from_both_sources():
    notes = [(note.text, note.fact.source) for note in operators.load("tim").notes]
    assert any("30 June 2021" in text and "article on renewals with short credit (undated)" in source
               for text, source in notes)
    assert any("30 May 2021" in text and "tuttoandroid.net 2021-04-23" in source for text, source in notes)


def test_unknown_operator_names_the_known_ones():
    with pytest.raises(KenactlError, match="unknown operator 'ho'; known: kena, tim") as error:
        operators.load("ho")
    assert error.value.exit_code == 2


def test_user_file_adds_an_operator_and_overrides_one(tmp_path):
    folder = tmp_path / "operators"
    folder.mkdir()
    text = (Path(operators.__file__).parent / "iliad.toml").read_text(encoding="utf-8")
    (folder / "spusu.toml").write_text(text.replace('name = "Iliad"', 'name = "Spusu"'), encoding="utf-8")
    (folder / "tim.toml").write_text(text.replace('name = "Iliad"', 'name = "My TIM"'), encoding="utf-8")
    assert registry.known(folder) == (*OPERATORS, "spusu")
    assert operators.load("spusu", folder).name == "Spusu"
    assert operators.load("tim", folder).name == "My TIM"
    assert operators.load("tim").name == "TIM"


@pytest.mark.parametrize("change, key, problem", [
    (('as_of = 2021-11-30\nstatus = "verified"\n\n[[timeline]]', 'status = "verified"\n\n[[timeline]]'),
     "short_credit.as_of", "missing"),
    (('cost = "0.00"', 'cost = "cheap"'), "timeline[0].cost", "not an amount"),
    (('outcome = "not-renewed"', 'outcome = "blocked"'), "short_credit.outcome", "not one of"),
    (('[[timeline]]\nday = 0', '[[timeline]]\nwhen = { continuita = "on" }\nday = 0'), "timeline[0].when.continuita",
     "not an option"),
    (('status = "verified"', 'status = "maybe"'), "short_credit.status", "not one of"),
    (("{credit}", "{credit.real}"), "short_credit.day0", "bad placeholder"),
    (("{credit}", "{credit[x]}"), "short_credit.day0", "bad placeholder"),
])
def test_broken_user_file_names_file_key_and_problem(tmp_path, change, key, problem):
    folder = tmp_path / "operators"
    folder.mkdir()
    text = (Path(operators.__file__).parent / "iliad.toml").read_text(encoding="utf-8")
    old, new = change
    assert old in text
    (folder / "iliad.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KenactlError) as error:
        operators.load("iliad", folder)
    message = error.value.message
    assert str(folder / "iliad.toml") in message and key in message and problem in message, message
    assert error.value.exit_code == 2


def test_invalid_toml_is_reported_with_the_file(tmp_path):
    folder = tmp_path / "operators"
    folder.mkdir()
    (folder / "kena.toml").write_text("name = \n", encoding="utf-8")
    with pytest.raises(KenactlError, match=r"kena\.toml: not valid TOML"):
        operators.load("kena", folder)


def _line(last_topup):
    return Line(name="main", operator="kena", offer="Kena", price=Decimal("7.99"), renewal_day=15,
                included=Allowances(None, None, None), credit=Decimal("10.00"), last_topup=last_topup)


@pytest.mark.parametrize("name, expected", [
    ("kena", (date(2027, 1, 31), date(2027, 3, 2), date(2028, 2, 2))),
    ("tim", (date(2027, 1, 31), date(2027, 2, 28), date(2028, 1, 28))),
    ("vodafone", (date(2026, 12, 31), date(2027, 1, 31), None)),
    ("windtre", (date(2027, 1, 31), date(2027, 3, 2), date(2028, 1, 31))),
    ("iliad", (date(2027, 1, 31), date(2027, 1, 31), date(2028, 1, 31))),
])
def test_validity_dates_per_operator(name, expected):
    assert validity_dates(date(2026, 1, 31), operators.load(name).validity) == expected


def test_sim_validity_states_and_no_last_topup():
    rule = operators.load("kena").validity
    at = lambda day: datetime.fromisoformat(day + "T12:00+01:00")  # noqa: E731
    assert sim_validity(_line(None), rule, at("2026-06-01")).ends_on is None
    assert sim_validity(_line(date(2026, 1, 31)), rule, at("2026-12-31")).warning is False
    expiring = sim_validity(_line(date(2026, 1, 31)), rule, at("2027-01-01"))
    assert (expiring.state, expiring.days_left, expiring.warning) == ("expiring", 30, True)
    assert sim_validity(_line(date(2026, 1, 31)), rule, at("2027-02-10")).state == "limited"
    assert sim_validity(_line(date(2026, 1, 31)), rule, at("2027-06-10")).state == "deactivated"
    assert sim_validity(_line(date(2026, 1, 31)), rule, at("2028-03-01")).state == "lost"
    assert sim_validity(_line(date(2026, 1, 31)), operators.load("other").validity, at("2027-01-02")).ends_on is None


@pytest.mark.parametrize("name", OPERATORS)
def test_every_built_in_file_passes_the_full_loader_and_its_parts_built_alone_are_the_loaders(name):
    # a command that needs one part of a built-in operator builds that part alone, unchecked beyond it
    whole = operators.load(name)
    assert operators.part(name, "validity") == whole.validity
    assert operators.part(name, "features") == whole.features
    assert operators.part(name, "offer") == (whole.name, whole.features)
    assert operators.part(name, "ledger") == (whole.short_credit.outcome, whole.timeline, whole.options)


def test_a_part_of_a_user_file_comes_from_the_whole_file_checked(tmp_path):
    folder = tmp_path / "operators"
    folder.mkdir()
    text = (Path(operators.__file__).parent / "iliad.toml").read_text(encoding="utf-8")
    (folder / "iliad.toml").write_text(text.replace("valid_months = 12", "valid_months = 6"), encoding="utf-8")
    assert operators.part("iliad", "validity", folder).valid_months == 6
    (folder / "iliad.toml").write_text(text.replace('status = "verified"', 'status = "maybe"', 1), encoding="utf-8")
    for name in ("validity", "features", "ledger"):  # the broken fact is in short_credit, outside these parts
        with pytest.raises(KenactlError) as error:
            operators.part("iliad", name, folder)
        assert str(folder / "iliad.toml") in error.value.message and "short_credit.status" in error.value.message
