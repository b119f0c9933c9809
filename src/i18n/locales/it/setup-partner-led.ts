/** Italian words of partner-led setup (namespace `setup`, key `partnerLed`): the English keys; formal (Lei). */
import type { Widen } from '../../widen.js';
import type { partnerLedEn } from '../en/setup-partner-led.js';

export const partnerLedIt: Widen<typeof partnerLedEn> = {
  choice: 'Quest’ordine è per un cliente: lo configuri per conto del cliente',
  choiceHint:
    'Lei è un utente di {{partner}}, che ha effettuato quest’ordine. Crea l’organizzazione del cliente e indica chi la amministrerà, che riceverà un invito via e-mail; Lei non ne diventa amministratore.',
  heading: 'Configuri per conto del cliente',
  intro:
    'Crei l’organizzazione di {{endCustomerName}} e indichi la persona che la amministrerà. Per aggiungere l’ordine a un’organizzazione già esistente serve l’approvazione dei suoi amministratori: in tal caso chieda a una persona del cliente di configurarlo.',
  organizationName: 'Nome dell’organizzazione',
  country: 'Paese',
  countryHint: 'Il paese determina la regione dei dati, che non potrà essere cambiata in seguito.',
  adminHeading: 'L’amministratore del cliente',
  adminName: 'Nome',
  adminEmail: 'Indirizzo e-mail',
  adminLanguage: 'Lingua dell’invito',
  continue: 'Riepilogo',
  reviewHeading: 'Verifichi e confermi',
  reviewIntro: 'Controlli i dati: la conferma non può essere annullata.',
  setUpBy: 'Configurato da',
  setUpByValue: '{{user}}, {{partner}}',
  administrator: 'Amministratore (invitato via e-mail)',
  warning_one:
    'Confermando, l’abbonamento dell’ordine {{webOrderId}} viene collegato alla nuova organizzazione {{organization}}. L’operazione è definitiva: non sarà più possibile reinviare l’ordine né cambiarne il referente. Registriamo che la configurazione è stata eseguita da {{partner}}.',
  warning_other:
    'Confermando, i {{count}} abbonamenti dell’ordine {{webOrderId}} vengono collegati alla nuova organizzazione {{organization}}. L’operazione è definitiva: non sarà più possibile reinviare l’ordine né cambiarne il referente. Registriamo che la configurazione è stata eseguita da {{partner}}.',
  confirm: 'Conferma e invita l’amministratore',
  edit: 'Modifica',
  doneHeading: 'L’ordine è configurato',
  doneIntro:
    'L’ordine {{webOrderId}} è ora collegato a {{organization}}, con i dati nella regione {{dataRegion}}.',
  doneInvited:
    'Abbiamo inviato un invito a {{email}}. Una volta accettato, potrà amministrare l’organizzazione nel portale di amministrazione.',
  errors: {
    organizationName: 'Inserisca il nome dell’organizzazione (massimo 200 caratteri).',
    country: 'Scelga un paese.',
    adminName: 'Inserisca il nome dell’amministratore (massimo 200 caratteri, senza < o >).',
    adminEmail: 'Inserisca l’indirizzo e-mail dell’amministratore.',
    adminSelf:
      'Indichi una persona del cliente: questo indirizzo appartiene a Lei o alla Sua organizzazione.',
  },
};
