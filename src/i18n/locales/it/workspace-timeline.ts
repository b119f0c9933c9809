/** Italian words of a line's timeline (namespace `workspace`, key `timeline`): exactly the English keys. */
import type { Widen } from '../../widen.js';
import type { timelineEn } from '../en/workspace-timeline.js';

export const timelineIt: Widen<typeof timelineEn> = {
  title: 'Cronologia',
  by: 'da {{actor}}',
  orderPlaced: 'Ordine effettuato',
  lineCreated: 'Riga creata: {{quantity}} × {{offerCode}}, data di inizio richiesta {{rsd}}',
  queued: {
    rsd: 'Data di inizio richiesta raggiunta: e-mail di provisioning a {{to}}',
    resend: 'E-mail di provisioning inviata di nuovo a {{to}}',
    contact_change: 'E-mail di provisioning al nuovo contatto {{to}}',
    reminder: 'Promemoria a {{to}}',
  },
  delivery: {
    waiting:
      'In attesa: {{to}} ha ricevuto {{limit}} e-mail nell’ultima ora; questa verrà inviata il {{until}}',
    sent: 'E-mail a {{to}} consegnata al server di posta',
    delivered: 'E-mail a {{to}} recapitata',
    failed: 'Non è stato possibile inviare l’e-mail a {{to}}',
    bounced: 'E-mail a {{to}} respinta',
    withdrawn: 'E-mail a {{to}} ritirata: la configurazione dell’ordine è stata completata prima dell’invio',
  },
  contactChanged: 'Contatto di provisioning cambiato da {{from}} a {{to}}',
  contactChangedAll: 'Contatto di provisioning cambiato da {{from}} a {{to}} (applicato a tutte le righe)',
  contactChangedBySupport: 'Il supporto ha cambiato il contatto di provisioning da {{from}} a {{to}}',
  contactDelegated: '{{from}} ha affidato la configurazione a {{to}}, il nuovo contatto di provisioning',
  lineClosed: 'Chiusa prima della configurazione: provisioning ancora in sospeso',
  lineCancelled: 'Riga annullata',
  lineCancelledBecause: 'Riga annullata: {{reason}}',
  orderMapped: 'Ordine collegato a un’organizzazione cliente (punto di non ritorno)',
  orderMappedByPartner:
    'Ordine collegato a una nuova organizzazione cliente dal partner {{partner}} ({{user}}) per conto del cliente (punto di non ritorno)',
  lineProvisioned: 'Predisposta',
  unknown: 'Evento registrato in un formato precedente',
};
