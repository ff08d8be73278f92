"""The packaged charters' complaint terms (``Charter.complaint_terms``), built: written by
``tools/operator_data.py`` with the one loader from the ``.toml`` files beside this module (do not edit;
``tests/test_charter_data.py`` checks that it matches them). ``TERMS[id]()`` is the terms of charter ``id``."""

from datetime import date
from decimal import Decimal

from kenactl.core.complaints import Complaints, ComplaintTerms
from kenactl.knowledge.charters import national_holidays


def tim_2022_terms() -> ComplaintTerms:
    return ComplaintTerms(
        id='tim-2022',
        label='TIM ed. Dicembre 2022',
        source='TIM S.p.A., Carta dei Servizi Kena Mobile, Edizione Dicembre 2022',
        in_force_from=date(2022, 12, 1),
        complaints=Complaints(
            section='§14',
            reply_within_days=45,
            per_step=Decimal('2.00'),
            step_days=5,
            days='feriali',
            cap=Decimal('60.00'),
            payment_within_days=60,
            quote=(
                'TIM si impegna a fornire riscontro al Cliente entro 45 giorni solari dalla data di ricevimento del '
                'reclamo. [...] al Cliente verrà rimborsata, per ogni 5 giorni feriali di ritardo, una somma pari a '
                '2,00 Euro fino ad un massimo di 60,00 Euro.'
            ),
            payment_quote=(
                "L'indennizzo per mancata evasione del reclamo nei termini indicati verrà corrisposto entro i "
                'successivi 60 giorni dalla richiesta del Cliente.'
            ),
        ),
        holiday_name=national_holidays,
    )


def noverca_terms() -> ComplaintTerms:
    return ComplaintTerms(
        id='noverca',
        label='Noverca ed.',
        source='Noverca S.r.l., Carta dei Servizi Kena Mobile (undated)',
        in_force_from=None,
        complaints=Complaints(
            section='§14',
            reply_within_days=45,
            per_step=Decimal('2.00'),
            step_days=5,
            days='feriali',
            cap=Decimal('60.00'),
            payment_within_days=90,
            quote=(
                'Noverca si impegna a fornire riscontro al Cliente entro 45 giorni solari dalla data di ricevimento '
                'del reclamo. [...] al Cliente verrà rimborsata, per ogni 5 giorni feriali di ritardo, una somma pari '
                'a 2,00 Euro fino ad un massimo di 60,00 Euro.'
            ),
            payment_quote=(
                "L'indennizzo per mancata evasione del reclamo nei termini indicati verrà corrisposto entro i "
                'successivi 90 giorni dalla richiesta del Cliente.'
            ),
        ),
        holiday_name=national_holidays,
    )


TERMS = {'tim-2022': tim_2022_terms, 'noverca': noverca_terms}
