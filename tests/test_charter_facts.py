"""The charter facts a user needs next: §16 conciliation, §7/§9/§13 contacts, §11 porting, §14 channel."""

import json

import pytest

AT = ("--at", "2026-04-20T10:00")


def run_json(run, *args):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_conciliation_tim_edition_is_corecom_under_203_18(run):
    # «potrà promuovere in via preventiva un tentativo di conciliazione ai sensi della Delibera 203/18/CONS
    # [...] dinanzi al Corecom competente, tramite specifica piattaforma informatica»; «prima di adire
    # l'Autorità giudiziaria vi è l'obbligo di proporre istanza»
    data = run_json(run, *AT, "rights", "conciliation")
    assert data["source"] == "TIM ed. Dicembre 2022 §16" and data["charter"]["id"] == "tim-2022"
    assert "203/18/CONS" in data["procedure"] and "Corecom" in data["procedure"]
    assert "online platform" in data["procedure"] and "mandatory before going to court" in data["court"]
    assert len(data["steps"]) == 4 and "Delibera 203/18/CONS" in data["quote"]
    plain = run(*AT, "rights", "conciliation").stdout
    assert "Step 2:" in plain and "[TIM ed. Dicembre 2022 §16]" in plain


def test_conciliation_noverca_edition_is_173_07_and_paritetica(run):
    # «la procedura di conciliazione prevista dalla delibera AGCOM n. 173/07/CONS»; «Organo di Conciliazione
    # paritetico»
    data = run_json(run, "rights", "conciliation", "--charter", "noverca")
    assert "173/07/CONS" in data["procedure"] and "conciliazione paritetica" in data["procedure"]
    assert data["source"] == "Noverca ed. §16"
    italian = run("--lang", "it", "rights", "conciliation", "--charter", "noverca").stdout
    assert "Conciliazione (Noverca ed.)" in italian and "conciliazione paritetica" in italian


def test_contacts_block_sim_self_service_and_withdrawal(run):
    # §13 «contattare tempestivamente il Servizio di Assistenza Clienti al numero 181 e dall'estero il numero
    # +393505999181»; §3 «Servizio Fai da Te, gratuito, al 40181»; §9 «Modulo di Recesso [...] entro i
    # successivi 30 giorni»
    data = run_json(run, *AT, "rights", "contacts")
    assert (data["block_sim"]["from_italy"], data["block_sim"]["from_abroad"]) == ("181", "+39 350 599 9181")
    assert data["block_sim"]["source"] == "TIM ed. Dicembre 2022 §13"
    assert data["self_service"] == {"number": "40181", "source": "TIM ed. Dicembre 2022 §3"}
    assert data["withdrawal"]["deactivated_within_days"] == 30 and "800.181.181" in data["withdrawal"]["how"]
    assert data["changes"]["notice_days"] == 30
    italian = run("--lang", "it", *AT, "rights", "contacts").stdout
    assert "SIM smarrita o rubata" in italian and "chiama il 181 (dall'estero il +39 350 599 9181)" in italian


def test_rights_alone_shows_the_notice_of_changes(run):
    # §7 «con almeno 30 giorni di anticipo [...] senza previsione di penali né costi di disattivazione»
    out = run(*AT, "rights").stdout
    assert "at least 30 days before they apply" in out and "without penalties" in out
    assert "[TIM ed. Dicembre 2022 §7]" in out
    data = run_json(run, *AT, "rights")
    assert data["changes"]["source"] == "TIM ed. Dicembre 2022 §7" and "conciliation" in data["commands"]


def test_leave_names_porting_transfer_and_the_limitation_period(run, kena_profile):
    # §11 «il Servizio opzionale di trasferimento del "credito residuo" da altro operatore a TIM e viceversa»;
    # «nel rispetto dell'ordinario termine di prescrizione dei diritti di credito»
    data = run_json(run, *AT, "rights", "leave")
    assert "port the number to another operator" in data["porting"]
    assert "limitation period" in data["unrequested"]
    out = run(*AT, "rights", "leave").stdout
    assert "Porting the number away:" in out and "prescrizione" in out


def test_only_written_complaints_accrue_and_late_ones_name_conciliation(run, kena_profile):
    # §14 «Nel caso in cui TIM non riuscisse a rispettare il termine prefissato per l'evasione dei reclami
    # scritti»; §16 «anche quando non si ritenga soddisfatto dalla gestione e/o dall'esito del reclamo»
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02", "--written").exit_code == 0
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02", "--phone").exit_code == 0
    data = run_json(run, *AT, "rights", "complaint", "list")
    written, phone = data["complaints"]
    assert (written["channel"], written["owed"], written["accrues"]) == ("written", "10.00", True)
    assert (phone["channel"], phone["owed"], phone["accrues"], phone["next_increase"]) == ("phone", "0.00",
                                                                                        False, None)
    assert written["next_step"] == phone["next_step"] == "conciliation"
    out = run(*AT, "rights", "complaint", "list").stdout
    assert "none (phone)" in out and "the next step is conciliation (kenactl rights conciliation)" in out


