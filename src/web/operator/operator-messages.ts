/** Strings of the operator's organization pages (namespace `operator`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Organizations',
  intro:
    'Partners and distributors place and follow orders. Create one, then invite its first administrator; they invite their own colleagues.',
  kind: {
    partner: 'Partner',
    distributor: 'Distributor',
    customer: 'Customer',
    operator: 'Operator',
  },
  operatorOrg: 'Operators and support agents',
  status: {
    active: 'Active',
    deactivated: 'Deactivated',
  },
  firstSteps: {
    title: 'First steps',
    intro: 'No partner yet. To get the first orders in:',
    create: 'Create a partner organization with the form below.',
    invite: 'Open it, go to “Users and invitations” and invite its administrator by e-mail.',
    order: 'They accept, create an API token under “API tokens”, and place orders with it.',
  },
  filters: {
    label: 'Filter organizations',
    kind: 'Kind',
    anyKind: 'All kinds',
    q: 'Name contains',
    apply: 'Apply',
    clear: 'Clear',
  },
  list: {
    caption: 'Organizations',
    none: 'No organization matches.',
    count_one: '{{count}} organization',
    count_other: '{{count}} organizations',
    col: {
      name: 'Name',
      kind: 'Kind',
      status: 'Status',
      users: 'Users',
      created: 'Created',
    },
  },
  create: {
    title: 'Create an organization',
    kind: 'Kind',
    name: 'Name',
    nameHint: '2 to 200 characters. Customer organizations are created by the setup wizard, not here.',
    submit: 'Create organization',
    error: {
      kind: 'Choose partner or distributor.',
      name: 'Enter a name of 2 to 200 characters.',
      exists:
        'An organization of this kind with this name already exists (names are compared without regard to case).',
    },
  },
  detail: {
    back: '← Organizations',
    facts: 'Details',
    created: 'Organization created. Next: invite its administrator under “Users and invitations”.',
    renamed: 'Organization renamed.',
    deactivated: 'Organization deactivated. Its users are signed out and their API tokens are refused.',
    reactivated: 'Organization reactivated. Its users can sign in and use their API tokens again.',
    users: 'Users and invitations',
    usersOperator: 'Invite operators and support agents here.',
    usersOther: 'Invite users and administrators, change roles, deactivate people.',
    usersCustomer: 'See who administers it.',
    customerNote:
      'Customer organizations are run by their own administrators: you can see this one, but not rename or deactivate it here.',
  },
  rename: {
    title: 'Rename',
    name: 'New name',
    submit: 'Rename',
  },
  state: {
    title: 'Status',
    activeNote: 'Deactivating stops every user of this organization at once; its orders stay.',
    deactivatedNote: 'Deactivated since {{at}}. Its users cannot sign in and their API tokens are refused.',
    operatorNote: 'The operator organization cannot be deactivated: nobody could sign in to undo it.',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    confirm: {
      title: 'Deactivate {{name}}?',
      body: 'Sign-ins, browser sessions and API tokens of all its users stop at once.',
      orders:
        'Its orders stay: support agents still see them, and everything works again if you reactivate it.',
      yes: 'Deactivate organization',
      no: 'Cancel',
    },
  },
  audit: {
    title: 'Audit trail',
    intro: 'The newest 100 events concerning this organization.',
    none: 'Nothing recorded yet.',
    col: {
      at: 'When',
      who: 'Who',
      action: 'What',
    },
  },
  actions: {
    organization: {
      created: 'Organization created',
      renamed: 'Organization renamed',
      deactivated: 'Organization deactivated',
      reactivated: 'Organization reactivated',
    },
    user: {
      role_changed: 'Role changed',
      deactivated: 'User deactivated',
      reactivated: 'User reactivated',
    },
    invitation: {
      created: 'Invitation sent',
      resent: 'Invitation sent again',
      revoked: 'Invitation revoked',
      accepted: 'Invitation accepted',
      bounced: 'Invitation e-mail bounced',
    },
    api_token: {
      created: 'API token created',
      rolled: 'API token rolled',
      revoked: 'API token revoked',
    },
    offer: {
      added: 'Offer added',
      changed: 'Offer changed',
      retired: 'Offer retired',
      reinstated: 'Offer reinstated',
    },
    operator: {
      bootstrapped: 'First operator created',
    },
    password: {
      reset_requested: 'Password reset requested',
      set: 'Password set',
    },
  },
};

const it: Widen<typeof en> = {
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
    },
    user: {
      role_changed: 'Ruolo cambiato',
      deactivated: 'Utente disattivato',
      reactivated: 'Utente riattivato',
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
    password: {
      reset_requested: 'Reimpostazione della password richiesta',
      set: 'Password impostata',
    },
  },
};

export const operatorMessages = { en, it };
