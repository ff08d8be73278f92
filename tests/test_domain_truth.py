"""The operator facts follow their sources sentence by sentence (each test quotes the sentence)."""

import json
import re
from decimal import Decimal

from kenactl.core.explain import explain
from kenactl.knowledge import operators, registry

PRICE, CREDIT = Decimal("9.99"), Decimal("5.00")


def facts(operator):
    yield operator.short_credit.fact
    yield operator.validity.fact
    for group in (operator.timeline, operator.works, operator.rates, operator.after_topup, operator.notes):
        yield from (item.fact for item in group)
    yield from (rule.fact for rule in operator.options.values())


def publications(source: str) -> list[str]:
    """The publications a source names: parts split by ';' and by 'and' between two sites."""
    return [part for part in re.split(r";| and (?=[a-z0-9.]+\.(?:com|it|net)\b)", source) if part.strip()]


def test_verified_means_the_operator_itself_or_two_publications():
    # The one definition (README, "Operator data"): verified = the operator's own document or page, or at
    # least two publications that agree; one publication only is "reported".
    for operator in operators.load_all():
        for fact in facts(operator):
            own = "Carta dei Servizi" in fact.source or "support page" in fact.source
            if fact.status == "verified":
                assert own or len(publications(fact.source)) >= 2, (operator.id, fact.source)
    iliad = operators.load("iliad")
    assert {rate.item: rate.fact.status for rate in iliad.rates} == {
        "calls": "verified", "SMS": "verified", "data": "verified", "MMS": "reported"}


def test_windtre_anticipo_needs_earlier_charges_paid():
    # «L'anticipo del traffico, disponibile più volte al mese e solo se sono stati corrisposti anche addebiti
    # precedenti»
    windtre = operators.load("windtre")
    unpaid = explain(windtre, price=PRICE, credit=CREDIT, pending=Decimal("7.99"))
    assert unpaid.late_fees_max == 0
    assert [step.cost for step in unpaid.timeline] == [0, 0, 0]
    assert all("Not available" in str(step.event) for step in unpaid.timeline[1:])
    assert not any("anticipo" in str(item.text) for item in unpaid.works)
    paid = explain(windtre, price=PRICE, credit=CREDIT)
    assert paid.late_fees_max == Decimal("2.98")
    assert any("2.98 € is the most per episode" in item.text for item in paid.notes)


def test_top_up_after_the_late_fee_episode_is_next_to_the_minimum(run):
    # «una ricarica utile a coprire il costo residuo del rinnovo mensile e anche del costo del meccanismo
    # di ricarica in ritardo»
    result = run("explain", "--operator", "windtre", "--price", "9.99", "--credit", "5", "--json")
    data = json.loads(result.stdout)
    assert (data["min_topup"], data["late_fees_max"], data["topup_after_fees"]) == ("4.99", "2.98", "7.97")
    plain = run("explain", "--operator", "windtre", "--price", "9.99", "--credit", "5").stdout
    assert "Top up at least 4.99 € before the renewal. After the late-fee days, at least 7.97 €" in plain


def test_sempre_connesso_only_once_the_credit_is_used_up_and_per_day_of_use(run):
    # «in caso di credito esaurito» ... «per ciascun giorno di effettivo utilizzo»
    tim = operators.load("tim")
    left = explain(tim, price=PRICE, credit=CREDIT, options={"sempre-connesso": "on"})
    connesso = [step for step in left.timeline if "Sempre Connesso" in str(step.event)]
    assert connesso and all(step.counted_from == "credit-used-up" for step in connesso)
    assert all(event.per_day_of_use for event in tim.timeline if event.cost)
    assert all(step.per_day_of_use for step in connesso if step.cost)
    assert left.topup_after_fees == PRICE + Decimal("1.80")  # the credit is gone by then
    none_left = explain(tim, price=PRICE, credit=Decimal("0"), options={"sempre-connesso": "on"})
    assert [step.counted_from for step in none_left.timeline][:3] == ["renewal"] * 3
    plain = run("explain", "--operator", "tim", "--price", "9.99", "--credit", "5", "--option",
                "sempre-connesso=on").stdout
    assert "0 after the credit runs out  up to 0.90 €  Sempre Connesso, first day" in plain
    assert "charged only if used that day" in plain


