"""The built-in operator files, parsed: written by ``tools/operator_data.py`` from the ``.toml`` files
beside this module (do not edit; ``tests/test_operator_data.py`` checks that it matches them)."""

import datetime

DOCUMENTS = {'_common': {},
 'kena': {'name': 'Kena Mobile',
          'features': ['restart', 'service-charter'],
          'short_credit': {'outcome': 'suspended',
                           'day0': 'Offer suspended (not renewed); the credit of {credit} € stays on the SIM '
                                   'for the Piano Base Kena',
                           'summary': 'the offer is suspended and the SIM runs on the base tariff until the '
                                      'credit runs out',
                           'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                           'as_of': datetime.date(2025, 2, 11),
                           'status': 'verified'},
          'timeline': [{'day': 0,
                        'event': 'No late-top-up fee is known for Kena: the sources state none, nor that '
                                 'there is none',
                        'source': 'no public source found (searched up to 2025-02-11)',
                        'as_of': datetime.date(2025, 2, 11),
                        'status': 'unknown'},
                       {'day': 90,
                        'event': 'Without a top-up within 90 days the offer is ceased',
                        'cost': '0.00',
                        'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                        'as_of': datetime.date(2025, 2, 11),
                        'status': 'verified'}],
          'works': [{'text': 'incoming calls and SMS',
                     'source': 'Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, §4',
                     'as_of': datetime.date(2022, 12, 1),
                     'status': 'verified'},
                    {'text': 'outgoing traffic on the base tariff (Piano Base Kena) until the credit runs '
                             'out; rates not in the sources',
                     'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                     'as_of': datetime.date(2025, 2, 11),
                     'status': 'verified'}],
          'after_topup': [{'text': 'a top-up makes the offer usable again',
                           'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                           'as_of': datetime.date(2025, 2, 11),
                           'status': 'verified'},
                          {'text': 'traffic beyond the credit is taken at the first top-up',
                           'source': 'Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, '
                                     '§4',
                           'as_of': datetime.date(2022, 12, 1),
                           'status': 'verified'},
                          {'text': 'whether the renewal day moves to the top-up day is not known',
                           'source': 'no public source found (searched up to 2025-02-11)',
                           'as_of': datetime.date(2025, 2, 11),
                           'status': 'unknown'}],
          'options': {'auto-topup': {'default': 'off',
                                     'values': {'on': 'an automatic top-up (card, bank or app) that you set '
                                                      "up pays the renewal (kenactl's assumption)",
                                                'off': 'no automatic top-up: the renewal is paid from the '
                                                       'credit only'},
                                     'auto_renews': ['on'],
                                     'source': "kenactl's assumption: no public source describes an "
                                               'automatic top-up for this operator',
                                     'as_of': datetime.date(2025, 2, 11),
                                     'status': 'unknown'}},
          'validity': {'valid_months': 12,
                       'grace_days': 30,
                       'reactivation_months': 11,
                       'text': '12 months from the last top-up (from activation when there was none), then '
                               '30 days receive-only in Italy (incoming calls, SMS and MMS in Italian '
                               'territory, emergency numbers), then deactivation; the number can be '
                               'reactivated within 11 more months',
                       'source': 'Carte dei Servizi Kena Mobile (TIM S.p.A. Edizione Dicembre 2022; Noverca '
                                 'S.r.l.) §10; sostariffe.it 2025',
                       'as_of': datetime.date(2022, 12, 1),
                       'status': 'verified'},
          'ledger': {'credit': {'value': 'untouched',
                                'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                                'as_of': datetime.date(2025, 2, 11),
                                'status': 'verified'},
                     'usable': {'value': False,
                                'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                                'as_of': datetime.date(2025, 2, 11),
                                'status': 'verified'},
                     'topup': {'value': 'renews',
                               'source': 'mvnonews.com 2020-05-15; sostariffe.it (updated 2025-02-11)',
                               'as_of': datetime.date(2025, 2, 11),
                               'status': 'verified'},
                     'day': {'value': 'unknown',
                             'source': 'searched in public pages (mvnonews.com, sostariffe.it), not stated',
                             'as_of': datetime.date(2025, 2, 11),
                             'status': 'unknown'},
                     'fees': {'value': 'none',
                              'source': 'searched in public pages (mvnonews.com, sostariffe.it), no '
                                        'late-top-up fee found',
                              'as_of': datetime.date(2025, 2, 11),
                              'status': 'unknown'}}},
 'tim': {'name': 'TIM',
         'short_credit': {'outcome': 'suspended',
                          'day0': 'Offer suspended (for up to 180 days); the credit of {credit} € stays for '
                                  'pay-per-use on the base tariff',
                          'summary': 'the offer is suspended for up to 180 days and the SIM is pay-per-use '
                                     'on the base tariff until the credit runs out',
                          'source': 'article on renewals with short credit (undated), TIM section; '
                                    'tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                          'as_of': datetime.date(2021, 11, 30),
                          'status': 'verified'},
         'timeline': [{'day': 0,
                       'event': 'Sempre Connesso, first day: calls, SMS and data without limits in Italy and '
                                'the EU, charged only if used that day',
                       'cost': '0.90',
                       'when': {'sempre-connesso': 'on'},
                       'only_if': 'credit-used-up',
                       'per_day_of_use': True,
                       'source': 'article on renewals with short credit (undated), TIM section; '
                                 'forum.fibra.click 2021-05; telefonino.net 2021-04',
                       'as_of': datetime.date(2021, 5, 31),
                       'status': 'verified'},
                      {'day': 1,
                       'event': 'Sempre Connesso, second and last day, charged only if used that day',
                       'cost': '0.90',
                       'when': {'sempre-connesso': 'on'},
                       'only_if': 'credit-used-up',
                       'per_day_of_use': True,
                       'source': 'article on renewals with short credit (undated), TIM section; '
                                 'forum.fibra.click 2021-05; telefonino.net 2021-04',
                       'as_of': datetime.date(2021, 5, 31),
                       'status': 'verified'},
                      {'day': 2,
                       'event': 'Sempre Connesso ends: only incoming calls and SMS and emergency calls until '
                                'a top-up',
                       'cost': '0.00',
                       'when': {'sempre-connesso': 'on'},
                       'only_if': 'credit-used-up',
                       'source': 'article on renewals with short credit (undated), TIM section',
                       'as_of': datetime.date(2021, 11, 30),
                       'status': 'reported'},
                      {'day': 180,
                       'event': 'End of the longest suspension (180 days); what follows is not stated in the '
                                'sources',
                       'cost': '0.00',
                       'source': 'article on renewals with short credit (undated), TIM section; '
                                 'tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                       'as_of': datetime.date(2021, 11, 30),
                       'status': 'verified'}],
         'works': [{'text': 'calls, SMS and data pay-per-use on the base tariff until the credit runs out '
                            '(rates not in the sources)',
                    'source': 'article on renewals with short credit (undated), TIM section; '
                              'tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                    'as_of': datetime.date(2021, 11, 30),
                    'status': 'verified'},
                   {'text': 'with Sempre Connesso, once the credit is used up: unlimited calls, SMS and data '
                            'for up to 2 days, then incoming calls/SMS and emergency calls only',
                    'when': {'sempre-connesso': 'on'},
                    'source': 'article on renewals with short credit (undated), TIM section; '
                              'forum.fibra.click 2021-05; telefonino.net 2021-04',
                    'as_of': datetime.date(2021, 5, 31),
                    'status': 'verified'},
                   {'text': "a data option 'Flat Day' (2 € for 500 MB) may switch on during the suspension",
                    'source': 'tuttoandroid.net 2021-04-23',
                    'as_of': datetime.date(2021, 4, 23),
                    'status': 'reported'}],
         'after_topup': [{'text': 'the offer renews on the day of the top-up that pays it, without losing '
                                  'days',
                          'source': 'article on renewals with short credit (undated), TIM section; '
                                    'tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                          'as_of': datetime.date(2021, 11, 30),
                          'status': 'verified'},
                         {'text': 'Sempre Connesso days actually used are charged at the first top-up',
                          'when': {'sempre-connesso': 'on'},
                          'source': 'article on renewals with short credit (undated), TIM section; '
                                    'forum.fibra.click 2021-05; telefonino.net 2021-04',
                          'as_of': datetime.date(2021, 5, 31),
                          'status': 'verified'}],
         'notes': [{'text': 'TIM suspends offers this way since 30 June 2021 according to an undated article '
                            'on renewals with short credit',
                    'source': 'article on renewals with short credit (undated), TIM section',
                    'as_of': datetime.date(2021, 11, 30),
                    'status': 'reported'},
                   {'text': 'TIM suspends offers this way since 30 May 2021 according to April-May 2021 '
                            'articles (differs from an undated article on renewals with short credit)',
                    'source': 'tuttoandroid.net 2021-04-23; telefonino.net 2021-04',
                    'as_of': datetime.date(2021, 4, 23),
                    'status': 'reported'}],
         'options': {'sempre-connesso': {'default': 'off',
                                         'values': {'on': 'Sempre Connesso active: once the credit is used '
                                                          'up, 0.90 € for each day actually used, at most 2 '
                                                          'days (1.80 €), charged at the next top-up',
                                                    'off': 'Sempre Connesso off (the default for new '
                                                           'customers; existing customers can switch it off '
                                                           'in the MyTIM app)'},
                                         'source': 'article on renewals with short credit (undated), TIM '
                                                   'section; forum.fibra.click 2021-05; telefonino.net '
                                                   '2021-04',
                                         'as_of': datetime.date(2021, 5, 31),
                                         'status': 'verified'},
                     'ricarica-automatica': {'default': 'off',
                                             'values': {'on': 'TIM Ricarica Automatica: the monthly renewals '
                                                              'happen automatically, the offer stays usable',
                                                        'off': 'no TIM Ricarica Automatica'},
                                             'auto_renews': ['on'],
                                             'source': 'article on renewals with short credit (undated), TIM '
                                                       'section (only source)',
                                             'as_of': datetime.date(2021, 11, 30),
                                             'status': 'reported'}},
         'validity': {'valid_months': 12,
                      'grace_months': 1,
                      'reactivation_months': 11,
                      'text': '12 months from the last top-up plus 1 month; free reactivation within 11 '
                              'months of expiry',
                      'source': 'tim.it support page (undated)',
                      'as_of': datetime.date(2025, 2, 11),
                      'status': 'verified'},
         'ledger': {'credit': {'value': 'untouched',
                               'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                         'WINDTRE, Iliad), Nov 2021',
                               'as_of': datetime.date(2021, 11, 30),
                               'status': 'verified'},
                    'usable': {'value': False,
                               'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                         'WINDTRE, Iliad), Nov 2021',
                               'as_of': datetime.date(2021, 11, 30),
                               'status': 'verified'},
                    'topup': {'value': 'renews',
                              'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                        "WINDTRE, Iliad), Nov 2021: «l'offerta si riattiva il giorno in cui "
                                        'il cliente effettua la ricarica senza perdere giorni»',
                              'as_of': datetime.date(2021, 11, 30),
                              'status': 'verified'},
                    'day': {'value': 'moves',
                            'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                      "WINDTRE, Iliad), Nov 2021: «l'offerta si riattiva il giorno in cui il "
                                      'cliente effettua la ricarica senza perdere giorni»',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'verified'},
                    'fees': {'value': 'timeline',
                             'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                       'WINDTRE, Iliad), Nov 2021; forum.fibra.click 2021-05; telefonino.net '
                                       '2021-04',
                             'as_of': datetime.date(2021, 5, 31),
                             'status': 'verified'}}},
 'vodafone': {'name': 'Vodafone',
              'short_credit': {'outcome': 'negative-credit',
                               'day0': 'Offer renewed anyway at its monthly price: the credit goes to '
                                       '{credit_after} €',
                               'summary': 'the offer is renewed anyway and the credit goes negative',
                               'source': 'article on renewals with short credit (undated), Vodafone section',
                               'as_of': datetime.date(2021, 11, 30),
                               'status': 'reported'},
              'timeline': [{'day': 0,
                            'event': 'Continuità di servizio: unlimited calls and internet for 24 hours',
                            'cost': '0.99',
                            'when': {'continuita': 'on'},
                            'source': 'vodafone.it support page (undated); article on renewals with short '
                                      'credit (undated), Vodafone section',
                            'as_of': datetime.date(2025, 2, 11),
                            'status': 'verified'},
                           {'day': 1,
                            'event': 'Continuità di servizio: 24 more hours if the credit is still short (at '
                                     'most 48 hours)',
                            'cost': '0.99',
                            'when': {'continuita': 'on'},
                            'source': 'vodafone.it support page (undated); article on renewals with short '
                                      'credit (undated), Vodafone section',
                            'as_of': datetime.date(2025, 2, 11),
                            'status': 'verified'},
                           {'day': 0,
                            'event': 'Continuità di servizio, exempt offer: unlimited calls and internet for '
                                     '24 hours at no cost',
                            'cost': '0.00',
                            'when': {'continuita': 'free'},
                            'source': 'article on renewals with short credit (undated), Vodafone section',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'reported'},
                           {'day': 1,
                            'event': 'Continuità di servizio, exempt offer: 24 more hours at no cost (at '
                                     'most 48 hours)',
                            'cost': '0.00',
                            'when': {'continuita': 'free'},
                            'source': 'article on renewals with short credit (undated), Vodafone section',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'reported'},
                           {'day': 2,
                            'event': 'After 48 hours the SIM is blocked until a top-up: incoming calls and '
                                     'emergency calls only',
                            'cost': '0.00',
                            'when': {'continuita': ['on', 'free']},
                            'source': 'vodafone.it support page (undated); article on renewals with short '
                                      'credit (undated), Vodafone section',
                            'as_of': datetime.date(2025, 2, 11),
                            'status': 'verified'},
                           {'day': 0,
                            'event': 'Continuità di servizio switched off: offer blocked, no extra cost, '
                                     'incoming and emergency calls only',
                            'cost': '0.00',
                            'when': {'continuita': 'off'},
                            'source': 'article on renewals with short credit (undated), Vodafone section; '
                                      'mobileworld.it 2020-06-21',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'verified'}],
              'works': [{'text': 'incoming calls and emergency calls',
                         'source': 'article on renewals with short credit (undated), Vodafone section',
                         'as_of': datetime.date(2021, 11, 30),
                         'status': 'reported'},
                        {'text': 'unlimited calls and internet for up to 48 hours with continuità di '
                                 'servizio',
                         'when': {'continuita': ['on', 'free']},
                         'source': 'vodafone.it support page (undated); article on renewals with short '
                                   'credit (undated), Vodafone section',
                         'as_of': datetime.date(2021, 11, 30),
                         'status': 'verified'}],
              'after_topup': [{'text': 'the top-up first brings the negative credit back above zero; '
                                       'continuità fees are charged at the first top-up; then the offer is '
                                       'usable again',
                               'source': 'article on renewals with short credit (undated), Vodafone section',
                               'as_of': datetime.date(2021, 11, 30),
                               'status': 'reported'},
                              {'text': 'the renewal date does not move after a late top-up',
                               'source': 'a blog (undated)',
                               'as_of': datetime.date(2025, 2, 11),
                               'status': 'reported'}],
              'notes': [{'text': 'Exempt from continuità fees: offerta Junior and customers paying by card, '
                                 'bank account or fixed-line bill',
                         'source': 'tuttoandroid.net 2019-07',
                         'as_of': datetime.date(2019, 7, 1),
                         'status': 'reported'}],
              'options': {'continuita': {'default': 'on',
                                         'values': {'on': 'continuità di servizio active and charged: 0.99 € '
                                                          'per 24 hours, at most 48 hours (1.98 €)',
                                                    'free': 'continuità di servizio free of charge (exempt '
                                                            'offers)',
                                                    'off': 'continuità di servizio switched off (possible '
                                                           'since June 2020 via 190 or TOBi): blocked, no '
                                                           'fees'},
                                         'source': 'article on renewals with short credit (undated), '
                                                   'Vodafone section; mobileworld.it 2020-06-21',
                                         'as_of': datetime.date(2021, 11, 30),
                                         'status': 'verified'},
                          'auto-topup': {'default': 'off',
                                         'values': {'on': 'an automatic top-up (card, bank or app) that you '
                                                          "set up pays the renewal (kenactl's assumption)",
                                                    'off': 'no automatic top-up: the renewal is paid from '
                                                           'the credit only'},
                                         'auto_renews': ['on'],
                                         'source': "kenactl's assumption: no public source describes an "
                                                   'automatic top-up for this operator',
                                         'as_of': datetime.date(2025, 2, 11),
                                         'status': 'unknown'}},
              'validity': {'valid_months': 11,
                           'grace_months': 1,
                           'text': '11 months from the last top-up plus 1 month receive-only',
                           'source': 'money.it 2024-04-23',
                           'as_of': datetime.date(2024, 4, 23),
                           'status': 'reported'},
              'ledger': {'credit': {'value': 'minus-price',
                                    'source': 'Italian press article on short credit at renewal (TIM, '
                                              'Vodafone, WINDTRE, Iliad), Nov 2021',
                                    'as_of': datetime.date(2021, 11, 30),
                                    'status': 'verified'},
                         'usable': {'value': False,
                                    'source': 'vodafone.it support page (undated): blocked until a top-up '
                                              'once the 48 hours of continuità are over',
                                    'as_of': datetime.date(2025, 2, 11),
                                    'status': 'verified'},
                         'topup': {'value': 'unblocks',
                                   'source': 'Italian press article on short credit at renewal (TIM, '
                                             'Vodafone, WINDTRE, Iliad), Nov 2021',
                                   'as_of': datetime.date(2021, 11, 30),
                                   'status': 'verified'},
                         'day': {'value': 'stays',
                                 'source': 'undated blog: the renewal date does not move after a late top-up',
                                 'as_of': datetime.date(2025, 2, 11),
                                 'status': 'reported'},
                         'fees': {'value': 'timeline',
                                  'source': 'vodafone.it support page (undated); Italian press article on '
                                            'short credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov '
                                            '2021',
                                  'as_of': datetime.date(2025, 2, 11),
                                  'status': 'verified'}}},
 'windtre': {'name': 'WINDTRE',
             'short_credit': {'outcome': 'partially-charged',
                              'day0': 'Renewal partly charged: the credit of {credit} € is used up and '
                                      '{shortfall} € stay owed, taken at the first top-up; the offer cannot '
                                      'be used',
                              'summary': 'the remaining credit pays part of the renewal, the rest is owed at '
                                         'the first top-up and the offer cannot be used',
                              'source': 'article on renewals with short credit (undated), WINDTRE section; '
                                        'w3store.it FAQ (undated)',
                              'as_of': datetime.date(2021, 11, 30),
                              'status': 'verified'},
             'timeline': [{'day': 0,
                           'event': 'Anticipo del traffico: included traffic available for this calendar day '
                                    '(until 23:59)',
                           'cost': '0.99',
                           'when': {'autoricarica': 'off'},
                           'only_if': 'earlier-charges-paid',
                           'source': 'mondo3.com and optimagazine.com 2021-07-26; article on renewals with '
                                     'short credit (undated), WINDTRE section',
                           'as_of': datetime.date(2021, 7, 26),
                           'status': 'verified'},
                          {'day': 1,
                           'event': 'Second anticipo: included traffic for 4 more days (days 1-4), one '
                                    'charge',
                           'cost': '1.99',
                           'when': {'autoricarica': 'off'},
                           'only_if': 'earlier-charges-paid',
                           'source': 'mondo3.com and optimagazine.com 2021-07-26 (1.99 € for 4 days since 26 '
                                     'July 2021); article on renewals with short credit (undated), WINDTRE '
                                     'section',
                           'as_of': datetime.date(2021, 7, 26),
                           'status': 'verified'},
                          {'day': 5,
                           'event': 'Anticipo over: incoming calls/SMS and emergency calls only until a '
                                    'top-up',
                           'cost': '0.00',
                           'when': {'autoricarica': 'off'},
                           'only_if': 'earlier-charges-paid',
                           'source': 'article on renewals with short credit (undated), WINDTRE section (only '
                                     'source)',
                           'as_of': datetime.date(2021, 11, 30),
                           'status': 'reported'},
                          {'day': 0,
                           'event': 'With Autoricarica no anticipo amounts are applied',
                           'cost': '0.00',
                           'when': {'autoricarica': 'on'},
                           'source': 'article on renewals with short credit (undated), WINDTRE section; '
                                     'mondo3.com and optimagazine.com 2021-07-26',
                           'as_of': datetime.date(2021, 11, 30),
                           'status': 'verified'}],
             'works': [{'text': 'incoming calls and SMS and emergency calls',
                        'source': 'article on renewals with short credit (undated), WINDTRE section (only '
                                  'source)',
                        'as_of': datetime.date(2021, 11, 30),
                        'status': 'reported'},
                       {'text': 'the included traffic for up to 5 days through the anticipo del traffico '
                                '(charged)',
                        'when': {'autoricarica': 'off'},
                        'only_if': 'earlier-charges-paid',
                        'source': 'article on renewals with short credit (undated), WINDTRE section; '
                                  'mondo3.com 2021-07-26',
                        'as_of': datetime.date(2021, 7, 26),
                        'status': 'verified'}],
             'after_topup': [{'text': 'the top-up must cover the rest of the renewal and the anticipo '
                                      'amounts; then the offer is usable again',
                              'source': 'article on renewals with short credit (undated), WINDTRE section; '
                                        'w3store.it FAQ (undated)',
                              'as_of': datetime.date(2021, 11, 30),
                              'status': 'verified'}],
             'notes': [{'text': 'The anticipo is not applied to the costs of roaming offers (offerte '
                                'roaming), and only if earlier charges have been paid',
                        'source': 'article on renewals with short credit (undated), WINDTRE section; '
                                  'mondo3.com 2021-07-26',
                        'as_of': datetime.date(2021, 7, 26),
                        'status': 'verified'},
                       {'text': 'The anticipo is available several times a month: 2.98 € is the most per '
                                'episode (each renewal or other charge the credit does not cover), not per '
                                'month',
                        'source': 'article on renewals with short credit (undated), WINDTRE section (only '
                                  'source)',
                        'as_of': datetime.date(2021, 11, 30),
                        'status': 'reported'},
                       {'text': 'The anticipo can be avoided by switching free (call 159) to a profile that '
                                'blocks outgoing calls',
                        'source': 'mondomobileweb.it (undated)',
                        'as_of': datetime.date(2025, 2, 11),
                        'status': 'reported'}],
             'options': {'autoricarica': {'default': 'off',
                                          'values': {'on': 'Autoricarica active: no anticipo amounts are '
                                                           'applied',
                                                     'off': 'no Autoricarica: the anticipo del traffico '
                                                            'applies (0.99 € + 1.99 €, at most 2.98 € per '
                                                            'episode)'},
                                          'source': 'article on renewals with short credit (undated), '
                                                    'WINDTRE section; mondo3.com and optimagazine.com '
                                                    '2021-07-26',
                                          'as_of': datetime.date(2021, 11, 30),
                                          'status': 'verified'}},
             'validity': {'valid_months': 12,
                          'grace_days': 30,
                          'reactivation_from_topup_months': 24,
                          'text': '12 months from the last top-up plus 30 days receive-only; the number is '
                                  'held for reactivation up to 24 months from the last top-up',
                          'source': 'chetariffa.it (undated)',
                          'as_of': datetime.date(2025, 2, 11),
                          'status': 'reported'},
             'ledger': {'credit': {'value': 'to-zero-rest-owed',
                                   'source': 'w3store.it FAQ (undated); Italian press article on short '
                                             'credit at renewal (TIM, Vodafone, WINDTRE, Iliad), Nov 2021',
                                   'as_of': datetime.date(2021, 11, 30),
                                   'status': 'verified'},
                        'usable': {'value': False,
                                   'source': 'Italian press article on short credit at renewal (TIM, '
                                             'Vodafone, WINDTRE, Iliad), Nov 2021',
                                   'as_of': datetime.date(2021, 11, 30),
                                   'status': 'verified'},
                        'topup': {'value': 'unblocks',
                                  'source': 'Italian press article on short credit at renewal (TIM, '
                                            'Vodafone, WINDTRE, Iliad), Nov 2021',
                                  'as_of': datetime.date(2021, 11, 30),
                                  'status': 'verified'},
                        'day': {'value': 'unknown',
                                'source': 'not stated in the public pages kenactl draws on',
                                'as_of': datetime.date(2025, 2, 11),
                                'status': 'unknown'},
                        'fees': {'value': 'timeline',
                                 'source': 'mondo3.com and optimagazine.com 2021-07-26; Italian press '
                                           'article on short credit at renewal (TIM, Vodafone, WINDTRE, '
                                           'Iliad), Nov 2021',
                                 'as_of': datetime.date(2021, 7, 26),
                                 'status': 'verified'}}},
 'iliad': {'name': 'Iliad',
           'short_credit': {'outcome': 'not-renewed',
                            'day0': 'Offer not renewed: the credit of {credit} € stays as it is (not zeroed, '
                                    'not negative)',
                            'summary': 'the offer is not renewed, the credit is untouched and the SIM works '
                                       'pay-per-use',
                            'source': 'article on renewals with short credit (undated), Iliad section; '
                                      'mondomobileweb.it (undated)',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'verified'},
           'timeline': [{'day': 0,
                         'event': 'No late-top-up mechanism and no fee: outgoing traffic pay-per-use on the '
                                  'base plan, no extra fixed charge',
                         'cost': '0.00',
                         'source': 'article on renewals with short credit (undated), Iliad section',
                         'as_of': datetime.date(2021, 11, 30),
                         'status': 'reported'}],
           'works': [{'text': 'incoming calls and SMS; outgoing traffic pay-per-use on the base plan; Iliad '
                              'warns by SMS and email',
                      'source': 'article on renewals with short credit (undated), Iliad section',
                      'as_of': datetime.date(2021, 11, 30),
                      'status': 'reported'}],
           'rates': [{'item': 'calls',
                      'amount': '0.28',
                      'unit': 'min',
                      'source': 'article on renewals with short credit (undated), Iliad section; '
                                'mondomobileweb.it (undated)',
                      'as_of': datetime.date(2021, 11, 30),
                      'status': 'verified'},
                     {'item': 'SMS',
                      'amount': '0.28',
                      'unit': 'SMS',
                      'source': 'article on renewals with short credit (undated), Iliad section; '
                                'mondomobileweb.it (undated)',
                      'as_of': datetime.date(2021, 11, 30),
                      'status': 'verified'},
                     {'item': 'data',
                      'amount': '0.90',
                      'unit': '100 MB',
                      'source': 'article on renewals with short credit (undated), Iliad section; '
                                'mondomobileweb.it (undated)',
                      'as_of': datetime.date(2021, 11, 30),
                      'status': 'verified'},
                     {'item': 'MMS',
                      'amount': '0.49',
                      'unit': 'MMS',
                      'source': 'article on renewals with short credit (undated), Iliad section (only '
                                'source)',
                      'as_of': datetime.date(2021, 11, 30),
                      'status': 'reported'}],
           'after_topup': [{'text': 'a top-up that covers the price renews the offer, and the renewal date '
                                    'becomes the top-up day; the bundle counters keep the old day',
                            'source': 'article on renewals with short credit (undated), Iliad section; '
                                      'tecnoandroid.it 2019-01-01',
                            'as_of': datetime.date(2021, 11, 30),
                            'status': 'reported'}],
           'notes': [{'text': 'Since 2023 data beyond the bundle needs explicit consent',
                      'source': 'tecnologia.libero.it 2023-07',
                      'as_of': datetime.date(2023, 7, 1),
                      'status': 'reported'}],
           'options': {'auto-topup': {'default': 'off',
                                      'values': {'on': 'an automatic top-up (card, bank or app) that you set '
                                                       "up pays the renewal (kenactl's assumption)",
                                                 'off': 'no automatic top-up: the renewal is paid from the '
                                                        'credit only'},
                                      'auto_renews': ['on'],
                                      'source': "kenactl's assumption: no public source describes an "
                                                'automatic top-up for this operator',
                                      'as_of': datetime.date(2025, 2, 11),
                                      'status': 'unknown'}},
           'validity': {'valid_months': 12,
                        'reactivation_from_topup_months': 24,
                        'text': 'deactivated after 12 months without use or top-up (no receive-only month '
                                'mentioned); reactivation up to 24 months from the last top-up',
                        'source': 'tuttoandroid.net 2021-03-20',
                        'as_of': datetime.date(2021, 3, 20),
                        'status': 'reported'},
           'ledger': {'credit': {'value': 'untouched',
                                 'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                           'WINDTRE, Iliad), Nov 2021',
                                 'as_of': datetime.date(2021, 11, 30),
                                 'status': 'verified'},
                      'usable': {'value': False,
                                 'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                           'WINDTRE, Iliad), Nov 2021',
                                 'as_of': datetime.date(2021, 11, 30),
                                 'status': 'verified'},
                      'topup': {'value': 'renews',
                                'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                          'WINDTRE, Iliad), Nov 2021: «i clienti Iliad dovranno quindi '
                                          'effettuare una ricarica utile a coprire il costo del rinnovo»',
                                'as_of': datetime.date(2021, 11, 30),
                                'status': 'verified'},
                      'day': {'value': 'moves',
                              'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                        'WINDTRE, Iliad), Nov 2021; tecnoandroid.it 2019-01-01',
                              'as_of': datetime.date(2021, 11, 30),
                              'status': 'reported'},
                      'fees': {'value': 'none',
                               'source': 'Italian press article on short credit at renewal (TIM, Vodafone, '
                                         'WINDTRE, Iliad), Nov 2021: no late-top-up mechanism and no fee',
                               'as_of': datetime.date(2021, 11, 30),
                               'status': 'verified'}}},
 'other': {'name': 'other operator',
           'short_credit': {'outcome': 'unknown',
                            'day0': 'What happens depends on the operator; the credit is {credit} € and '
                                    '{shortfall} € are missing',
                            'summary': 'it depends on the operator: check its conditions',
                            'source': 'public pages on other operators (ho. Mobile, Spusu, CoopVoce, '
                                      'PosteMobile, Lyca), 2021-2024',
                            'as_of': datetime.date(2025, 2, 11),
                            'status': 'unknown'},
           'timeline': [{'day': 0,
                         'event': 'Late-top-up fees, if any, depend on the operator: not known',
                         'source': 'public pages on other operators (ho. Mobile, Spusu, CoopVoce, '
                                   'PosteMobile, Lyca), 2021-2024',
                         'as_of': datetime.date(2025, 2, 11),
                         'status': 'unknown'}],
           'works': [{'text': "usually incoming calls and SMS and emergency calls; check the operator's "
                              'conditions',
                      'source': 'public pages on ho. Mobile, Spusu, CoopVoce, PosteMobile and Lyca, '
                                '2021-2024',
                      'as_of': datetime.date(2025, 2, 11),
                      'status': 'unknown'}],
           'after_topup': [{'text': 'usually a top-up that covers the price makes the offer usable again; '
                                    "check the operator's conditions",
                            'source': 'public pages on other operators (ho. Mobile, Spusu, CoopVoce, '
                                      'PosteMobile, Lyca), 2021-2024',
                            'as_of': datetime.date(2025, 2, 11),
                            'status': 'unknown'}],
           'notes': [{'text': 'ho. Mobile: the credit goes negative once, no further renewals are charged',
                      'source': 'public page (undated)',
                      'as_of': datetime.date(2025, 2, 11),
                      'status': 'reported'},
                     {'text': 'Spusu: not renewed; renews from the top-up day with no debt',
                      'source': 'mondomobileweb.it 2024-10-30',
                      'as_of': datetime.date(2024, 10, 30),
                      'status': 'reported'},
                     {'text': 'CoopVoce: suspended; a top-up within 30 days revives the offer',
                      'source': 'public page (undated)',
                      'as_of': datetime.date(2025, 2, 11),
                      'status': 'reported'},
                     {'text': 'PosteMobile: base rates until a top-up covers the monthly cost',
                      'source': 'public page (undated)',
                      'as_of': datetime.date(2025, 2, 11),
                      'status': 'reported'},
                     {'text': 'Lyca: the credit goes negative; a top-up activates the package',
                      'source': 'public pages on other operators (ho. Mobile, Spusu, CoopVoce, PosteMobile, '
                                'Lyca), 2021-2024',
                      'as_of': datetime.date(2021, 6, 1),
                      'status': 'reported'}],
           'options': {'auto-topup': {'default': 'off',
                                      'values': {'on': 'an automatic top-up (card, bank or app) that you set '
                                                       "up pays the renewal (kenactl's assumption)",
                                                 'off': 'no automatic top-up: the renewal is paid from the '
                                                        'credit only'},
                                      'auto_renews': ['on'],
                                      'source': "kenactl's assumption: no public source describes an "
                                                'automatic top-up for this operator',
                                      'as_of': datetime.date(2025, 2, 11),
                                      'status': 'unknown'}},
           'validity': {'text': 'SIM validity depends on the operator; not known to kenactl',
                        'source': 'no public source found for other operators',
                        'as_of': datetime.date(2025, 2, 11),
                        'status': 'unknown'},
           'ledger': {'credit': {'value': 'untouched',
                                 'source': "kenactl's assumption: it depends on the operator",
                                 'as_of': datetime.date(2025, 2, 11),
                                 'status': 'unknown'},
                      'usable': {'value': False,
                                 'source': "kenactl's assumption: it depends on the operator",
                                 'as_of': datetime.date(2025, 2, 11),
                                 'status': 'unknown'},
                      'topup': {'value': 'renews',
                                'source': "kenactl's assumption: usually a top-up that covers the price "
                                          'makes the offer usable again',
                                'as_of': datetime.date(2025, 2, 11),
                                'status': 'unknown'},
                      'day': {'value': 'unknown',
                              'source': "kenactl's assumption: it depends on the operator",
                              'as_of': datetime.date(2025, 2, 11),
                              'status': 'unknown'},
                      'fees': {'value': 'none',
                               'source': "kenactl's assumption: no fee is known",
                               'as_of': datetime.date(2025, 2, 11),
                               'status': 'unknown'}}}}
