/** Italian, exactly the English keys: the admin portal's administration (namespace `portal`). */
import type { Widen } from '../../widen.js';
import type { portalEn } from '../en/portal.js';

export const portalIt: Widen<typeof portalEn> = {
  administrators: {
    title: 'Amministratori',
    intro:
      'Tutte le persone che amministrano {{organization}}. Ognuna può invitare un altro amministratore o rimuoverne uno; l’organizzazione ne conserva sempre almeno uno.',
    caption: 'Amministratori di {{organization}}',
    col: { name: 'Nome', email: 'E-mail', since: 'Amministratore dal', actions: 'Azioni' },
    you: '(Lei)',
    remove: 'Rimuova',
    removeLabel: 'Rimuova {{name}}',
    removeConfirm: {
      title: 'Rimuovere {{name}} dagli amministratori?',
      body: '{{name}} ({{email}}) viene disconnesso subito e non può più accedere al portale di amministrazione. Gli abbonamenti dell’organizzazione non cambiano.',
      yes: 'Rimuova',
      no: 'Annulla',
    },
    removeSelfConfirm: {
      title: 'Rimuovere se stesso dagli amministratori?',
      body: 'Verrà disconnesso subito e non potrà più accedere al portale di amministrazione. Gli altri amministratori continueranno a gestire {{organization}}.',
    },
    onlyOne:
      'Lei è l’unico amministratore: ne inviti un altro, così {{organization}} non resta mai senza amministratori.',
  },
  invite: {
    title: 'Invita un altro amministratore',
    intro:
      'Riceverà un’e-mail che nomina Lei e {{organization}}, con un link utilizzabile una sola volta, per 7 giorni.',
    submit: 'Invii l’invito',
  },
  invitations: {
    title: 'Inviti non ancora accettati',
    caption: 'Inviti ad amministrare {{organization}}',
    col: { email: 'E-mail', status: 'Stato', expires: 'Link valido fino al', actions: 'Azioni' },
  },
  done: {
    invited: 'Invito inviato a {{email}}.',
    removed: 'Amministratore rimosso: non può più accedere.',
    resent: 'Invito inviato di nuovo con un nuovo link; il link precedente non funziona più.',
    revoked: 'Invito revocato: il suo link non funziona più.',
  },
  error: {
    memberExists: 'Questo indirizzo appartiene già a un amministratore della Sua organizzazione.',
  },
  orders: {
    title: 'Ordini',
    caption: 'Ordini collegati a {{organization}}',
    col: { order: 'Ordine', partner: 'Partner', mapped: 'Configurato il', lines: 'Righe di abbonamento' },
    lineCount: '{{count}} {{status}}',
  },
  trail: {
    title: 'Attività',
    intro: 'Cosa è successo alla Sua organizzazione, dal più recente (gli ultimi {{limit}} eventi).',
    caption: 'Attività di {{organization}}',
    col: { when: 'Quando', who: 'Chi', what: 'Cosa', about: 'Riguarda' },
    empty: 'Non è ancora successo nulla.',
    order: 'Ordine {{webOrderId}}',
    actions: {
      order: { mapped: 'Ordine collegato all’organizzazione' },
      invitation: { created: 'Amministratore invitato', accepted: 'Entrato come amministratore' },
      user: { removed: 'Amministratore rimosso' },
    },
  },
};
