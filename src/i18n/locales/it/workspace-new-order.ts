/** Italian words of the new-order page (namespace `workspace`, key `newOrder`): the English keys. */
import type { Widen } from '../../widen.js';
import type { newOrderEn } from '../en/workspace-new-order.js';

export const newOrderIt: Widen<typeof newOrderEn> = {
  title: 'Nuovo ordine',
  link: 'Nuovo ordine',
  intro:
    'Ogni riga parte come Prenotata; il suo contatto riceve l’e-mail di provisioning alla data di inizio richiesta.',
  order: 'Ordine',
  webOrderId: 'Web order id',
  webOrderIdHint: 'Il Suo riferimento per questo ordine: lettere, cifre, punto, trattino e trattino basso.',
  endCustomerName: 'Cliente finale',
  rsd: 'Data di inizio richiesta',
  distributor: 'Distributore',
  noDistributor: 'Nessuno (ordine diretto)',
  lines: 'Righe',
  linesHint: 'Compili una riga per offerta; le righe vuote vengono ignorate.',
  line: 'Riga {{n}}',
  offer: 'Offerta',
  chooseOffer: 'Scelga un’offerta',
  quantity: 'Quantità',
  contactName: 'Nome del contatto',
  contactEmail: 'E-mail del contatto',
  contactLanguage: 'Lingua delle e-mail',
  place: 'Invia l’ordine',
  import: {
    title: 'Importa ordini',
    link: 'Importa ordini',
    intro:
      'Carichi un file CSV (una riga per riga d’ordine, con le colonne qui sotto) o un file JSON (un array di ordini come la richiesta dell’API). Ogni riga viene controllata prima.',
    columns: 'Colonne CSV: {{columns}}',
    file: 'File (CSV o JSON)',
    mode: 'Se alcune righe hanno problemi',
    allOrNothing: 'Non importare nulla (tutto o niente)',
    partial: 'Importa gli ordini validi',
    submit: 'Verifica e importa',
    noFile: 'Scelga un file CSV o JSON.',
    summary: 'Nel file — ordini: {{orders}}, righe: {{lines}}.',
    imported: 'Importati — ordini: {{orders}}, righe: {{lines}}.',
    nothingImported:
      'Non è stato importato nulla: corregga le righe qui sotto e carichi di nuovo il file, oppure scelga «Importa gli ordini validi».',
    errorsTitle: 'Problemi per riga',
    col: { line: 'Riga', webOrderId: 'Web order id', field: 'Campo', problem: 'Problema' },
  },
  error: {
    required: 'Il campo «{{field}}» è obbligatorio.',
    email: 'Inserisca un indirizzo e-mail valido, ad esempio nome@esempio.it.',
    characters: 'Il campo «{{field}}» non può contenere a capo, caratteri di controllo o < >.',
    date: 'Il campo «{{field}}» richiede una data nel formato AAAA-MM-GG.',
    past: 'Il campo «{{field}}» non può essere nel passato (oggi è il {{today}}).',
    wholeNumber: 'Il campo «{{field}}» deve essere un numero intero.',
    quantityRange: 'Il campo «{{field}}» deve essere tra 1 e 1.000.000.',
    tooLong: 'Il campo «{{field}}» può contenere al massimo {{max}} caratteri.',
    webOrderIdCharacters:
      'Il campo «{{field}}» può contenere lettere, cifre, punto, trattino e trattino basso.',
    unknownOffer: 'Scelga un’offerta dal catalogo.',
    retiredOffer: 'L’offerta {{offerCode}} è ritirata: ne scelga un’altra.',
    unknownDistributor: 'Scelga un distributore dall’elenco.',
    alreadyExists: 'Esiste già un ordine con questo web order id.',
    twiceInFile: 'Questo web order id compare due volte nel file.',
    atLeastOneLine: 'Un ordine richiede almeno una riga: compili una riga qui sotto.',
  },
};
