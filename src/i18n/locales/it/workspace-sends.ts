/** Italian words of provisioning e-mail sends: what each status means, what a notice says, bulk previews (namespace `workspace`). */
import type { bulkPreviewEn, sendExplainEn, sendNoticeEn } from '../en/workspace-sends.js';

export const sendExplainIt: Record<keyof typeof sendExplainEn, string> = {
  queued:
    'In attesa nella nostra coda di essere consegnata al server di posta, di solito entro un minuto. Se l’indirizzo ha già ricevuto la sua quota di e-mail in quest’ora, attende la fine dell’ora («In attesa» nella cronologia).',
  sent: 'Il server di posta del destinatario l’ha accettata; un rapporto di consegna la lascia «Inviata». Se non è nella casella, chieda al contatto di guardare nello spam e nella quarantena.',
  failed:
    'Il server di posta l’ha rifiutata, o non è stato raggiungibile dopo vari tentativi. Verifichi l’indirizzo: cambi il contatto, o invii di nuovo quando è corretto.',
  bounced:
    'Il server di posta del destinatario l’ha respinta, per esempio perché la casella non esiste. Inviarla di nuovo allo stesso indirizzo non serve: cambi il contatto.',
  superseded:
    'Un’e-mail più recente (un nuovo invio o un cambio di contatto) l’ha sostituita prima che partisse, quindi il suo link non è mai stato inviato.',
  withdrawn: 'L’ordine è stato configurato prima che questa e-mail partisse, quindi non è stata inviata.',
  more: 'Che cosa significano gli stati',
};

export const sendNoticeIt: Record<keyof typeof sendNoticeEn, string> = {
  queued_one: 'L’e-mail di provisioning è in coda per {{emails}}: sarà inviata a breve.',
  queued_other:
    'Le {{count}} e-mail di provisioning sono state messe in coda per {{emails}}: saranno inviate a breve.',
  sent_one: 'L’e-mail di provisioning è stata inviata a {{emails}}.',
  sent_other: 'Le {{count}} e-mail di provisioning sono state inviate a {{emails}}.',
  bounced_one: 'L’e-mail di provisioning a {{emails}} è stata respinta.',
  bounced_other: 'Le {{count}} e-mail di provisioning a {{emails}} sono state respinte.',
  failed_one: 'L’e-mail di provisioning a {{emails}} non è stata consegnata.',
  failed_other: 'Le {{count}} e-mail di provisioning a {{emails}} non sono state consegnate.',
  withdrawn_one: 'L’e-mail di provisioning a {{emails}} è stata ritirata prima di partire.',
  withdrawn_other: 'Le {{count}} e-mail di provisioning a {{emails}} sono state ritirate prima di partire.',
};

export const bulkPreviewIt: Record<keyof typeof bulkPreviewEn, string> = {
  refusedTitle_one: '{{count}} riga selezionata sarà rifiutata',
  refusedTitle_other: '{{count}} righe selezionate saranno rifiutate',
  refusedIntro: 'Su queste righe non viene fatto nulla; per ognuna è indicato il motivo.',
  goingTitle_one: '{{count}} riga procederà',
  goingTitle_other: '{{count}} righe procederanno',
  noneGoing: 'Nessuna delle righe selezionate può ricevere questa azione: non c’è nulla da confermare.',
  why: 'Motivo',
  goneTitle: 'Risultati di un’azione multipla',
  gone: 'Questi risultati non sono più disponibili (sono conservati per un’ora, nel browser che li ha chiesti). Nulla è stato rifatto.',
};
