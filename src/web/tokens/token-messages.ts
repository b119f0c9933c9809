/** Strings of the API tokens page (namespace `tokens`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'API tokens',
  intro:
    'Personal API tokens let your scripts and integrations call the Onramp API as you. Send one in the Authorization header: Bearer <token>. A read-only token can read but never change anything.',
  list: {
    title: 'Your tokens',
    none: 'No tokens yet.',
    never: 'Never',
    neverUsed: 'Never used',
    col: {
      name: 'Name',
      scope: 'Access',
      token: 'Token',
      created: 'Created',
      expires: 'Expires',
      lastUsed: 'Last used',
      status: 'Status',
      actions: 'Actions',
    },
  },
  scope: {
    readOnly: 'Read-only',
    readWrite: 'Read and write',
  },
  status: {
    active: 'Active',
    rolled: 'Rolled (in grace period)',
    expired: 'Expired',
    revoked: 'Revoked',
  },
  create: {
    title: 'Create a token',
    name: 'Name',
    nameHint: 'What it is for, e.g. “ERP integration”.',
    expiry: 'Expires after',
    days: '{{count}} days',
    access: 'Access',
    readWrite: 'Read and write: everything you can do',
    readOnly: 'Read-only: lists and details, no changes',
    submit: 'Create token',
  },
  shown: {
    created: 'Token “{{name}}” created.',
    rolled: 'Token “{{name}}” rolled: here is its successor.',
    label: 'Your new token',
    copyHint: 'Select the field and copy it (Ctrl+C, or ⌘C on a Mac).',
    warning:
      'Copy it now and keep it somewhere safe: it will not be shown again. Anyone who has it can use the API as you.',
    previousUntil: 'The previous token keeps working until {{date}}.',
    previousStopped: 'The previous token has stopped working.',
  },
  roll: {
    action: 'Roll',
    title: 'Roll “{{name}}”?',
    body: 'Onramp issues a new token with the same name and access. The current token keeps working for the grace period you choose, so you can update your integrations first.',
    grace: 'Grace period for the current token',
    graceNone: 'None: stop it at once',
    graceDays_one: '{{count}} day',
    graceDays_other: '{{count}} days',
    yes: 'Roll token',
    no: 'Cancel',
  },
  revoke: {
    action: 'Revoke',
    title: 'Revoke “{{name}}”?',
    body: 'It stops working at once. Integrations that use it will get 401 Unauthenticated.',
    yes: 'Revoke token',
    no: 'Keep it',
    done: 'Token revoked. It no longer works.',
  },
  error: {
    name: 'Enter a name of 1 to 100 characters.',
    expiresInDays: 'Choose when the token expires.',
    access: 'Choose read and write, or read-only.',
    limit: 'You already have 50 working tokens. Revoke one you no longer use first.',
    notActive: 'Only an active token can be rolled.',
  },
};

const it: Widen<typeof en> = {
  title: 'Token API',
  intro:
    'I token API personali permettono ai suoi script e alle sue integrazioni di usare l’API di Onramp a suo nome. Ne invii uno nell’intestazione Authorization: Bearer <token>. Un token in sola lettura può leggere ma non modificare nulla.',
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
    readWrite: 'Lettura e scrittura: tutto ciò che può fare lei',
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
    body: 'Onramp emette un nuovo token con lo stesso nome e lo stesso accesso. Il token attuale continua a funzionare per il periodo di tolleranza che sceglie, così può prima aggiornare le sue integrazioni.',
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

export const tokenMessages = { en, it };
