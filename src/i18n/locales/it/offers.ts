/** Italian, exactly the English keys: strings of the operator's offer catalogue pages (namespace `offers`). */
import type { Widen } from '../../widen.js';
import type { offerEn } from '../en/offers.js';

export const offerIt: Widen<typeof offerEn> = {
  title: 'Offerte',
  intro:
    'Le offerte che i partner ordinano. Il periodo di policy è il numero di giorni dopo la prima e-mail di provisioning trascorsi i quali una linea non ancora attivata viene chiusa.',
  periodRule:
    'Un periodo di policy modificato vale per le linee ordinate da ora in poi; ogni linea mantiene il periodo con cui è stata ordinata.',
  catalogue: 'Catalogo',
  none: 'Ancora nessuna offerta.',
  days_one: '{{count}} giorno',
  days_other: '{{count}} giorni',
  col: {
    code: 'Codice',
    name: 'Nome',
    period: 'Periodo di policy',
    status: 'Stato',
    actions: 'Azioni',
  },
  status: {
    active: 'Attiva',
    retired: 'Ritirata',
  },
  field: {
    code: 'Codice',
    name: 'Nome',
    policyDays: 'Periodo di policy (giorni)',
  },
  hint: {
    code: 'Lettere maiuscole, cifre e trattini, ad esempio MEET-PRO. Non potrà essere modificato in seguito.',
    policyDays: 'Da 1 a 365 giorni dopo la prima e-mail di provisioning.',
  },
  error: {
    code: 'Inserisca da 2 a 32 lettere maiuscole, cifre o trattini, iniziando con una lettera o una cifra.',
    name: 'Inserisca un nome da 1 a 100 caratteri.',
    policyDays: 'Inserisca un numero intero di giorni da 1 a 365.',
    exists: "Esiste già un'offerta con il codice {{code}} (attiva o ritirata).",
    longerThanLink:
      'Inserisca al massimo {{days}} giorni: i link di configurazione funzionano per {{days}} giorni e una riga deve chiudersi prima che il suo link smetta di funzionare.',
  },
  add: {
    title: "Aggiungi un'offerta",
    submit: 'Aggiungi offerta',
    done: 'Offerta {{code}} aggiunta.',
  },
  edit: {
    link: 'Modifica',
    linkLabel: 'Modifica {{code}}',
    title: 'Offerta {{code}}',
    submit: 'Salva le modifiche',
    done: 'Offerta {{code}} modificata.',
    back: 'Torna alle offerte',
  },
  retire: {
    button: 'Ritira',
    buttonLabel: 'Ritira {{code}}',
    title: 'Ritirare {{code}}?',
    body: 'I nuovi ordini con questa offerta saranno rifiutati. Le linee esistenti non cambiano: mantengono il loro periodo di policy e possono ancora essere attivate.',
    yes: 'Ritira offerta',
    no: 'Lasciala attiva',
    done: 'Offerta {{code}} ritirata: i nuovi ordini che la usano vengono rifiutati.',
  },
  reinstate: {
    button: 'Ripristina',
    buttonLabel: 'Ripristina {{code}}',
    title: 'Ripristinare {{code}}?',
    body: 'I nuovi ordini con questa offerta saranno di nuovo accettati, con il suo periodo di policy attuale.',
    yes: 'Ripristina offerta',
    no: 'Lasciala ritirata',
    done: 'Offerta {{code}} ripristinata.',
  },
};
