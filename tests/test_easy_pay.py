"""Easy Pay arrears on a line paid by card: card charges on their own schedule, never taken from the credit.

WINDTRE's SMS, quoted by a news item on the Easy Pay billing fault: «Il costo di rinnovo dei mesi precedenti ti
sarà addebitato ogni 30 giorni, a partire dal mese prossimo e sino al saldo del pregresso».
"""

import json
from datetime import date
from decimal import Decimal

from helpers import assert_refused, at, edit

from kenactl.core import charges
from kenactl.core.model import Allowances, Line

WINDTRE_CARD = ("init", "--operator", "windtre", "--offer", "Easy Pay", "--price", "9.99", "--renewal-day", "15",
                "--data", "100GB", "--minutes", "unlimited", "--sms", "unlimited", "--credit", "4", "--payment", "card")


def card_line(**changes) -> Line:
    values = dict(name="main", operator="windtre", offer="Easy Pay", price=Decimal("9.99"), renewal_day=15,
                  included=Allowances(None, None, None), credit=Decimal("4.00"), payment="card")
    return Line(**{**values, **changes})


def test_one_renewal_price_every_30_days_from_the_next_month():
    # «ti sarà addebitato ogni 30 giorni, a partire dal mese prossimo»: one renewal each, the last the rest
    charge = charges.new_charge("arrears", Decimal("20.00"), date(2027, 1, 1), card_line())
    assert (charge.by_card, charge.instalments, charge.part) == (True, 3, Decimal("9.99"))
    items = charges.schedule(charge, today=date(2027, 2, 10))
    assert [(item.due, item.amount, item.state) for item in items] == [
        (date(2027, 2, 1), Decimal("9.99"), "charged"),  # 1 Jan + 30 days is 31 Jan: still January
        (date(2027, 3, 3), Decimal("9.99"), "upcoming"),
        (date(2027, 4, 2), Decimal("0.02"), "upcoming")]
    later = charges.new_charge("arrears", Decimal("29.97"), date(2027, 1, 15), card_line())
    assert [item.due for item in charges.schedule(later)] == [date(2027, 2, 14), date(2027, 3, 16), date(2027, 4, 15)]


def test_given_instalments_are_one_per_month_missed_in_equal_parts():
    charge = charges.new_charge("arrears", Decimal("23.97"), date(2027, 1, 20), card_line(), instalments=3)
    assert [item.amount for item in charges.schedule(charge)] == [Decimal("7.99")] * 3
    assert charges.schedule(charge)[0].due == date(2027, 2, 19)


def test_card_arrears_are_never_taken_from_a_top_up():
    # «sino al saldo del pregresso»: the card pays them; the credit is not touched
    charge = charges.new_charge("arrears", Decimal("19.98"), date(2027, 1, 1), card_line())
    line = card_line(charges=(charge,))
    assert charges.outstanding(charge, date(2027, 6, 1)) == 0
    after, taken = charges.take(line, Decimal("10.00"), at("2027-02-05T10:00"))
    assert (taken, after.credit) == (Decimal("0.00"), Decimal("14.00"))
    assert after.charges == (charge,)  # the second instalment is still to come
    done, _taken = charges.take(line, Decimal("10.00"), at("2027-03-05T10:00"))
    assert done.charges == ()  # both instalments charged to the card
    assert charges.card_recovery(line, date(2027, 2, 5)) == (Decimal("9.99"), date(2027, 3, 3))
    assert charges.card_recovery(line, date(2027, 3, 3)) is None


def test_charges_add_on_a_card_line_says_two_charges_a_month(run, profile_path):
    assert run("--at", "2027-01-01T10:00", *WINDTRE_CARD).exit_code == 0
    added = run("--at", "2027-01-01T10:00", "charges", "add", "Easy Pay arrears", "19.98")
    assert added.exit_code == 0
    assert added.stdout.splitlines()[1:3] == ["  1/2  Mon 01 Feb 2027  9.99 €", "  2/2  Wed 03 Mar 2027  9.99 €"]
    assert "Until Wed 03 Mar 2027 you pay two charges a month by card: the renewal (9.99 €) and one instalment" \
        in added.stdout
    topup = run("--at", "2027-02-10T10:00", "credit", "topup", "5")
    assert topup.stdout.splitlines() == ["Credit of line 'main': 9.00 €."]  # nothing "taken first"
    listed = run("--at", "2027-02-10T10:00", "charges", "list")
    assert "By card:  next instalment 9.99 €, the last on Wed 03 Mar 2027" in listed.stdout
    assert "Mon 01 Feb 2027  9.99 €  charged to card" in listed.stdout
    assert "Due now" not in listed.stdout and "two charges a month" in listed.stdout
    data = json.loads(run("--at", "2027-02-10T10:00", "charges", "list", "--json").stdout)
    assert (data["pending"], data["min_topup"], data["card_recovery_until"]) == ("0.00", "0.00", "2027-03-03")
    assert data["charges"][0]["by_card"] is True
    assert [item["state"] for item in data["charges"][0]["instalments"]] == ["charged", "upcoming"]
    italian = run("--lang", "it", "--at", "2027-02-10T10:00", "charges", "list").stdout
    assert "Fino al mer 3 marzo 2027 paghi due addebiti al mese su carta: il rinnovo (9,99 €) e una rata" in italian
    done = json.loads(run("--at", "2027-03-04T10:00", "charges", "list", "--json").stdout)
    assert (done["charges"], done["card_recovery_until"]) == ([], None)


def test_a_credit_line_keeps_taking_charges_at_the_next_top_up(run, kena_profile):
    assert run("--at", "2026-11-20T10:00", "charges", "add", "late fees", "2.00").exit_code == 0
    text = kena_profile.read_text(encoding="utf-8")
    assert "by_card" not in text and "part =" not in text
    topup = run("--at", "2026-11-21T10:00", "credit", "topup", "5")
    assert topup.stdout.splitlines()[0] == "Taken first for pending charges: 2.00 €."


def test_a_hand_edited_part_that_does_not_make_the_amount_is_refused(run, profile_path):
    assert run("--at", "2027-01-01T10:00", *WINDTRE_CARD).exit_code == 0
    assert run("--at", "2027-01-01T10:00", "charges", "add", "arrears", "19.98").exit_code == 0
    text = profile_path.read_text(encoding="utf-8")
    assert "by_card = true" in text and 'part = 9.99' in text
    edit(profile_path, 'part = 9.99', 'part = 5.00')
    before = profile_path.read_bytes()
    assert_refused(run("charges", "list"), "lines.main.charges[0].part: 2 instalments of 5.00 do not make 19.98")
    assert profile_path.read_bytes() == before