def test_an_unsatisfying_reply_in_time_names_conciliation(run, kena_profile):
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-03-01").exit_code == 0
    closed = run_json(run, "--at", "2026-03-10", "rights", "complaint", "close", "1", "--unsatisfied")
    assert (closed["state"], closed["unsatisfied"], closed["next_step"]) == ("answered", True, "conciliation")
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-03-01").exit_code == 0
    happy = run_json(run, "--at", "2026-03-10", "rights", "complaint", "close", "2")
    assert (happy["state"], happy["unsatisfied"], happy["next_step"]) == ("answered", False, None)


def test_complaints_say_the_interim_notice_and_count_from_receipt(run, kena_profile):
    # §14 «entro 45 giorni solari dalla data di ricevimento del reclamo. Nelle ipotesi di particolare
    # complessità dei reclami, entro il predetto termine, il Cliente verrà informato sullo stato di
    # avanzamento dell'indagine»
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02").exit_code == 0
    out = run(*AT, "rights", "complaint", "list").stdout
    assert "45 calendar days after the operator received it" in out and "after filing" not in out
    assert "an interim notice on the progress" in out


def test_credit_renewal_case_is_a_top_up_credited_late(run):
    # §15 b) «tempo di rinnovo del credito»; §4 «c.d. rinnovo del credito» is the top-up being credited
    out = run("rights", "compensation", "--help").stdout
    assert "a top-up credited late" in " ".join(out.split())


@pytest.mark.parametrize("charter", ["tim-2022", "noverca"])
def test_every_edition_has_the_next_step_facts(charter):
    from kenactl.knowledge import charters

    loaded = charters.load(charter)
    assert loaded.conciliation.section == "§16" and loaded.contacts.block_section == "§13"
    assert loaded.contacts.notice_days == 30 and loaded.contacts.deactivated_within_days == 30


def test_working_days_are_kenactls_reading_and_city_skips_the_patron_saint(run):
    # Neither charter defines «giorni lavorativi»: kenactl's reading, national holidays only unless --city.
    args = ("--at", "2026-12-20", "rights", "compensation", "--case", "malfunction", "--from", "2026-12-01",
            "--to", "2026-12-10")
    national = run_json(run, *args)
    milano = run_json(run, *args, "--city", "Milano")
    assert (national["days"], milano["days"]) == (7, 6)  # Sant'Ambrogio, 7 December, skipped in Milano
    assert milano["city"] == "MI" and {"date": "2026-12-07", "name": "Saint Ambrose's Day"} in milano[
        "holidays_not_counted"]
    out = run(*args).stdout
    assert "kenactl's reading" in out and "Patron saints' days are not skipped" in out
    roma = run_json(run, "--at", "2026-07-01", "rights", "compensation", "--case", "mnp", "--from", "2026-06-24",
                    "--to", "2026-06-30", "--city", "RM")
    assert roma["days"] == 4  # Wed 24 to Tue 30 without the weekend and Mon 29 June, Santi Pietro e Paolo
    bad = run(*args, "--city", "Atlantis")
    assert bad.exit_code == 2 and "--city: 'Atlantis' is not an Italian province" in bad.stderr


def test_malfunction_exclusion_and_mnp_report_deadline_are_labelled_as_readings(run):
    # §15 «L'indennizzo non è comunque dovuto per ritardi non superiori a due giorni lavorativi» speaks of delays.
    malfunction = run("--at", "2026-04-20", "rights", "compensation", "--case", "malfunction", "--from",
                      "2026-04-14", "--to", "2026-04-17").stdout
    assert "kenactl applies the same exclusion to malfunctions" in malfunction
    mnp = run("--at", "2026-04-20", "rights", "compensation", "--case", "mnp", "--from", "2026-04-14",
              "--to", "2026-04-17").stdout
    assert "kenactl applies it to the MNP delay too" in mnp
    activation = run("--at", "2026-04-20", "rights", "compensation", "--case", "activation", "--from",
                     "2026-04-14", "--to", "2026-04-17").stdout
    assert "kenactl's reading: the charter excludes" not in activation


def test_credit_renewal_output_says_it_is_a_top_up_credited_late(run):
    # §4 «il riconoscimento sulla SIM Kena Mobile del traffico telefonico prepagato (c.d. rinnovo del credito)»
    out = run("--at", "2026-04-20", "rights", "compensation", "--case", "credit-renewal", "--from", "2026-04-14",
              "--to", "2026-04-17").stdout
    assert "This case is a top-up credited late" in " ".join(out.split())
    assert "not an offer that failed to renew" in " ".join(out.split())


def test_a_bad_city_on_complaint_add_or_close_leaves_the_profile_untouched(run, kena_profile):
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02").exit_code == 0
    before = kena_profile.read_bytes()
    for args in (("add", "--city", "Atlantis"), ("close", "1", "--city", "Atlantis")):
        result = run("--at", "2026-04-20", "rights", "complaint", *args)
        assert result.exit_code == 2 and "--city: 'Atlantis'" in result.stderr
    assert kena_profile.read_bytes() == before
    closed = run_json(run, "--at", "2026-12-20", "rights", "complaint", "close", "1", "--city", "MI")
    assert closed["charter"]["id"] == "tim-2022" and closed["state"] == "answered-late"
