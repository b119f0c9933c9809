/** Italian words of a large order import running in the background (namespace `workspace`, key `importJob`). */
export const importJobIt = {
  title: 'Importazione degli ordini',
  progressLabel: 'Righe elaborate',
  rows: '{{done}} di {{total}} righe',
  queued: 'Controllo di tutte le righe: nulla viene scritto prima che l’intero file sia controllato.',
  importing: 'Scrittura degli ordini in corso.',
  allOrNothing: 'Tutto o niente: nessun ordine viene importato se non sono valide tutte le righe.',
  partial: 'Importazione degli ordini validi: le righe con problemi vengono elencate al termine.',
  goesOn:
    'Questa pagina si aggiorna da sola. Può lasciarla: l’importazione prosegue, e questa pagina ne mostra il risultato.',
  doneTitle: 'Importazione completata',
  failedTitle: 'Importazione interrotta',
  failed:
    'L’importazione si è interrotta prima della fine. Ciò che è stato importato resta; il resto non è stato scritto.',
  another: 'Importi un altro file',
};
