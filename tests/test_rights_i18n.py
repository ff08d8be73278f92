"""``kenactl rights`` in Italian: charter prose as msgids, Italian holiday names, Italian errors, and JSON
identical in both languages (also for the commands that change the profile)."""

import json
import tomllib
from pathlib import Path

from kenactl.knowledge import charters

CHARTER_DIR = Path(charters.__file__).parent


def test_translatable_texts_are_the_english_fields_of_every_charter_and_never_the_quotes():
    texts = dict(charters.translatable_texts())
    assert len(texts) == len({text for text, _ in charters.translatable_texts()})
    for charter_id in charters.CHARTER_IDS:
        data = tomllib.loads((CHARTER_DIR / f"{charter_id}.toml").read_text(encoding="utf-8"))
        assert data["residual_credit"]["transfer_to"] in texts
        assert data["compensation"]["request"] in texts
        assert data["in_force_basis"] in texts
        assert data["compensation"]["quote"] not in texts and data["title"] not in texts
    assert texts["the request (richiesta)"] == ("kenactl/knowledge/charters/tim-2022.toml: "
                                                 "compensation.payment_counted_from")


def test_italian_compensation_names_holidays_in_italian_and_json_keeps_english(run):
    args = ("--at", "2026-04-20", "rights", "compensation", "--case", "malfunction", "--from", "2026-04-02",
            "--to", "2026-04-08")
    out = run("--lang", "it", *args).stdout
    assert "Indennizzo (malfunction): 8,00 €" in out
    assert "Non conteggiati:  lun 6 aprile 2026 Lunedì dell'Angelo" in out
    assert "Giorni:           gio 2 aprile 2026 → mer 8 aprile 2026: 4 giorni lavorativi" in out
    assert "entro 60 giorni dalla richiesta" in out and "kenactl la applica dal 1° dicembre 2022" in out
    english, italian = run("--lang", "en", *args, "--json").stdout, run("--lang", "it", *args, "--json").stdout
    assert english == italian
    assert json.loads(italian)["holidays_not_counted"] == [{"date": "2026-04-06", "name": "Easter Monday"}]


def test_italian_not_due_and_leave(run, kena_profile):
    result = run("--lang", "it", "--at", "2026-03-10", "rights", "compensation", "--case", "activation",
                 "--from", "2026-03-02", "--to", "2026-03-03")
    assert result.exit_code == 1
    assert "Non dovuto: la Carta esclude i ritardi non superiori a 2 giorni (conteggiati: 2 giorni lavorativi)" \
        in result.stdout
    leave = run("--lang", "it", "rights", "leave").stdout
    assert "Trasferimento:" in leave and "gratis, su un'altra SIM TIM" in leave and "Rimborso:" in leave


def test_italian_errors_leave_the_profile_untouched(run, kena_profile):
    before = kena_profile.read_bytes()
    closed = run("--lang", "it", "rights", "complaint", "close", "4")
    assert closed.exit_code == 2
    assert closed.stderr == "kenactl: nessun reclamo n. 4; il profilo non ne contiene nessuno\n"
    future = run("--lang", "it", "--at", "2026-03-10", "rights", "complaint", "add", "--date", "2026-03-11")
    assert future.exit_code == 2 and "--date: 2026-03-11 è successivo a oggi (2026-03-10)" in future.stderr
    bonus = run("--lang", "it", "rights", "leave", "--bonus", "999")
    assert bonus.exit_code == 2 and "--bonus: 999,00 € supera il credito della linea" in bonus.stderr
    assert kena_profile.read_bytes() == before


def test_complaint_add_and_close_json_is_the_same_in_both_languages(run, kena_profile):
    original = kena_profile.read_bytes()
    outputs = {}
    for lang in ("en", "it"):
        kena_profile.write_bytes(original)
        added = run("--lang", lang, "--at", "2026-05-20", "rights", "complaint", "add", "--date", "2026-03-01",
                    "--subject", "SIM sospesa", "--json").stdout
        closed = run("--lang", lang, "--at", "2026-05-22", "rights", "complaint", "close", "1", "--json").stdout
        outputs[lang] = (added, closed)
    assert outputs["en"] == outputs["it"]
    assert json.loads(outputs["it"][1])["state"] == "answered-late"
