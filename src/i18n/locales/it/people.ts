/** Italian, exactly the English keys: strings of the users and invitations pages and the accept page (namespace `people`). */
import type { Widen } from '../../widen.js';
import type { peopleEn } from '../en/people.js';

export const peopleIt: Widen<typeof peopleEn> = {
  title: 'Utenti',
  titleOf: 'Utenti di {{organization}}',
  intro:
    'Chi lavora in {{organization}} su {{brand}}. Inviti le persone via e-mail, ne modifichi il ruolo, disattivi chi non ne fa più parte.',
  role: {
    partner_user: 'Utente',
    partner_admin: 'Amministratore',
    distributor_user: 'Utente',
    distributor_admin: 'Amministratore',
    support_agent: 'Agente di supporto',
    operator: 'Operatore',
    customer_admin: 'Amministratore',
  },
  users: {
    title: 'Utenti',
    none: 'Ancora nessun utente.',
    you: '(Lei)',
    col: { name: 'Nome', email: 'E-mail', role: 'Ruolo', status: 'Stato', actions: 'Azioni' },
    active: 'Attivo',
    deactivated: 'Disattivato',
    roleLabel: 'Ruolo di {{name}}',
    changeRole: 'Cambia ruolo',
    deactivate: 'Disattiva',
    reactivate: 'Riattiva',
    deactivateConfirm: {
      title: 'Disattivare {{name}}?',
      body: '{{name}} verrà disconnesso e i suoi token API revocati immediatamente; non potrà più accedere. Gli ordini che ha effettuato restano all’organizzazione. Una successiva riattivazione non ripristina i token.',
      yes: 'Disattiva',
      no: 'Annulla',
    },
  },
  invitations: {
    title: 'Inviti',
    none: 'Ancora nessun invito.',
    col: {
      email: 'E-mail',
      role: 'Ruolo',
      status: 'Stato',
      sent: 'Inviato',
      expires: 'Scadenza',
      actions: 'Azioni',
    },
    status: {
      sent: 'Inviato',
      accepted: 'Accettato',
      expired: 'Scaduto',
      revoked: 'Revocato',
      bounced: 'Non recapitato',
    },
    sendCount: 'inviato {{count}} volte',
    resend: 'Invia di nuovo',
    revoke: 'Revoca',
    revokeConfirm: {
      title: 'Revocare l’invito a {{email}}?',
      body: 'Il link nell’e-mail smette subito di funzionare. Potrà invitare di nuovo l’indirizzo in seguito.',
      yes: 'Revoca',
      no: 'Annulla',
    },
  },
  invite: {
    title: 'Invita una persona',
    intro: 'Riceverà un’e-mail con il Suo nome e {{organization}}, con un link valido per 7 giorni.',
    email: 'Indirizzo e-mail',
    role: 'Ruolo',
    language: 'Lingua dell’e-mail',
    submit: 'Invia l’invito',
  },
  done: {
    invited: 'Invito inviato a {{email}}.',
    resent: 'Invito inviato di nuovo con un nuovo link; il link precedente non funziona più.',
    revoked: 'Invito revocato: il suo link non funziona più.',
    role: 'Ruolo modificato.',
    deactivated: 'Utente disattivato: le sue sessioni e i suoi token API sono stati interrotti.',
    reactivated: 'Utente riattivato. Accede con la sua password; i vecchi token API restano revocati.',
  },
  error: {
    email: 'Inserisca un indirizzo e-mail valido.',
    role: 'Scelga uno dei ruoli proposti.',
    memberExists: 'Questo indirizzo appartiene già a un utente di questa organizzazione.',
    invitationExists: 'Questo indirizzo ha già un invito ancora valido: lo invii di nuovo.',
    lastAdmin:
      'Un’organizzazione mantiene almeno un amministratore attivo: nomini prima un altro amministratore.',
    self: 'Non può modificare il proprio ruolo né disattivare se stesso: si rivolga a un altro amministratore.',
    invalidAction: 'Questa operazione non è più possibile: l’elenco qui sotto mostra lo stato attuale.',
  },
  refusal: {
    admins: 'Amministratori della Sua organizzazione',
    adminsIntro:
      'La persona che ha effettuato questo ordine non ha più un account attivo. Si rivolga a uno dei Suoi amministratori:',
  },
  accept: {
    title: 'Invito',
    heading: 'Entri in {{organization}} su {{brand}}',
    intro: '{{inviter}} La invita a entrare in {{organization}} come {{role}}.',
    email: 'Il Suo indirizzo e-mail',
    name: 'Il Suo nome',
    password: 'Scelga una password',
    passwordHint: 'Almeno {{min}} caratteri.',
    confirm: 'Ripeta la password',
    submit: 'Accetta e accedi',
    expiresAt: 'Questo link è valido fino al {{expiresAt}}.',
    error: {
      name: 'Inserisca il Suo nome.',
      passwordShort: 'La password deve avere almeno {{min}} caratteri.',
      passwordLong: 'La password può avere al massimo {{max}} caratteri.',
      confirm: 'Le due password non coincidono.',
    },
    taken: {
      heading: 'Questo indirizzo ha già un account',
      text: '{{email}} ha già un account {{brand}}, quindi non può accettare questo invito in {{organization}}. Contatti {{inviter}}, che L’ha invitata:',
      signIn: 'Acceda con il Suo account',
    },
    dead: {
      heading: 'Questo link di invito non funziona più',
      unknown:
        'Questo link non è valido: potrebbe essere stato sostituito da un’e-mail di invito più recente. Usi l’e-mail più recente o si rivolga a chi L’ha invitata.',
      used: 'Questo invito è già stato accettato. Acceda con l’account che ha creato.',
      revoked:
        'Questo invito è stato ritirato. Se ha ancora bisogno di accedere, si rivolga a chi L’ha invitata.',
      signIn: 'Accedi',
    },
    expired: {
      heading: 'Questo invito è scaduto',
      text: 'I link di invito sono validi per 7 giorni. {{inviter}} L’ha invitata a entrare in {{organization}}; possiamo inviare un nuovo invito a {{email}}.',
      submit: 'Mi invii un nuovo invito',
    },
    renewed: {
      heading: 'Controlli la Sua e-mail',
      text: 'Se questo invito può essere rinnovato, un’e-mail con un nuovo link è in arrivo all’indirizzo invitato. Il vecchio link non funziona più.',
    },
    rateLimited: 'Troppe richieste per questo link. Riprovi tra {{count}} minuti.',
  },
};