def test_unknown_fees_are_unknown_not_zero(run):
    # Kena: «No late-top-up fee found» in the sources is not a fee of 0.00 €.
    data = json.loads(run("explain", "--compare", "--price", "9.99", "--credit", "5", "--json").stdout)
    fees = {item["operator"]: item["late_fees_max"] for item in data["operators"]}
    assert fees["kena"] == fees["other"] == "unknown"
    kena = data["operators"][0]
    assert kena["timeline"][1]["cost"] == "unknown" and kena["topup_after_fees"] == "unknown"
    plain = run("explain", "--compare", "--price", "9.99", "--credit", "5").stdout
    assert re.search(r"Kena Mobile +offer suspended +unknown", plain)


def test_reported_facts_keep_their_mark_after_a_top_up_and_in_option_effects(run):
    # Iliad's renewal-date shift and Vodafone's fixed renewal date come from one page each (reported).
    iliad = run("explain", "--operator", "iliad", "--price", "9.99", "--credit", "5").stdout
    assert "the bundle counters keep the old day (reported)" in iliad
    vodafone = json.loads(run("explain", "--operator", "vodafone", "--price", "9.99", "--credit", "5",
                              "--json").stdout)
    assert "the renewal date does not move after a late top-up (reported)" in vodafone["after_topup"]
    effect = next(e for e in vodafone["option_effects"] if e["option"] == "auto-topup=on")
    assert effect["description"].endswith("(unknown)")


def test_italian_counters_keep_the_previous_renewal_date(run):
    # «la data di rinnovo dei contatori dei bundle ... dovrebbe rimanere quella precedente»
    out = run("--lang", "it", "explain", "--operator", "iliad", "--price", "9.99", "--credit", "5").stdout
    assert "i contatori del pacchetto mantengono la data di rinnovo precedente" in out


def test_smaller_wording_follows_the_sources():
    windtre = operators.load("windtre")
    # «ad eccezione dei costi relativi alle offerte roaming» (not only EU-roaming options)
    assert any("offerte roaming" in note.text for note in windtre.notes)
    assert not any("EU-roaming" in note.text for note in windtre.notes)
    # The article says what the top-up must cover, not in which order: no "taken first" in WINDTRE's data.
    assert not any("taken first" in item.text for item in windtre.after_topup)
    # §10 «potrà solo ricevere telefonate, SMS, MMS in territorio italiano»
    assert "in Italian territory" in operators.load("kena").validity.text


def test_restart_plan_labels_the_month_end_and_minute_rules_as_kenactls(run, kena_profile):
    # The news item says only «se il rinnovo dell'offerta è programmato per il giorno 15 [...] e l'utente
    # decide di anticiparlo al giorno 10, da quel momento in poi i rinnovi mensili [...] il giorno 10».
    text = " ".join(run("--at", "2026-11-04T21:00", "restart", "plan").stdout.split())
    assert "kenactl's rules, not the news item's: a day a month lacks falls on its last day" in text
    assert "the renewal time moves to the Restart's minute" in text


def test_a_user_file_with_a_wrong_only_if_is_one_clear_error(run, kena_profile):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    text = (registry.BUILTIN_FOLDER / "windtre.toml").read_text(encoding="utf-8")
    (folder / "windtre.toml").write_text(text.replace('only_if = "earlier-charges-paid"  #',
                                                      'only_if = "sometimes"  #'), encoding="utf-8")
    before = kena_profile.read_bytes()
    result = run("explain", "--operator", "windtre")
    assert result.exit_code == 2
    assert result.stderr == (f"kenactl: {folder / 'windtre.toml'}: timeline[0].only_if: 'sometimes' is not one of "
                             "credit-used-up, earlier-charges-paid\n")
    assert kena_profile.read_bytes() == before
