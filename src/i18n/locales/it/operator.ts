/** Italian, exactly the English keys: strings of the operator's organization pages (namespace `operator`). */
import type { Widen } from '../../widen.js';
import type { operatorEn } from '../en/operator.js';

export const operatorIt: Widen<typeof operatorEn> = {
  title: 'Organizzazioni',
  intro:
    'Partner e distributori inseriscono e seguono gli ordini. Ne crei uno, poi inviti il suo primo amministratore, che inviterà a sua volta i propri colleghi.',
  kind: {
    partner: 'Partner',
    distributor: 'Distributore',
    customer: 'Cliente',
    operator: 'Operatore',
  },
  operatorOrg: 'Operatori e agenti di supporto',
  status: {
    active: 'Attiva',
    deactivated: 'Disattivata',
  },
  firstSteps: {
    title: 'Primi passi',
    intro: 'Non c’è ancora alcun partner. Per ricevere i primi ordini:',
    create: 'Crei un’organizzazione partner con il modulo qui sotto.',
    invite: 'La apra, vada su «Utenti e inviti» e inviti per e-mail il suo amministratore.',
    order: 'L’amministratore accetta, crea un token API in «Token API» e lo usa per inserire gli ordini.',
  },
  filters: {
    label: 'Filtra le organizzazioni',
    kind: 'Tipo',
    anyKind: 'Tutti i tipi',
    q: 'Il nome contiene',
    apply: 'Applica',
    clear: 'Azzera',
  },
  list: {
    caption: 'Organizzazioni',
    none: 'Nessuna organizzazione corrisponde.',
    count_one: '{{count}} organizzazione',
    count_other: '{{count}} organizzazioni',
    col: {
      name: 'Nome',
      kind: 'Tipo',
      status: 'Stato',
      users: 'Utenti',
      created: 'Creata',
    },
  },
  create: {
    title: 'Crea un’organizzazione',
    kind: 'Tipo',
    name: 'Nome',
    nameHint:
      'Da 2 a 200 caratteri. Le organizzazioni cliente vengono create dalla procedura di configurazione, non qui.',
    submit: 'Crea organizzazione',
    error: {
      kind: 'Scelga partner o distributore.',
      name: 'Inserisca un nome da 2 a 200 caratteri.',
      exists:
        'Esiste già un’organizzazione di questo tipo con questo nome (senza distinzione tra maiuscole e minuscole).',
    },
  },
  detail: {
    back: '← Organizzazioni',
    facts: 'Dettagli',
    created: 'Organizzazione creata. Ora inviti il suo amministratore in «Utenti e inviti».',
    renamed: 'Organizzazione rinominata.',
    deactivated:
      'Organizzazione disattivata. I suoi utenti sono stati disconnessi e i loro token API vengono rifiutati.',
    reactivated:
      'Organizzazione riattivata. I suoi utenti possono di nuovo accedere e usare i loro token API.',
    users: 'Utenti e inviti',
    usersOperator: 'Qui può invitare operatori e agenti di supporto.',
    usersOther: 'Inviti utenti e amministratori, cambi i ruoli, disattivi le persone.',
    usersCustomer: 'Veda chi la amministra.',
    customerNote:
      'Le organizzazioni cliente sono gestite dai loro amministratori: può consultarla, ma non rinominarla né disattivarla da qui.',
  },
  rename: {
    title: 'Rinomina',
    name: 'Nuovo nome',
    submit: 'Rinomina',
  },
  state: {
    title: 'Stato',
    activeNote:
      'La disattivazione blocca subito tutti gli utenti di questa organizzazione; i suoi ordini restano.',
    deactivatedNote:
      'Disattivata dal {{at}}. I suoi utenti non possono accedere e i loro token API vengono rifiutati.',
    operatorNote:
      'L’organizzazione dell’operatore non può essere disattivata: nessuno potrebbe più accedere per annullare.',
    deactivate: 'Disattiva',
    reactivate: 'Riattiva',
    confirm: {
      title: 'Disattivare {{name}}?',
      body: 'Gli accessi, le sessioni del browser e i token API di tutti i suoi utenti si fermano subito.',
      orders:
        'I suoi ordini restano: gli agenti di supporto continuano a vederli, e tutto torna a funzionare se la riattiva.',
      yes: 'Disattiva organizzazione',
      no: 'Annulla',
    },
  },
  audit: {
    title: 'Registro delle attività',
    intro: 'Gli ultimi 100 eventi che riguardano questa organizzazione.',
    none: 'Ancora nessun evento registrato.',
    col: {
      at: 'Quando',
      who: 'Chi',
      action: 'Cosa',
    },
  },
  actions: {
    organization: {
      created: 'Organizzazione creata',
      renamed: 'Organizzazione rinominata',
      deactivated: 'Organizzazione disattivata',
      reactivated: 'Organizzazione riattivata',
      set_up_by_partner: 'Configurata da un partner per conto del cliente',
    },
    user: {
      role_changed: 'Ruolo cambiato',
      deactivated: 'Utente disattivato',
      reactivated: 'Utente riattivato',
      digest_turned_on: 'E-mail di riepilogo giornaliera attivata',
      digest_turned_off: 'E-mail di riepilogo giornaliera disattivata',
      removed: 'Amministratore rimosso',
    },
    invitation: {
      created: 'Invito inviato',
      resent: 'Invito inviato di nuovo',
      revoked: 'Invito revocato',
      accepted: 'Invito accettato',
      bounced: 'E-mail di invito respinta',
    },
    api_token: {
      created: 'Token API creato',
      rolled: 'Token API rinnovato',
      revoked: 'Token API revocato',
    },
    offer: {
      added: 'Offerta aggiunta',
      changed: 'Offerta modificata',
      retired: 'Offerta ritirata',
      reinstated: 'Offerta ripristinata',
    },
    operator: {
      bootstrapped: 'Primo operatore creato',
    },
    join_request: {
      requested: 'Richiesta di accesso (configurazione di un ordine)',
      approved: 'Richiesta di accesso approvata',
      declined: 'Richiesta di accesso rifiutata',
      expired: 'Richiesta di accesso scaduta',
      withdrawn: 'Richiesta di accesso ritirata',
    },
    sso: {
      connection_removed: 'Connessione di accesso singolo rimossa',
      domain_removed: 'Dominio di accesso singolo rimosso',
      connection_set: 'Connessione di accesso singolo impostata',
      domain_added: 'Dominio di accesso singolo aggiunto',
      domain_verified: 'Dominio di accesso singolo verificato',
      signed_in: 'Accesso tramite accesso singolo',
      user_created: 'Utente creato al primo accesso singolo',
      sign_in_refused: 'Accesso singolo rifiutato',
    },
    password: {
      reset_requested: 'Reimpostazione della password richiesta',
      set: 'Password impostata',
    },
  },
};
