/** Italian words of what needs the partner: closing soon, delivery problems (namespace `workspace`, key `attention`). */
export const attentionIt = {
  earliestClose: 'Prima chiusura: {{at}}',
  closesIn_one: 'si chiude tra {{count}} giorno',
  closesIn_other: 'si chiude tra {{count}} giorni',
  closesNow: 'in chiusura ora',
  closing: 'Chiusura',
  closingAny: 'In qualsiasi momento',
  closingWithin_one: 'Entro {{count}} giorno',
  closingWithin_other: 'Entro {{count}} giorni',
  deliveryProblemOnly: 'Solo problemi di consegna',
  sort: 'Ordina per',
  sortNewest: 'Più recenti prima',
  sortClosesAt: 'Chiusura più vicina prima',
  badge: 'Problema di consegna',
  bounced: 'L’e-mail a {{email}} è stata respinta',
  failed: 'Non è stato possibile consegnare l’e-mail a {{email}}',
  changeContact: 'modifichi il contatto',
  lines: 'Righe: {{ids}}',
  resendWarning:
    'Un nuovo invio andrebbe allo stesso indirizzo e molto probabilmente non arriverebbe neppure questa volta. Verifichi l’indirizzo e modifichi invece il contatto.',
  editContact: 'Modifica contatto',
};
