"""The packaged charters, built: written by ``tools/operator_data.py`` with the one loader
(``knowledge.charters.loader.build``) from the ``.toml`` files beside this module (do not edit;
``tests/test_charter_data.py`` checks that it matches them). ``CHARTERS[id]()`` is the charter ``id``."""

from datetime import date
from decimal import Decimal

from kenactl.core.charter import Charter, Compensation, Complaints, Conciliation, Contacts, Mnp, Rate, ResidualCredit
from kenactl.knowledge.charters import national_holidays


def tim_2022_charter() -> Charter:
    return Charter(
        id='tim-2022',
        title='Carta dei Servizi Kena Mobile di TIM S.p.A.',
        edition='Edizione Dicembre 2022',
        label='TIM ed. Dicembre 2022',
        source='TIM S.p.A., Carta dei Servizi Kena Mobile, Edizione Dicembre 2022',
        in_force_from=date(2022, 12, 1),
        in_force_basis=(
            'assumed: the text states only «Edizione Dicembre 2022»; kenactl applies it from 1 December 2022'
        ),
        compensation=Compensation(
            rate=Rate(
                section='§15',
                per_day=Decimal('2.00'),
                cap=Decimal('60.00'),
                not_due_up_to_days=2,
                days='lavorativi',
                request=(
                    'like a complaint (§14): call 181, write to TIM S.p.A., Via Gaetano Negri 1, 20123 Milano, or fax '
                    '800.181.181'
                ),
                quote=(
                    'Il Cliente potrà chiedere un indennizzo pari a 2,00 euro per ogni giorno lavorativo di ritardo o '
                    "di malfunzionamento, fino ad un massimo di 60,00 Euro. L'indennizzo non è comunque dovuto per "
                    'ritardi non superiori a due giorni lavorativi.'
                ),
            ),
            cases={
                'activation': 'a) tempo di attivazione del Servizio Voce',
                'credit-renewal': 'b) tempo di rinnovo del credito',
                'suspension': 'c) sospensione del Servizio senza preavviso',
                'malfunction': 'd) malfunzionamenti del Servizio imputabili a TIM',
                'unrequested': (
                    'e) attivazioni di Servizio non richiesto o di profilo tariffaria o offerta non richiesta'
                ),
            },
            report_within_months=3,
            payment_within_days=60,
            payment_counted_from='the request (richiesta)',
            payment_method='traffic credit on the SIM of the affected line',
            automatic_cases=('activation', 'suspension'),
            automatic_section='§15.1',
            automatic_terms=(
                'once you report it, TIM checks within 45 days and credits it automatically within 60 days of the '
                'report'
            ),
            report_quote=(
                'In ogni caso, il Cliente dovrà segnalare il disservizio entro 3 mesi dal momento in cui ne è venuto a '
                'conoscenza. In caso contrario, nessun indennizzo verrà corrisposto.'
            ),
            payment_quote=(
                "L'indennizzo verrà corrisposto, previo accertamento della sua sussistenza, entro 60 giorni dalla "
                'richiesta.'
            ),
        ),
        mnp=Mnp(
            rate=Rate(
                section='§15.2',
                per_day=Decimal('2.50'),
                cap=Decimal('50.00'),
                not_due_up_to_days=2,
                days='lavorativi',
                request='by fax to 800.181.181 or by email to assistenzaclienti@kenamobile.it',
                quote=(
                    'corrisponde un indennizzo pari ad 2,5 euro per ogni giorno lavorativo di ritardo, fino ad un '
                    "importo massimo di 50 Euro. L'indennizzo non è dovuto per ritardi non superiori a due giorni "
                    'lavorativi.'
                ),
            ),
            payment_method='an equal increase of the phone credit',
        ),
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
        residual_credit=ResidualCredit(
            section='§11',
            refund_fee=Decimal('5.00'),
            refund_within_days=60,
            days='lavorativi',
            transfer_to='another TIM SIM (Carta SIM TIM) in your name or in the name of someone you choose',
            small_credit_transfer_to='another Kena Mobile SIM in your name or in the name of someone you choose',
            quote=(
                'Il Cliente potrà scegliere di trasferire gratuitamente il credito residuo su altra Carta SIM TIM '
                "[...] oppure di ottenere l'importo monetario corrispondente al valore nominale del credito residuo "
                '[...] i costi amministrativi sostenuti da TIM per la restituzione del credito, pari a 5 euro [...] '
                'entro 60 giorni lavorativi dalla ricezione della richiesta.'
            ),
            small_credit_quote=(
                'Ove il credito residuo fosse inferiore o pari ai costi sostenuti da TIM per la restituzione, il '
                'credito residuo resterà imputato a nome del Cliente su sistemi informativi di TIM o, previa richiesta '
                'espressa del Cliente, trasferito su altra SIM Kena mobile intestata al Cliente medesimo o a persona '
                'da questi indicata.'
            ),
            bonus_quote='escluso il credito maturato grazie a sconti, bonus e/o promozioni',
            porting=(
                'when you port the number to another operator, the residual credit can be transferred to it (an '
                'optional service under the portability rules)'
            ),
            porting_quote=(
                'In caso di portabilità del numero, TIM [...] rende disponibile al Cliente il Servizio opzionale di '
                'trasferimento del "credito residuo" da altro operatore a TIM e viceversa.'
            ),
            unrequested=(
                'credit you do not ask for stays on record in your name until the ordinary limitation period '
                '(prescrizione) of credit rights'
            ),
            unrequested_quote=(
                'In assenza di qualsiasi richiesta da parte del Cliente, TIM manterrà comunque memoria sui propri '
                "sistemi dell'eventuale credito residuo [...] nel rispetto dell'ordinario termine di prescrizione dei "
                'diritti di credito.'
            ),
        ),
        conciliation=Conciliation(
            section='§16',
            procedure=(
                'a conciliation attempt under Delibera AGCOM 203/18/CONS before the competent Corecom, on its online '
                'platform (or at the Corecom or an access point it names, if you cannot go online); alternatively, '
                'under art. 141 ff. of the Codice del Consumo, before a Chamber of Commerce or another out-of-court '
                'body'
            ),
            steps=(
                'keep your complaint and the reply (or the date the reply was due)',
                'file the conciliation request with the Corecom of your region on its online platform',
                'take part in the conciliation attempt',
                'if it does not settle the dispute, you may then go to court',
            ),
            mandatory=(
                'for the matters of art. 2, comma 1 of the Regolamento Controversie, the conciliation attempt is '
                'mandatory before going to court'
            ),
            quote=(
                "Il Cliente, anche quando non si ritenga soddisfatto dalla gestione e/o dall'esito del reclamo [...] "
                'potrà promuovere in via preventiva un tentativo di conciliazione ai sensi della Delibera 203/18/CONS '
                '[...] dinanzi al Corecom competente, tramite specifica piattaforma informatica [...] prima di adire '
                "l'Autorità giudiziaria vi è l'obbligo di proporre istanza per lo svolgimento del tentativo di "
                'conciliazione'
            ),
        ),
        contacts=Contacts(
            changes_section='§7',
            notice_days=30,
            changes=(
                'changes to the economic or contractual conditions of your offer are announced at least 30 days before '
                'they apply, and you may then withdraw without penalties or deactivation costs'
            ),
            changes_quote=(
                "Le eventuali modifiche alle condizioni economiche e/o contrattuali dell'offerta sottoscritta verranno "
                'comunicate [...] con almeno 30 giorni di anticipo [...] Il cliente potrà recedere [...] senza '
                'previsione di penali né costi di disattivazione.'
            ),
            withdrawal_section='§9',
            withdrawal=(
                'fax the signed Modulo di Recesso (from kenamobile.it) and a copy of an identity document to '
                '800.181.181, or sign a withdrawal statement at a shop, reseller or agent'
            ),
            deactivated_within_days=30,
            withdrawal_quote=(
                'inviando via fax al Numero Verde 800.181.181 la seguente documentazione: Modulo di Recesso (compilato '
                "e firmato) [...] e copia di un Documento d'Identità [...] TIM procederà a rendere inattiva la SIM "
                'entro i successivi 30 giorni'
            ),
            block_section='§13',
            from_italy='181',
            from_abroad='+39 350 599 9181',
            self_service='40181',
            self_service_section='§3',
            block=(
                "for theft, loss or suspected tampering call customer care at once and give the holder's details; the "
                'SIM is blocked immediately after the holder is checked, and a replacement SIM keeps the number and '
                'the remaining credit'
            ),
            block_quote=(
                'il Cliente dovrà contattare tempestivamente il Servizio di Assistenza Clienti al numero 181 e '
                "dall'estero il numero +393505999181 [...] la SIM verrà immediatamente bloccata"
            ),
        ),
        holiday_name=national_holidays,
        city=None,
    )


