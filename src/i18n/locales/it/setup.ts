/** Italian strings of the setup wizard and admin portal (namespace `setup`): exactly the English keys; the reader is addressed formally (Lei). */
import type { Widen } from '../../widen.js';
import type { setupEn } from '../en/setup.js';
import { partnerLedIt } from './setup-partner-led.js';

export const setupIt: Widen<typeof setupEn> = {
  title: 'Configuri il servizio',
  orderLine: 'Ordine {{webOrderId}} per {{endCustomerName}}, effettuato da {{partnerName}}',
  deadline: 'Termine per completare la configurazione: {{deadline}}.',
  steps: {
    label: 'Passaggi della configurazione',
    who: 'Chi configura',
    organization: 'Organizzazione',
    country: 'Paese e regione dei dati',
    review: 'Riepilogo e conferma',
    done: 'completato',
  },
  lines: {
    caption: "Abbonamenti dell'ordine {{webOrderId}}",
    subscription: 'Abbonamento',
    offer: 'Offerta',
    licences: 'Licenze',
  },
  back: 'Indietro',
  continue: 'Continua',
  who: {
    heading: 'Chi configurerà il servizio?',
    greeting: 'Gentile {{name}},',
    intro:
      "{{partnerName}} ha ordinato gli abbonamenti qui sotto per {{endCustomerName}} e ha indicato Lei come contatto di provisioning. La configurazione richiede pochi minuti: sceglierà l'organizzazione che li userà e il paese in cui ne saranno conservati i dati.",
    introDelegated:
      "{{delegatedBy}} Le ha chiesto di configurare gli abbonamenti qui sotto, che {{partnerName}} ha ordinato per {{endCustomerName}}: ora è Lei il contatto di provisioning. La configurazione richiede pochi minuti: sceglierà l'organizzazione che li userà e il paese in cui ne saranno conservati i dati.",
    self: 'Configurerò io il servizio',
    other: "Un'altra persona della mia azienda configurerà il servizio",
    otherHint: 'Riceverà un proprio link via e-mail; questo link smetterà di funzionare.',
  },
  delegate: {
    heading: 'Chi configurerà il servizio?',
    intro:
      'Ci indichi chi configurerà il servizio. Invieremo per e-mail un link di configurazione personale per gli abbonamenti che Lei gestisce, e questo link smetterà di funzionare.',
    name: 'Nome della persona',
    email: 'Indirizzo e-mail della persona',
    language: "Lingua dell'e-mail",
    submit: 'Invia il link di configurazione',
    doneHeading: 'Abbiamo scritto a {{name}}',
    doneText:
      'Abbiamo inviato un link di configurazione a {{email}}: ora è questa persona il contatto di provisioning per gli abbonamenti che Lei gestiva. Il Suo link non funziona più, quindi può chiudere questa pagina.',
    errors: {
      name: 'Inserisca il nome.',
      email: 'Inserisca un indirizzo e-mail valido.',
      self: 'Questo è il Suo indirizzo. Per configurare il servizio personalmente, torni indietro e scelga «Configurerò io il servizio».',
    },
  },
  organization: {
    heading: 'Quale organizzazione userà il servizio?',
    yours: 'La Sua organizzazione',
    yoursHint:
      'Lei è amministratore di questa organizzazione, quindi gli abbonamenti saranno aggiunti a essa.',
    suggested: 'Organizzazioni della Sua azienda che usano già {{brand}}',
    suggestedHint:
      'Queste organizzazioni hanno un nome simile a {{endCustomerName}} e un amministratore con un indirizzo e-mail di {{domain}}.',
    createNew: 'Crea una nuova organizzazione',
    newName: 'Nome della nuova organizzazione',
    facts: '{{country}} · regione dei dati {{dataRegion}}',
    created: 'Creata il {{date}}',
    activeSubscriptions_one: '{{count}} abbonamento attivo',
    activeSubscriptions_other: '{{count}} abbonamenti attivi',
    administrators_one: '{{count}} amministratore',
    administrators_other: '{{count}} amministratori',
    factsNotSet: 'regione dei dati non ancora impostata',
    otherAccount:
      "L'indirizzo {{email}} appartiene a un utente di un partner o di un distributore, non a una persona di {{endCustomerName}}. Chieda a una persona di {{endCustomerName}} di configurare il servizio.",
    errors: {
      choose: "Scelga un'organizzazione.",
      name: 'Inserisca il nome della nuova organizzazione (fino a 200 caratteri).',
      characters: 'Un nome non può contenere a capo, caratteri di controllo o < >.',
      notOffered: "Quell'organizzazione non può essere scelta qui. Ne scelga una dell'elenco.",
      pending:
        'Un altro contatto di provisioning di questo ordine attende che un’organizzazione approvi la sua richiesta. Si rivolga a questa persona, oppure crei una nuova organizzazione.',
    },
  },
  country: {
    heading: 'Dove devono essere conservati i dati di {{name}}?',
    intro:
      "Il paese dell'organizzazione determina la sua regione dei dati, cioè dove sono conservati i suoi dati. Non potrà essere modificato in seguito.",
    label: 'Paese',
    choose: 'Scelga un paese',
    option: '{{country}} — regione dei dati {{dataRegion}}',
    errors: { country: 'Scelga un paese.' },
    filter: "Cerchi nell'elenco",
    filterHint: "Scriva parte del nome di un paese per accorciare l'elenco.",
  },
  review: {
    heading: 'Riepilogo e conferma',
    intro:
      "Controlli i dati qui sotto. Alla conferma, gli abbonamenti vengono collegati all'organizzazione. L'operazione non è reversibile.",
    organization: 'Organizzazione',
    newOrganization: '{{name}} (nuova organizzazione)',
    country: 'Paese',
    dataRegion: 'Regione dei dati',
    immutable: 'Definitiva: la regione dei dati non potrà essere modificata.',
    confirmedBy: 'Il Suo nome',
    email: 'Il Suo indirizzo e-mail',
    confirm: 'Conferma e configura',
    change: "Cambia l'organizzazione",
    dialogTitle: 'Confermare la configurazione?',
    dialogText_one:
      "L'abbonamento dell'ordine {{webOrderId}} sarà collegato a {{organization}}. L'operazione non è reversibile.",
    dialogText_other:
      "I {{count}} abbonamenti dell'ordine {{webOrderId}} saranno collegati a {{organization}}. L'operazione non è reversibile.",
    dialogYes: 'Sì, configura',
    dialogNo: 'Annulla',
    errors: { name: 'Inserisca il Suo nome (fino a 200 caratteri).' },
  },
  done: {
    heading: "Grazie. L'ordine è stato configurato correttamente.",
    intro:
      "Gli abbonamenti dell'ordine {{webOrderId}} ora appartengono a {{organization}} (regione dei dati {{dataRegion}}).",
    nextWelcome:
      "Prossimo passo: controlli la posta. Abbiamo inviato un'e-mail di benvenuto a {{email}} con un link per scegliere la password. Poi acceda al portale di amministrazione per gestire l'organizzazione.",
    nextSignIn: "Prossimo passo: acceda al portale di amministrazione per gestire l'organizzazione.",
    adminPortal: 'Apra il portale di amministrazione',
  },
  dead: {
    heading: 'Questo link di configurazione non funziona più',
    reason: {
      resend:
        "Per questo ordine è stata inviata un'e-mail di provisioning più recente, che ha sostituito questo link. Usi il link dell'e-mail più recente.",
      contact_change:
        "{{partnerName}}, che ha effettuato l'ordine, ha indicato un'altra persona come contatto di provisioning per questa configurazione, quindi questo link non funziona più.",
      delegated:
        'Ha affidato questa configurazione a un collega, che ha ricevuto un proprio link: questo link non funziona più.',
      cancelled: "L'abbonamento a cui si riferiva questo link è stato annullato.",
      expired: 'Questo link è scaduto.',
      revoked: 'Questo link è stato sostituito da uno più recente.',
      used: 'Questo link è già stato usato.',
      mapped: 'Questo ordine è già configurato.',
      unknown: "Non riconosciamo questo link. Controlli di aver copiato l'indirizzo completo dall'e-mail.",
    },
    handedOverHelp: 'Non deve fare altro: può chiudere questa pagina.',
    unknownHelp: "Se non trova l'e-mail, chieda all'azienda che ha effettuato l'ordine di inviarla di nuovo.",
    newLinkHeading: 'Mi invii un nuovo link',
    newLinkIntro:
      'Se Lei è il contatto di provisioning di questo ordine, inserisca il Suo indirizzo e-mail e Le invieremo un nuovo link.',
    email: 'Il Suo indirizzo e-mail',
    submit: 'Mi invii un nuovo link',
    sentHeading: 'Controlli la posta',
    sent: "Se questo indirizzo è il contatto di provisioning di questo ordine e l'ordine è ancora da configurare, gli abbiamo inviato un nuovo link di configurazione. Può richiedere qualche minuto; controlli anche la cartella della posta indesiderata.",
    askPartner:
      "Ancora nulla dopo un po'? Chieda all'azienda che ha effettuato l'ordine di inviare di nuovo l'e-mail o di cambiare il contatto di provisioning.",
    retryAfter_one: 'Riprovi tra {{count}} minuto.',
    retryAfter_other: 'Riprovi tra {{count}} minuti.',
  },
  joinReview: {
    heading: 'La Sua richiesta di accesso a {{organization}}',
    notice:
      '{{organization}} esiste già e Lei non è tra i suoi amministratori. La conferma non configura ancora l’ordine: invia ai suoi amministratori una richiesta di accesso a {{organization}}.',
    after:
      'Quando uno di loro approva, gli abbonamenti vengono collegati a {{organization}} e Lei entra tra i suoi amministratori. Se rifiutano, o se nessuno risponde entro 7 giorni, La avvisiamo via e-mail e potrà scegliere un’altra organizzazione o crearne una nuova.',
    confirm: 'Chieda di entrare in {{organization}}',
    dialogTitle: 'Inviare la richiesta di accesso?',
    dialogText:
      'Scriveremo agli amministratori di {{organization}} chiedendo di approvare la Sua richiesta. Nulla viene configurato finché uno di loro non approva.',
    dialogYes: 'Sì, invii la richiesta',
  },
  waiting: {
    heading: 'In attesa dell’approvazione dell’organizzazione',
    text: 'Il {{requestedAt}} ha chiesto di entrare in {{organization}} con l’ordine {{webOrderId}}. Abbiamo scritto ai suoi amministratori; l’ordine viene configurato non appena uno di loro approva.',
    expires: 'Se nessuno risponde, la richiesta scade il {{expiresAt}} e La avvisiamo via e-mail.',
    change:
      'Ha cambiato idea? Può scegliere un’altra organizzazione o crearne una nuova: la richiesta viene allora ritirata.',
    changeLink: 'Scelga un’altra organizzazione',
  },
  join: {
    title: 'Richiesta di accesso a {{organization}}',
    intro:
      '{{contact}} chiede di entrare in {{organization}}: l’ha scelta durante la configurazione dell’ordine {{webOrderId}}, effettuato da {{partnerName}} per {{endCustomerName}}.',
    consequence:
      'Se approva, questi abbonamenti vengono aggiunti a {{organization}} e {{contactName}} entra tra i suoi amministratori: vedrà tutti i suoi abbonamenti. Non è possibile annullare questa operazione da qui.',
    expires: 'Senza risposta, la richiesta scade il {{expiresAt}}.',
    approve: 'Approva',
    decline: 'Rifiuta',
    approveHeading: 'Approvare la richiesta',
    declineHeading: 'Rifiutare la richiesta',
    declineHelp:
      'Avviseremo {{contactName}} che la richiesta è stata rifiutata; potrà scegliere un’altra organizzazione o crearne una nuova.',
    approved:
      'Approvata. L’ordine {{webOrderId}} è ora collegato a {{organization}} e {{contactName}} è tra i suoi amministratori; abbiamo inviato un’e-mail a questa persona.',
    declined: 'Rifiutata. Abbiamo avvisato {{contactName}}; l’ordine {{webOrderId}} non è configurato.',
    deadHeading: 'Questo link non funziona più',
    dead: {
      used: 'Questa richiesta ha già ricevuto una risposta, oppure questo link è già stato usato.',
      expired: 'Questa richiesta è scaduta senza risposta.',
      revoked:
        'Non è più possibile rispondere a questa richiesta: l’ordine ha ora un altro contatto di provisioning, oppure Lei non è più tra gli amministratori.',
      unknown: "Non riconosciamo questo link. Controlli di aver copiato l'indirizzo completo dall'e-mail.",
    },
  },
  mapped: {
    heading: 'Questo ordine è già configurato',
    text: "Gli abbonamenti di questo ordine sono già stati collegati a un'organizzazione. I suoi amministratori li gestiscono nel portale di amministrazione.",
    adminPortal: 'Apra il portale di amministrazione',
  },
  admin: {
    heading: 'Portale di amministrazione',
    organization: 'Organizzazione',
    country: 'Paese',
    dataRegion: 'Regione dei dati',
    dataRegionFixed: "Definita alla configurazione dell'organizzazione; non può essere modificata.",
    notSet: 'Non impostata',
    partners: 'Il Suo partner',
    placedBy: 'Ordini effettuati da {{name}} <{{email}}>',
    distributor: 'Distributore',
    licences: 'Licenze',
    licencesCaption: 'Licenze per offerta',
    subscriptions: 'Abbonamenti',
    subscriptionsCaption: 'Abbonamenti di {{organization}}',
    order: 'Ordine',
    status: 'Stato',
    since: 'Configurato il',
    partner: 'Partner',
    empty: 'Alla Sua organizzazione non è ancora collegato alcun abbonamento.',
    noAccess: 'Il portale di amministrazione è riservato agli amministratori delle organizzazioni clienti.',
  },
  region: {
    'North America': 'America del Nord',
    Europe: 'Europa',
    'Asia-Pacific': 'Asia-Pacifico',
    'South America': 'America del Sud',
  },
  partnerLed: partnerLedIt,
};
