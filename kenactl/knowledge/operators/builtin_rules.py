"""The built-in operators' renewal rules and the parts a start reads, built: written by ``tools/operator_data.py``
with the one loader from the ``.toml`` files beside this module (do not edit; ``tests/test_operator_data.py``
checks that it matches them). ``RULES[id]()`` is ``knowledge.ledger_rules.build`` of the operator's file,
``PARTS[part][id]()`` the operator's ``knowledge.operators.PARTS[part]``."""

from datetime import date
from decimal import Decimal

from kenactl.core.renewal_rule import Condition, Fact, FeeRule, RenewalRule, Source, ValidityRule


def kena_rule() -> RenewalRule:
    return RenewalRule(
        operator='kena',
        outcome='suspended',
        credit='untouched',
        usable=False,
        topup='renews',
        day='unknown',
        fees=(),
        auto_renews={'auto-topup': frozenset({'on'})},
        defaults={'auto-topup': 'off'},
        facts={
            'credit': Source(
                source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                as_of=date(2025, 2, 11),
                status='verified',
            ),
            'usable': Source(
                source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                as_of=date(2025, 2, 11),
                status='verified',
            ),
            'topup': Source(
                source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                as_of=date(2025, 2, 11),
                status='verified',
            ),
            'day': Source(
                source='searched in public pages (mvnonews.com, sostariffe.it), not stated',
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'fees': Source(
                source='searched in public pages (mvnonews.com, sostariffe.it), no late-top-up fee found',
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
        },
    )


def kena_validity() -> ValidityRule:
    return ValidityRule(
        text=(
            '12 months from the last top-up (from activation when there was none), then 30 days receive-only in Italy '
            '(incoming calls, SMS and MMS in Italian territory, emergency numbers), then deactivation; the number can '
            'be reactivated within 11 more months'
        ),
        fact=Fact(
            source=(
                'Carte dei Servizi Kena Mobile (TIM S.p.A. Edizione Dicembre 2022; Noverca S.r.l.) §10; sostariffe.it '
                '2025'
            ),
            as_of=date(2022, 12, 1),
            status='verified',
        ),
        valid_months=12,
        grace_months=0,
        grace_days=30,
        reactivation_months=11,
        reactivation_from_topup_months=None,
    )


def kena_features() -> frozenset:
    return frozenset({'restart', 'service-charter'})


def kena_offer() -> tuple:
    return ('Kena Mobile', frozenset({'restart', 'service-charter'}))


def tim_rule() -> RenewalRule:
    return RenewalRule(
        operator='tim',
        outcome='suspended',
        credit='untouched',
        usable=False,
        topup='renews',
        day='moves',
        fees=(
            FeeRule(
                day=0,
                event=(
                    'Sempre Connesso, first day: calls, SMS and data without limits in Italy and the EU, charged only '
                    'if used that day'
                ),
                cost=Decimal('0.90'),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if='credit-used-up',
            ),
            FeeRule(
                day=1,
                event='Sempre Connesso, second and last day, charged only if used that day',
                cost=Decimal('0.90'),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if='credit-used-up',
            ),
        ),
        auto_renews={'ricarica-automatica': frozenset({'on'})},
        defaults={'sempre-connesso': 'off', 'ricarica-automatica': 'off'},
        facts={
            'credit': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'usable': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'topup': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021: '
                    "«l'offerta si riattiva il giorno in cui il cliente effettua la ricarica senza perdere giorni»"
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'day': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021: '
                    "«l'offerta si riattiva il giorno in cui il cliente effettua la ricarica senza perdere giorni»"
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'fees': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021; '
                    'forum.fibra.click 2021-05; telefonino.net 2021-04'
                ),
                as_of=date(2021, 5, 31),
                status='verified',
            ),
        },
    )


def tim_validity() -> ValidityRule:
    return ValidityRule(
        text='12 months from the last top-up plus 1 month; free reactivation within 11 months of expiry',
        fact=Fact(source='tim.it support page (undated)', as_of=date(2025, 2, 11), status='verified'),
        valid_months=12,
        grace_months=1,
        grace_days=0,
        reactivation_months=11,
        reactivation_from_topup_months=None,
    )


