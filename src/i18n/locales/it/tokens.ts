/** Italian, exactly the English keys: strings of the API tokens page (namespace `tokens`). */
import type { Widen } from '../../widen.js';
import type { tokenEn } from '../en/tokens.js';

export const tokenIt: Widen<typeof tokenEn> = {
  title: 'Token API',
  intro:
    'I token API personali permettono ai suoi script e alle sue integrazioni di usare l’API di {{brand}} a suo nome. Ne invii uno nell’intestazione Authorization: Bearer <token>. Un token in sola lettura può leggere ma non modificare nulla.',
  list: {
    title: 'I suoi token',
    none: 'Ancora nessun token.',
    never: 'Mai',
    neverUsed: 'Mai usato',
    col: {
      name: 'Nome',
      scope: 'Accesso',
      token: 'Token',
      created: 'Creato',
      expires: 'Scade',
      lastUsed: 'Ultimo uso',
      status: 'Stato',
      actions: 'Azioni',
    },
  },
  scope: {
    readOnly: 'Sola lettura',
    readWrite: 'Lettura e scrittura',
  },
  status: {
    active: 'Attivo',
    rolled: 'Sostituito (periodo di tolleranza)',
    expired: 'Scaduto',
    revoked: 'Revocato',
  },
  create: {
    title: 'Crei un token',
    name: 'Nome',
    nameHint: 'A che cosa serve, ad esempio «Integrazione ERP».',
    expiry: 'Scade dopo',
    days: '{{count}} giorni',
    access: 'Accesso',
    readWrite: 'Lettura e scrittura: tutto ciò che può fare Lei',
    readOnly: 'Sola lettura: elenchi e dettagli, nessuna modifica',
    submit: 'Crea token',
  },
  shown: {
    created: 'Token «{{name}}» creato.',
    rolled: 'Token «{{name}}» sostituito: ecco il nuovo.',
    label: 'Il suo nuovo token',
    copyHint: 'Selezioni il campo e lo copi (Ctrl+C, oppure ⌘C su Mac).',
    warning:
      'Lo copi ora e lo conservi in un luogo sicuro: non verrà più mostrato. Chiunque lo possieda può usare l’API a suo nome.',
    previousUntil: 'Il token precedente continua a funzionare fino al {{date}}.',
    previousStopped: 'Il token precedente ha smesso di funzionare.',
  },
  roll: {
    action: 'Sostituisci',
    title: 'Sostituire «{{name}}»?',
    body: '{{brand}} emette un nuovo token con lo stesso nome e lo stesso accesso. Il token attuale continua a funzionare per il periodo di tolleranza che sceglie, così può prima aggiornare le sue integrazioni.',
    grace: 'Periodo di tolleranza del token attuale',
    graceNone: 'Nessuno: lo disattiva subito',
    graceDays_one: '{{count}} giorno',
    graceDays_other: '{{count}} giorni',
    yes: 'Sostituisci token',
    no: 'Annulla',
  },
  revoke: {
    action: 'Revoca',
    title: 'Revocare «{{name}}»?',
    body: 'Smette subito di funzionare. Le integrazioni che lo usano riceveranno 401 Unauthenticated.',
    yes: 'Revoca token',
    no: 'Lo tengo',
    done: 'Token revocato. Non funziona più.',
  },
  error: {
    name: 'Inserisca un nome da 1 a 100 caratteri.',
    expiresInDays: 'Scelga quando scade il token.',
    access: 'Scelga lettura e scrittura, oppure sola lettura.',
    limit: 'Ha già 50 token funzionanti. Prima ne revochi uno che non usa più.',
    notActive: 'Si può sostituire solo un token attivo.',
  },
};
