/** Strings of the operator's offer catalogue pages (namespace `offers`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Offers',
  intro:
    'The offers partners order. The policy period is how many days after the first provisioning e-mail an unprovisioned line closes.',
  periodRule:
    'A changed policy period applies to lines ordered from now on; every line keeps the period it was ordered with.',
  catalogue: 'Catalogue',
  none: 'No offers yet.',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  col: {
    code: 'Code',
    name: 'Name',
    period: 'Policy period',
    status: 'Status',
    actions: 'Actions',
  },
  status: {
    active: 'Active',
    retired: 'Retired',
  },
  field: {
    code: 'Code',
    name: 'Name',
    policyDays: 'Policy period (days)',
  },
  hint: {
    code: 'Capital letters, digits and dashes, e.g. MEET-PRO. It cannot be changed later.',
    policyDays: 'From 1 to 365 days after the first provisioning e-mail.',
  },
  error: {
    code: 'Enter 2 to 32 capital letters, digits or dashes, starting with a letter or digit.',
    name: 'Enter a name of 1 to 100 characters.',
    policyDays: 'Enter a whole number of days from 1 to 365.',
    exists: 'An offer with the code {{code}} already exists (active or retired).',
  },
  add: {
    title: 'Add an offer',
    submit: 'Add offer',
    done: 'Offer {{code}} added.',
  },
  edit: {
    link: 'Edit',
    linkLabel: 'Edit {{code}}',
    title: 'Offer {{code}}',
    submit: 'Save changes',
    done: 'Offer {{code}} changed.',
    back: 'Back to offers',
  },
  retire: {
    button: 'Retire',
    buttonLabel: 'Retire {{code}}',
    title: 'Retire {{code}}?',
    body: 'New orders with this offer will be refused. Existing lines are untouched: they keep their policy period and can still be provisioned.',
    yes: 'Retire offer',
    no: 'Keep it active',
    done: 'Offer {{code}} retired: new orders with it are refused.',
  },
  reinstate: {
    button: 'Reinstate',
    buttonLabel: 'Reinstate {{code}}',
    title: 'Reinstate {{code}}?',
    body: 'New orders with this offer will be accepted again, with its current policy period.',
    yes: 'Reinstate offer',
    no: 'Keep it retired',
    done: 'Offer {{code}} reinstated.',
  },
};

const it: Widen<typeof en> = {
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

export const offerMessages = { en, it };