def tim_features() -> frozenset:
    return frozenset()


def tim_offer() -> tuple:
    return ('TIM', frozenset())


def vodafone_rule() -> RenewalRule:
    return RenewalRule(
        operator='vodafone',
        outcome='negative-credit',
        credit='minus-price',
        usable=False,
        topup='unblocks',
        day='stays',
        fees=(
            FeeRule(
                day=0,
                event='Continuità di servizio: unlimited calls and internet for 24 hours',
                cost=Decimal('0.99'),
                when=Condition(values={'continuita': frozenset({'on'})}),
                only_if=None,
            ),
            FeeRule(
                day=1,
                event='Continuità di servizio: 24 more hours if the credit is still short (at most 48 hours)',
                cost=Decimal('0.99'),
                when=Condition(values={'continuita': frozenset({'on'})}),
                only_if=None,
            ),
        ),
        auto_renews={'auto-topup': frozenset({'on'})},
        defaults={'continuita': 'on', 'auto-topup': 'off'},
        facts={
            'credit': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'usable': Source(
                source=(
                    'vodafone.it support page (undated): blocked until a top-up once the 48 hours of continuità are '
                    'over'
                ),
                as_of=date(2025, 2, 11),
                status='verified',
            ),
            'topup': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'day': Source(
                source='undated blog: the renewal date does not move after a late top-up',
                as_of=date(2025, 2, 11),
                status='reported',
            ),
            'fees': Source(
                source=(
                    'vodafone.it support page (undated); Italian press article on short credit at renewal (TIM, '
                    'Vodafone, WINDTRE, Iliad), Nov 2021'
                ),
                as_of=date(2025, 2, 11),
                status='verified',
            ),
        },
    )


def vodafone_validity() -> ValidityRule:
    return ValidityRule(
        text='11 months from the last top-up plus 1 month receive-only',
        fact=Fact(source='money.it 2024-04-23', as_of=date(2024, 4, 23), status='reported'),
        valid_months=11,
        grace_months=1,
        grace_days=0,
        reactivation_months=None,
        reactivation_from_topup_months=None,
    )


def vodafone_features() -> frozenset:
    return frozenset()


def vodafone_offer() -> tuple:
    return ('Vodafone', frozenset())


