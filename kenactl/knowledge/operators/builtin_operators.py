"""The built-in operators' whole data, built: written by ``tools/operator_data.py``
with the one loader from the ``.toml`` files beside this module (do not edit; ``tests/test_operator_data.py``
checks that it matches them). ``OPERATORS[id](origin)`` is ``knowledge.operators.loader.build``
of the file at ``origin``."""

from datetime import date
from decimal import Decimal

from kenactl.core.operator import Event, Operator, OptionRule, Rate, ShortCredit, Statement
from kenactl.core.renewal_rule import Condition, Fact
from kenactl.knowledge.operators.builtin_rules import PARTS


def kena_operator(origin: str) -> Operator:
    return Operator(
        id='kena',
        name='Kena Mobile',
        origin=origin,
        short_credit=ShortCredit(
            outcome='suspended',
            day0='Offer suspended (not renewed); the credit of {credit} € stays on the SIM for the Piano Base Kena',
            summary='the offer is suspended and the SIM runs on the base tariff until the credit runs out',
            fact=Fact(
                source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                as_of=date(2025, 2, 11),
                status='verified',
            ),
        ),
        validity=PARTS['validity']['kena'](),
        timeline=(
            Event(
                day=0,
                event='No late-top-up fee is known for Kena: the sources state none, nor that there is none',
                cost=None,
                fact=Fact(
                    source='no public source found (searched up to 2025-02-11)',
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                when=Condition(values={}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=90,
                event='Without a top-up within 90 days the offer is ceased',
                cost=Decimal('0.00'),
                fact=Fact(
                    source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text='incoming calls and SMS',
                fact=Fact(
                    source='Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, §4',
                    as_of=date(2022, 12, 1),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text=(
                    'outgoing traffic on the base tariff (Piano Base Kena) until the credit runs out; rates not in the '
                    'sources'
                ),
                fact=Fact(
                    source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        rates=(),
        after_topup=(
            Statement(
                text='a top-up makes the offer usable again',
                fact=Fact(
                    source='mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='traffic beyond the credit is taken at the first top-up',
                fact=Fact(
                    source='Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, §4',
                    as_of=date(2022, 12, 1),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='whether the renewal day moves to the top-up day is not known',
                fact=Fact(
                    source='no public source found (searched up to 2025-02-11)',
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        notes=(),
        options={
            'auto-topup': OptionRule(
                key='auto-topup',
                default='off',
                values={
                    'on': (
                        "an automatic top-up (card, bank or app) that you set up pays the renewal (kenactl's "
                        'assumption)'
                    ),
                    'off': 'no automatic top-up: the renewal is paid from the credit only',
                },
                fact=Fact(
                    source="kenactl's assumption: no public source describes an automatic top-up for this operator",
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                auto_renews=frozenset({'on'}),
            ),
        },
        features=PARTS['features']['kena'](),
    )


def tim_operator(origin: str) -> Operator:
    return Operator(
        id='tim',
        name='TIM',
        origin=origin,
        short_credit=ShortCredit(
            outcome='suspended',
            day0=(
                'Offer suspended (for up to 180 days); the credit of {credit} € stays for pay-per-use on the base '
                'tariff'
            ),
            summary=(
                'the offer is suspended for up to 180 days and the SIM is pay-per-use on the base tariff until the '
                'credit runs out'
            ),
            fact=Fact(
                source=(
                    'article on renewals with short credit (undated), TIM section; tuttoandroid.net 2021-04-23; '
                    'telefonino.net 2021-04'
                ),
                as_of=date(2021, 11, 30),
                status='verified',
            ),
        ),
        validity=PARTS['validity']['tim'](),
        timeline=(
            Event(
                day=0,
                event=(
                    'Sempre Connesso, first day: calls, SMS and data without limits in Italy and the EU, charged only '
                    'if used that day'
                ),
                cost=Decimal('0.90'),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; forum.fibra.click 2021-05; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 5, 31),
                    status='verified',
                ),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if='credit-used-up',
                per_day_of_use=True,
            ),
            Event(
                day=1,
                event='Sempre Connesso, second and last day, charged only if used that day',
                cost=Decimal('0.90'),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; forum.fibra.click 2021-05; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 5, 31),
                    status='verified',
                ),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if='credit-used-up',
                per_day_of_use=True,
            ),
            Event(
                day=2,
                event='Sempre Connesso ends: only incoming calls and SMS and emergency calls until a top-up',
                cost=Decimal('0.00'),
                fact=Fact(
                    source='article on renewals with short credit (undated), TIM section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if='credit-used-up',
                per_day_of_use=False,
            ),
            Event(
                day=180,
                event='End of the longest suspension (180 days); what follows is not stated in the sources',
                cost=Decimal('0.00'),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; tuttoandroid.net 2021-04-23; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text=(
                    'calls, SMS and data pay-per-use on the base tariff until the credit runs out (rates not in the '
                    'sources)'
                ),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; tuttoandroid.net 2021-04-23; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text=(
                    'with Sempre Connesso, once the credit is used up: unlimited calls, SMS and data for up to 2 days, '
                    'then incoming calls/SMS and emergency calls only'
                ),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; forum.fibra.click 2021-05; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 5, 31),
                    status='verified',
                ),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if=None,
            ),
            Statement(
                text="a data option 'Flat Day' (2 € for 500 MB) may switch on during the suspension",
                fact=Fact(source='tuttoandroid.net 2021-04-23', as_of=date(2021, 4, 23), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        rates=(),
        after_topup=(
            Statement(
                text='the offer renews on the day of the top-up that pays it, without losing days',
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; tuttoandroid.net 2021-04-23; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='Sempre Connesso days actually used are charged at the first top-up',
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; forum.fibra.click 2021-05; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 5, 31),
                    status='verified',
                ),
                when=Condition(values={'sempre-connesso': frozenset({'on'})}),
                only_if=None,
            ),
        ),
        notes=(
            Statement(
                text=(
                    'TIM suspends offers this way since 30 June 2021 according to an undated article on renewals with '
                    'short credit'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), TIM section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text=(
                    'TIM suspends offers this way since 30 May 2021 according to April-May 2021 articles (differs from '
                    'an undated article on renewals with short credit)'
                ),
                fact=Fact(
                    source='tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                    as_of=date(2021, 4, 23),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        options={
            'sempre-connesso': OptionRule(
                key='sempre-connesso',
                default='off',
                values={
                    'on': (
                        'Sempre Connesso active: once the credit is used up, 0.90 € for each day actually used, at '
                        'most 2 days (1.80 €), charged at the next top-up'
                    ),
                    'off': (
                        'Sempre Connesso off (the default for new customers; existing customers can switch it off in '
                        'the MyTIM app)'
                    ),
                },
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), TIM section; forum.fibra.click 2021-05; '
                        'telefonino.net 2021-04'
                    ),
                    as_of=date(2021, 5, 31),
                    status='verified',
                ),
                auto_renews=frozenset(),
            ),
            'ricarica-automatica': OptionRule(
                key='ricarica-automatica',
                default='off',
                values={
                    'on': 'TIM Ricarica Automatica: the monthly renewals happen automatically, the offer stays usable',
                    'off': 'no TIM Ricarica Automatica',
                },
                fact=Fact(
                    source='article on renewals with short credit (undated), TIM section (only source)',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                auto_renews=frozenset({'on'}),
            ),
        },
        features=PARTS['features']['tim'](),
    )


def vodafone_operator(origin: str) -> Operator:
    return Operator(
        id='vodafone',
        name='Vodafone',
        origin=origin,
        short_credit=ShortCredit(
            outcome='negative-credit',
            day0='Offer renewed anyway at its monthly price: the credit goes to {credit_after} €',
            summary='the offer is renewed anyway and the credit goes negative',
            fact=Fact(
                source='article on renewals with short credit (undated), Vodafone section',
                as_of=date(2021, 11, 30),
                status='reported',
            ),
        ),
        validity=PARTS['validity']['vodafone'](),
        timeline=(
            Event(
                day=0,
                event='Continuità di servizio: unlimited calls and internet for 24 hours',
                cost=Decimal('0.99'),
                fact=Fact(
                    source=(
                        'vodafone.it support page (undated); article on renewals with short credit (undated), Vodafone '
                        'section'
                    ),
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={'continuita': frozenset({'on'})}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=1,
                event='Continuità di servizio: 24 more hours if the credit is still short (at most 48 hours)',
                cost=Decimal('0.99'),
                fact=Fact(
                    source=(
                        'vodafone.it support page (undated); article on renewals with short credit (undated), Vodafone '
                        'section'
                    ),
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={'continuita': frozenset({'on'})}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=0,
                event='Continuità di servizio, exempt offer: unlimited calls and internet for 24 hours at no cost',
                cost=Decimal('0.00'),
                fact=Fact(
                    source='article on renewals with short credit (undated), Vodafone section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={'continuita': frozenset({'free'})}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=1,
                event='Continuità di servizio, exempt offer: 24 more hours at no cost (at most 48 hours)',
                cost=Decimal('0.00'),
                fact=Fact(
                    source='article on renewals with short credit (undated), Vodafone section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={'continuita': frozenset({'free'})}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=2,
                event='After 48 hours the SIM is blocked until a top-up: incoming calls and emergency calls only',
                cost=Decimal('0.00'),
                fact=Fact(
                    source=(
                        'vodafone.it support page (undated); article on renewals with short credit (undated), Vodafone '
                        'section'
                    ),
                    as_of=date(2025, 2, 11),
                    status='verified',
                ),
                when=Condition(values={'continuita': frozenset({'free', 'on'})}),
                only_if=None,
                per_day_of_use=False,
            ),
            Event(
                day=0,
                event=(
                    'Continuità di servizio switched off: offer blocked, no extra cost, incoming and emergency calls '
                    'only'
                ),
                cost=Decimal('0.00'),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), Vodafone section; mobileworld.it 2020-06-21'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={'continuita': frozenset({'off'})}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text='incoming calls and emergency calls',
                fact=Fact(
                    source='article on renewals with short credit (undated), Vodafone section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='unlimited calls and internet for up to 48 hours with continuità di servizio',
                fact=Fact(
                    source=(
                        'vodafone.it support page (undated); article on renewals with short credit (undated), Vodafone '
                        'section'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={'continuita': frozenset({'free', 'on'})}),
                only_if=None,
            ),
        ),
        rates=(),
        after_topup=(
            Statement(
                text=(
                    'the top-up first brings the negative credit back above zero; continuità fees are charged at the '
                    'first top-up; then the offer is usable again'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), Vodafone section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='the renewal date does not move after a late top-up',
                fact=Fact(source='a blog (undated)', as_of=date(2025, 2, 11), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        notes=(
            Statement(
                text=(
                    'Exempt from continuità fees: offerta Junior and customers paying by card, bank account or '
                    'fixed-line bill'
                ),
                fact=Fact(source='tuttoandroid.net 2019-07', as_of=date(2019, 7, 1), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        options={
            'continuita': OptionRule(
                key='continuita',
                default='on',
                values={
                    'on': 'continuità di servizio active and charged: 0.99 € per 24 hours, at most 48 hours (1.98 €)',
                    'free': 'continuità di servizio free of charge (exempt offers)',
                    'off': (
                        'continuità di servizio switched off (possible since June 2020 via 190 or TOBi): blocked, no '
                        'fees'
                    ),
                },
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), Vodafone section; mobileworld.it 2020-06-21'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                auto_renews=frozenset(),
            ),
            'auto-topup': OptionRule(
                key='auto-topup',
                default='off',
                values={
                    'on': (
                        "an automatic top-up (card, bank or app) that you set up pays the renewal (kenactl's "
                        'assumption)'
                    ),
                    'off': 'no automatic top-up: the renewal is paid from the credit only',
                },
                fact=Fact(
                    source="kenactl's assumption: no public source describes an automatic top-up for this operator",
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                auto_renews=frozenset({'on'}),
            ),
        },
        features=PARTS['features']['vodafone'](),
    )


def windtre_operator(origin: str) -> Operator:
    return Operator(
        id='windtre',
        name='WINDTRE',
        origin=origin,
        short_credit=ShortCredit(
            outcome='partially-charged',
            day0=(
                'Renewal partly charged: the credit of {credit} € is used up and {shortfall} € stay owed, taken at the '
                'first top-up; the offer cannot be used'
            ),
            summary=(
                'the remaining credit pays part of the renewal, the rest is owed at the first top-up and the offer '
                'cannot be used'
            ),
            fact=Fact(
                source='article on renewals with short credit (undated), WINDTRE section; w3store.it FAQ (undated)',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
        ),
        validity=PARTS['validity']['windtre'](),
        timeline=(
            Event(
                day=0,
                event='Anticipo del traffico: included traffic available for this calendar day (until 23:59)',
                cost=Decimal('0.99'),
                fact=Fact(
                    source=(
                        'mondo3.com and optimagazine.com 2021-07-26; article on renewals with short credit (undated), '
                        'WINDTRE section'
                    ),
                    as_of=date(2021, 7, 26),
                    status='verified',
                ),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
                per_day_of_use=False,
            ),
            Event(
                day=1,
                event='Second anticipo: included traffic for 4 more days (days 1-4), one charge',
                cost=Decimal('1.99'),
                fact=Fact(
                    source=(
                        'mondo3.com and optimagazine.com 2021-07-26 (1.99 € for 4 days since 26 July 2021); article on '
                        'renewals with short credit (undated), WINDTRE section'
                    ),
                    as_of=date(2021, 7, 26),
                    status='verified',
                ),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
                per_day_of_use=False,
            ),
            Event(
                day=5,
                event='Anticipo over: incoming calls/SMS and emergency calls only until a top-up',
                cost=Decimal('0.00'),
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section (only source)',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
                per_day_of_use=False,
            ),
            Event(
                day=0,
                event='With Autoricarica no anticipo amounts are applied',
                cost=Decimal('0.00'),
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), WINDTRE section; mondo3.com and '
                        'optimagazine.com 2021-07-26'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={'autoricarica': frozenset({'on'})}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text='incoming calls and SMS and emergency calls',
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section (only source)',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='the included traffic for up to 5 days through the anticipo del traffico (charged)',
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section; mondo3.com 2021-07-26',
                    as_of=date(2021, 7, 26),
                    status='verified',
                ),
                when=Condition(values={'autoricarica': frozenset({'off'})}),
                only_if='earlier-charges-paid',
            ),
        ),
        rates=(),
        after_topup=(
            Statement(
                text=(
                    'the top-up must cover the rest of the renewal and the anticipo amounts; then the offer is usable '
                    'again'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section; w3store.it FAQ (undated)',
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        notes=(
            Statement(
                text=(
                    'The anticipo is not applied to the costs of roaming offers (offerte roaming), and only if earlier '
                    'charges have been paid'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section; mondo3.com 2021-07-26',
                    as_of=date(2021, 7, 26),
                    status='verified',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text=(
                    'The anticipo is available several times a month: 2.98 € is the most per episode (each renewal or '
                    'other charge the credit does not cover), not per month'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), WINDTRE section (only source)',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='The anticipo can be avoided by switching free (call 159) to a profile that blocks outgoing calls',
                fact=Fact(source='mondomobileweb.it (undated)', as_of=date(2025, 2, 11), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        options={
            'autoricarica': OptionRule(
                key='autoricarica',
                default='off',
                values={
                    'on': 'Autoricarica active: no anticipo amounts are applied',
                    'off': (
                        'no Autoricarica: the anticipo del traffico applies (0.99 € + 1.99 €, at most 2.98 € per '
                        'episode)'
                    ),
                },
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), WINDTRE section; mondo3.com and '
                        'optimagazine.com 2021-07-26'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                auto_renews=frozenset(),
            ),
        },
        features=PARTS['features']['windtre'](),
    )


def iliad_operator(origin: str) -> Operator:
    return Operator(
        id='iliad',
        name='Iliad',
        origin=origin,
        short_credit=ShortCredit(
            outcome='not-renewed',
            day0='Offer not renewed: the credit of {credit} € stays as it is (not zeroed, not negative)',
            summary='the offer is not renewed, the credit is untouched and the SIM works pay-per-use',
            fact=Fact(
                source='article on renewals with short credit (undated), Iliad section; mondomobileweb.it (undated)',
                as_of=date(2021, 11, 30),
                status='verified',
            ),
        ),
        validity=PARTS['validity']['iliad'](),
        timeline=(
            Event(
                day=0,
                event=(
                    'No late-top-up mechanism and no fee: outgoing traffic pay-per-use on the base plan, no extra '
                    'fixed charge'
                ),
                cost=Decimal('0.00'),
                fact=Fact(
                    source='article on renewals with short credit (undated), Iliad section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text=(
                    'incoming calls and SMS; outgoing traffic pay-per-use on the base plan; Iliad warns by SMS and '
                    'email'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), Iliad section',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        rates=(
            Rate(
                item='calls',
                amount=Decimal('0.28'),
                unit='min',
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), Iliad section; mondomobileweb.it (undated)'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
            ),
            Rate(
                item='SMS',
                amount=Decimal('0.28'),
                unit='SMS',
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), Iliad section; mondomobileweb.it (undated)'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
            ),
            Rate(
                item='data',
                amount=Decimal('0.90'),
                unit='100 MB',
                fact=Fact(
                    source=(
                        'article on renewals with short credit (undated), Iliad section; mondomobileweb.it (undated)'
                    ),
                    as_of=date(2021, 11, 30),
                    status='verified',
                ),
                when=Condition(values={}),
            ),
            Rate(
                item='MMS',
                amount=Decimal('0.49'),
                unit='MMS',
                fact=Fact(
                    source='article on renewals with short credit (undated), Iliad section (only source)',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
            ),
        ),
        after_topup=(
            Statement(
                text=(
                    'a top-up that covers the price renews the offer, and the renewal date becomes the top-up day; the '
                    'bundle counters keep the old day'
                ),
                fact=Fact(
                    source='article on renewals with short credit (undated), Iliad section; tecnoandroid.it 2019-01-01',
                    as_of=date(2021, 11, 30),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        notes=(
            Statement(
                text='Since 2023 data beyond the bundle needs explicit consent',
                fact=Fact(source='tecnologia.libero.it 2023-07', as_of=date(2023, 7, 1), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        options={
            'auto-topup': OptionRule(
                key='auto-topup',
                default='off',
                values={
                    'on': (
                        "an automatic top-up (card, bank or app) that you set up pays the renewal (kenactl's "
                        'assumption)'
                    ),
                    'off': 'no automatic top-up: the renewal is paid from the credit only',
                },
                fact=Fact(
                    source="kenactl's assumption: no public source describes an automatic top-up for this operator",
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                auto_renews=frozenset({'on'}),
            ),
        },
        features=PARTS['features']['iliad'](),
    )


def other_operator(origin: str) -> Operator:
    return Operator(
        id='other',
        name='other operator',
        origin=origin,
        short_credit=ShortCredit(
            outcome='unknown',
            day0='What happens depends on the operator; the credit is {credit} € and {shortfall} € are missing',
            summary='it depends on the operator: check its conditions',
            fact=Fact(
                source='public pages on other operators (ho. Mobile, Spusu, CoopVoce, PosteMobile, Lyca), 2021-2024',
                as_of=date(2025, 2, 11),
                status='unknown',
            ),
        ),
        validity=PARTS['validity']['other'](),
        timeline=(
            Event(
                day=0,
                event='Late-top-up fees, if any, depend on the operator: not known',
                cost=None,
                fact=Fact(
                    source=(
                        'public pages on other operators (ho. Mobile, Spusu, CoopVoce, PosteMobile, Lyca), 2021-2024'
                    ),
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                when=Condition(values={}),
                only_if=None,
                per_day_of_use=False,
            ),
        ),
        works=(
            Statement(
                text="usually incoming calls and SMS and emergency calls; check the operator's conditions",
                fact=Fact(
                    source='public pages on ho. Mobile, Spusu, CoopVoce, PosteMobile and Lyca, 2021-2024',
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        rates=(),
        after_topup=(
            Statement(
                text=(
                    "usually a top-up that covers the price makes the offer usable again; check the operator's "
                    'conditions'
                ),
                fact=Fact(
                    source=(
                        'public pages on other operators (ho. Mobile, Spusu, CoopVoce, PosteMobile, Lyca), 2021-2024'
                    ),
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        notes=(
            Statement(
                text='ho. Mobile: the credit goes negative once, no further renewals are charged',
                fact=Fact(source='public page (undated)', as_of=date(2025, 2, 11), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='Spusu: not renewed; renews from the top-up day with no debt',
                fact=Fact(source='mondomobileweb.it 2024-10-30', as_of=date(2024, 10, 30), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='CoopVoce: suspended; a top-up within 30 days revives the offer',
                fact=Fact(source='public page (undated)', as_of=date(2025, 2, 11), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='PosteMobile: base rates until a top-up covers the monthly cost',
                fact=Fact(source='public page (undated)', as_of=date(2025, 2, 11), status='reported'),
                when=Condition(values={}),
                only_if=None,
            ),
            Statement(
                text='Lyca: the credit goes negative; a top-up activates the package',
                fact=Fact(
                    source=(
                        'public pages on other operators (ho. Mobile, Spusu, CoopVoce, PosteMobile, Lyca), 2021-2024'
                    ),
                    as_of=date(2021, 6, 1),
                    status='reported',
                ),
                when=Condition(values={}),
                only_if=None,
            ),
        ),
        options={
            'auto-topup': OptionRule(
                key='auto-topup',
                default='off',
                values={
                    'on': (
                        "an automatic top-up (card, bank or app) that you set up pays the renewal (kenactl's "
                        'assumption)'
                    ),
                    'off': 'no automatic top-up: the renewal is paid from the credit only',
                },
                fact=Fact(
                    source="kenactl's assumption: no public source describes an automatic top-up for this operator",
                    as_of=date(2025, 2, 11),
                    status='unknown',
                ),
                auto_renews=frozenset({'on'}),
            ),
        },
        features=PARTS['features']['other'](),
    )


OPERATORS = {
    'kena': kena_operator,
    'tim': tim_operator,
    'vodafone': vodafone_operator,
    'windtre': windtre_operator,
    'iliad': iliad_operator,
    'other': other_operator,
}