def noverca_charter() -> Charter:
    return Charter(
        id='noverca',
        title='Carta dei Servizi Kena Mobile di Noverca S.r.l.',
        edition='undated Noverca edition',
        label='Noverca ed.',
        source='Noverca S.r.l., Carta dei Servizi Kena Mobile (undated)',
        in_force_from=None,
        in_force_basis=(
            'assumed: the text is undated; kenactl applies it to every date before the TIM edition Dicembre 2022'
        ),
        compensation=Compensation(
            rate=Rate(
                section='§15',
                per_day=Decimal('2.00'),
                cap=Decimal('60.00'),
                not_due_up_to_days=2,
                days='lavorativi',
                request=(
                    'like a complaint (§14): call 181, write to Noverca S.r.l., via della Valle dei Fontanili 29, '
                    '00168 Roma, or fax 800.181.181'
                ),
                quote=(
                    'il Cliente potrà chiedere un indennizzo pari a 2,00 Euro per ogni giorno lavorativo di ritardo, '
                    "fino ad un massimo di 60,00 Euro. L'indennizzo non è comunque dovuto per ritardi non superiori a "
                    'due giorni lavorativi.'
                ),
            ),
            cases={
                'activation': 'a) Tempo di attivazione del servizio voce',
                'credit-renewal': 'b) Tempo di rinnovo del credito',
                'suspension': 'c) Sospensione del servizio senza preavviso',
                'malfunction': 'd) Malfunzionamenti del servizio imputabili a Noverca',
            },
            report_within_months=None,
            payment_within_days=90,
            payment_counted_from='the report (segnalazione)',
            payment_method='traffic credit on the SIM of the affected line',
            automatic_cases=('activation', 'suspension'),
            automatic_section='§15, «Indennizzo automatico»',
            automatic_terms=(
                'once you report it, Noverca checks within 45 days and credits it automatically within the 90 days '
                'above'
            ),
            report_quote=None,
            payment_quote=(
                "L'indennizzo verrà corrisposto, previo accertamento della sua sussistenza, entro 90 giorni dalla "
                'segnalazione.'
            ),
        ),
        mnp=Mnp(
            rate=Rate(
                section='§15, «Indennizzo per ritardo attivazione MNP»',
                per_day=Decimal('2.50'),
                cap=Decimal('50.00'),
                not_due_up_to_days=2,
                days='lavorativi',
                request='by fax to 800.181.181 or by email to assistenzaclienti@kenamobile.it',
                quote=(
                    'corrisponde un indennizzo pari ad Euro 2,5 per ogni giorno lavorativo di ritardo, fino ad un '
                    "importo massimo di 50 Euro. L'indennizzo non è dovuto per ritardi non superiori a due giorni "
                    'lavorativi.'
                ),
            ),
            payment_method='an equal increase of the phone credit',
        ),
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
        residual_credit=ResidualCredit(
            section='§11',
            refund_fee=Decimal('5.00'),
            refund_within_days=60,
            days='lavorativi',
            transfer_to='another Noverca SIM (Carta SIM Noverca) in your name or in the name of someone you choose',
            small_credit_transfer_to='another Kena Mobile SIM in your name or in the name of someone you choose',
            quote=(
                'Il Cliente potrà scegliere di trasferire gratuitamente il credito residuo su altra Carta SIM Noverca '
                "[...] oppure di ottenere l'importo monetario corrispondente al valore nominale del credito residuo "
                '[...] i costi amministrativi sostenuti da Noverca per la restituzione del credito, pari a 5 euro '
                '[...] entro 60 giorni lavorativi dalla ricezione delle richieste.'
            ),
            small_credit_quote=(
                'Ove il credito residuo fosse inferiore o pari ai costi sostenuti da Noverca per la restituzione, il '
                'credito residuo resterà imputato a nome del Cliente su sistemi informativi di Noverca o, previa '
                'richiesta espressa del Cliente, trasferito su altra SIM Kena mobile intestata al Cliente medesimo o a '
                'persona da questi indicata.'
            ),
            bonus_quote='escluso il credito maturato grazie a sconti, bonus e/o promozioni',
            porting=(
                'when you port the number to another operator, the residual credit can be transferred to it (an '
                'optional service under the portability rules)'
            ),
            porting_quote=(
                'In caso di portabilità del numero, Noverca [...] rende disponibile al Cliente il servizio opzionale '
                'di trasferimento del "credito residuo" da altro operatore a Noverca e viceversa.'
            ),
            unrequested=(
                'credit you do not ask for stays on record in your name until the ordinary limitation period '
                '(prescrizione) of credit rights'
            ),
            unrequested_quote=(
                'In assenza di qualsiasi richiesta da parte del Cliente, Noverca manterrà comunque memoria sui propri '
                "sistemi dell'eventuale credito residuo [...] nel rispetto dell'ordinario termine di prescrizione dei "
                'diritti di credito.'
            ),
        ),
        conciliation=Conciliation(
            section='§16',
            procedure=(
                "the conciliation procedure of Delibera AGCOM 173/07/CONS before the competent body listed on AGCOM's "
                'website; alternatively, the conciliazione paritetica (joint conciliation body) Noverca set up with '
                'the main consumer associations (how to join: kenamobile.it)'
            ),
            steps=(
                'keep your complaint and the reply (or the date the reply was due)',
                (
                    "file the conciliation request with the competent body listed on AGCOM's website, or join the "
                    'conciliazione paritetica'
                ),
                'take part in the conciliation attempt',
                'if it does not settle the dispute, you may then go to court',
            ),
            mandatory=(
                'going to court remains possible once the mandatory conciliation attempt under Delibera 173/07/CONS is '
                'over'
            ),
            quote=(
                "Il Cliente che non si ritenga soddisfatto dalla gestione e/o dall'esito del reclamo [...] potrà "
                'attivare la procedura di conciliazione prevista dalla delibera AGCOM n. 173/07/CONS [...] In '
                "alternativa, il Cliente potrà rivolgersi all'Organo di Conciliazione paritetico [...] Resta salvo il "
                "diritto del Cliente di rivolgersi all'Autorità Giudiziaria ordinaria, una volta esaurito il tentativo "
                'obbligatorio di conciliazione'
            ),
        ),
        contacts=Contacts(
            changes_section='§7',
            notice_days=30,
            changes=(
                'changes to the economic or contractual conditions of your offer are announced at least 30 days before '
                'they apply, and you may then withdraw without penalties or deactivation costs'
            ),
            changes_quote=(
                "Le eventuali modifiche alle condizioni economiche e/o contrattuali dell'offerta sottoscritta verranno "
                'comunicate [...] con almeno 30 giorni di anticipo [...] Il cliente potrà recedere [...] senza '
                'previsione di penali né costi di disattivazione.'
            ),
            withdrawal_section='§9',
            withdrawal=(
                'fax the signed modulo di recesso (from kenamobile.it) and a copy of an identity document to '
                '800.181.181'
            ),
            deactivated_within_days=30,
            withdrawal_quote=(
                'inviando via fax al numero verde 800.181.181 la seguente documentazione: modulo di recesso (compilato '
                "e firmato) [...] e copia di un documento d'identità. Noverca [...] procederà a rendere inattiva la "
                'SIM entro i successivi 30 giorni'
            ),
            block_section='§13',
            from_italy='181',
            from_abroad='+39 350 599 9181',
            self_service='40181',
            self_service_section='§3',
            block=(
                "for theft, loss or suspected tampering call customer care at once and give the holder's details; the "
                'SIM is blocked immediately after the holder is checked, and a replacement SIM keeps the number and '
                'the remaining credit'
            ),
            block_quote=(
                'il Cliente dovrà contattare tempestivamente il Servizio di Assistenza Clienti al numero 181 e '
                "dall'estero il numero +393505999181 [...] la SIM verrà immediatamente bloccata"
            ),
        ),
        holiday_name=national_holidays,
        city=None,
    )


CHARTERS = {'tim-2022': tim_2022_charter, 'noverca': noverca_charter}