def windtre_rule() -> RenewalRule:
    return RenewalRule(
        operator='windtre',
        outcome='partially-charged',
        credit='to-zero-rest-owed',
        usable=False,
        topup='unblocks',
        day='unknown',
        fees=(
            FeeRule(
                day=0,
                event='Anticipo del traffico: included traffic available for this calendar day (until 23:59)',
                cost=Decimal('0.99'),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
            ),
            FeeRule(
                day=1,
                event='Second anticipo: included traffic for 4 more days (days 1-4), one charge',
                cost=Decimal('1.99'),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
            ),
        ),
        auto_renews={},
        defaults={'autoricarica': 'off'},
        facts={
            'credit': Source(
                source=(
                    'w3store.it FAQ (undated); Italian press article on short credit at renewal (TIM, Vodafone, '
                    'WINDTRE, Iliad), Nov 2021'
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'usable': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'topup': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'day': Source(
                source='not stated in the public pages kenactl draws on',
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'fees': Source(
                source=(
                    'mondo3.com and optimagazine.com 2021-07-26; Italian press article on short credit at renewal '
                    '(TIM, Vodafone, WINDTRE, Iliad), Nov 2021'
                ),
                as_of=date(2021, 7, 26),
                status='verified',
            ),
        },
    )


def windtre_validity() -> ValidityRule:
    return ValidityRule(
        text=(
            '12 months from the last top-up plus 30 days receive-only; the number is held for reactivation up to 24 '
            'months from the last top-up'
        ),
        fact=Fact(source='chetariffa.it (undated)', as_of=date(2025, 2, 11), status='reported'),
        valid_months=12,
        grace_months=0,
        grace_days=30,
        reactivation_months=None,
        reactivation_from_topup_months=24,
    )


def windtre_features() -> frozenset:
    return frozenset()


def windtre_offer() -> tuple:
    return ('WINDTRE', frozenset())


def iliad_rule() -> RenewalRule:
    return RenewalRule(
        operator='iliad',
        outcome='not-renewed',
        credit='untouched',
        usable=False,
        topup='renews',
        day='moves',
        fees=(),
        auto_renews={'auto-topup': frozenset({'on'})},
        defaults={'auto-topup': 'off'},
        facts={
            'credit': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'usable': Source(
                source='Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'topup': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021: «i '
                    'clienti Iliad dovranno quindi effettuare una ricarica utile a coprire il costo del rinnovo»'
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
            'day': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021; '
                    'tecnoandroid.it 2019-01-01'
                ),
                as_of=date(2021, 11, 30),
                status='reported',
            ),
            'fees': Source(
                source=(
                    'Italian press article on short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021: no '
                    'late-top-up mechanism and no fee'
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
        },
    )


def iliad_validity() -> ValidityRule:
    return ValidityRule(
        text=(
            'deactivated after 12 months without use or top-up (no receive-only month mentioned); reactivation up to '
            '24 months from the last top-up'
        ),
        fact=Fact(source='tuttoandroid.net 2021-03-20', as_of=date(2021, 3, 20), status='reported'),
        valid_months=12,
        grace_months=0,
        grace_days=0,
        reactivation_months=None,
        reactivation_from_topup_months=24,
    )


def iliad_features() -> frozenset:
    return frozenset()


def iliad_offer() -> tuple:
    return ('Iliad', frozenset())


def other_rule() -> RenewalRule:
    return RenewalRule(
        operator='other',
        outcome='unknown',
        credit='untouched',
        usable=False,
        topup='renews',
        day='unknown',
        fees=(),
        auto_renews={'auto-topup': frozenset({'on'})},
        defaults={'auto-topup': 'off'},
        facts={
            'credit': Source(
                source="kenactl's assumption: it depends on the operator",
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'usable': Source(
                source="kenactl's assumption: it depends on the operator",
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'topup': Source(
                source="kenactl's assumption: usually a top-up that covers the price makes the offer usable again",
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'day': Source(
                source="kenactl's assumption: it depends on the operator",
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
            'fees': Source(source="kenactl's assumption: no fee is known", as_of=date(2025, 2, 11), status='unknown'),
        },
    )


def other_validity() -> ValidityRule:
    return ValidityRule(
        text='SIM validity depends on the operator; not known to kenactl',
        fact=Fact(source='no public source found for other operators', as_of=date(2025, 2, 11), status='unknown'),
        valid_months=None,
        grace_months=0,
        grace_days=0,
        reactivation_months=None,
        reactivation_from_topup_months=None,
    )


def other_features() -> frozenset:
    return frozenset()


def other_offer() -> tuple:
    return ('other operator', frozenset())


RULES = {
    'kena': kena_rule,
    'tim': tim_rule,
    'vodafone': vodafone_rule,
    'windtre': windtre_rule,
    'iliad': iliad_rule,
    'other': other_rule,
}

PARTS = {
    'validity': {
        'kena': kena_validity,
        'tim': tim_validity,
        'vodafone': vodafone_validity,
        'windtre': windtre_validity,
        'iliad': iliad_validity,
        'other': other_validity,
    },
    'features': {
        'kena': kena_features,
        'tim': tim_features,
        'vodafone': vodafone_features,
        'windtre': windtre_features,
        'iliad': iliad_features,
        'other': other_features,
    },
    'offer': {
        'kena': kena_offer,
        'tim': tim_offer,
        'vodafone': vodafone_offer,
        'windtre': windtre_offer,
        'iliad': iliad_offer,
        'other': other_offer,
    },
}
