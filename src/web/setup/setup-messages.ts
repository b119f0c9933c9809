/**
 * Strings of the setup wizard and admin portal (namespace `setup`), English and Italian with the
 * same keys (the type of `it` insists). Italian addresses the reader formally (Lei).
 */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en = {
  title: 'Set up your service',
  orderLine: 'Order {{webOrderId}} for {{endCustomerName}}, placed by {{partnerName}}',
  steps: {
    label: 'Setup steps',
    who: 'Who sets it up',
    organization: 'Organization',
    country: 'Country and data region',
    review: 'Review and confirm',
    done: 'done',
  },
  lines: {
    caption: 'Subscriptions in order {{webOrderId}}',
    subscription: 'Subscription',
    offer: 'Offer',
    licences: 'Licences',
  },
  back: 'Back',
  continue: 'Continue',
  who: {
    heading: 'Who will set up the service?',
    greeting: 'Hello {{name}},',
    intro:
      '{{partnerName}} has ordered the subscriptions below for {{endCustomerName}} and named you as the provisioning contact. Setting them up takes a few minutes: you choose the organization that will use them and the country where its data is stored.',
    self: 'I will set up the service',
    other: 'Another person in my company will set up',
    otherHint: 'They get their own link by e-mail; this link then stops working.',
  },
  delegate: {
    heading: 'Who will set up the service?',
    intro:
      'Tell us who will set up the service. We will e-mail them their own setup link for the subscriptions you handle, and this link will stop working.',
    name: 'Their name',
    email: 'Their e-mail address',
    language: 'Language of their e-mail',
    submit: 'Send them the setup link',
    doneHeading: 'We have e-mailed {{name}}',
    doneText:
      'We sent a setup link to {{email}}: they are now the provisioning contact for the subscriptions you handled. Your link no longer works, so you can close this page.',
    errors: {
      name: 'Enter their name.',
      email: 'Enter a valid e-mail address.',
      self: 'That is your own address. To set up the service yourself, go back and choose “I will set up the service”.',
    },
  },
  languages: { en: 'English', it: 'Italiano' },
  organization: {
    heading: 'Which organization will use the service?',
    yours: 'Your organization',
    yoursHint: 'You are an administrator of this organization, so the subscriptions will be added to it.',
    suggested: 'Organizations of your company already using Onramp',
    suggestedHint:
      'These organizations have a name like {{endCustomerName}} and an administrator with an e-mail address at {{domain}}.',
    createNew: 'Create a new organization',
    newName: 'Name of the new organization',
    facts: '{{country}} · data region {{dataRegion}}',
    factsNotSet: 'data region not set yet',
    otherAccount:
      'The address {{email}} belongs to a user of a partner or distributor, not to someone at {{endCustomerName}}. Please ask a person at {{endCustomerName}} to set up the service.',
    errors: {
      choose: 'Choose an organization.',
      name: 'Enter the name of the new organization (up to 200 characters).',
      notOffered: 'That organization cannot be chosen here. Choose one of the list.',
    },
  },
  country: {
    heading: 'Where should the data of {{name}} be stored?',
    intro:
      'The country of the organization fixes its data region: where its data is stored. It cannot be changed later.',
    label: 'Country',
    choose: 'Choose a country',
    option: '{{country}} — data region {{dataRegion}}',
    errors: { country: 'Choose a country.' },
  },
  review: {
    heading: 'Review and confirm',
    intro:
      'Check the details below. When you confirm, the subscriptions are mapped to the organization. This cannot be undone.',
    organization: 'Organization',
    newOrganization: '{{name}} (new organization)',
    country: 'Country',
    dataRegion: 'Data region',
    immutable: 'Fixed: the data region cannot be changed later.',
    confirmedBy: 'Your name',
    email: 'Your e-mail address',
    confirm: 'Confirm and set up',
    change: 'Change the organization',
    dialogTitle: 'Confirm the setup?',
    dialogText_one:
      'The subscription of order {{webOrderId}} will be mapped to {{organization}}. This cannot be undone.',
    dialogText_other:
      'The {{count}} subscriptions of order {{webOrderId}} will be mapped to {{organization}}. This cannot be undone.',
    dialogYes: 'Yes, set up',
    dialogNo: 'Cancel',
    errors: { name: 'Enter your name (up to 200 characters).' },
  },
  done: {
    heading: 'Thank you. Your order has been mapped correctly.',
    intro:
      'The subscriptions of order {{webOrderId}} now belong to {{organization}} (data region {{dataRegion}}).',
    nextWelcome:
      'Next step: check your inbox. We have sent a welcome e-mail to {{email}} with a link to choose your password. Then sign in to the admin portal to manage your organization.',
    nextSignIn: 'Next step: sign in to the admin portal to manage your organization.',
    adminPortal: 'Go to the admin portal',
  },
  dead: {
    heading: 'This setup link no longer works',
    reason: {
      resend:
        'A newer provisioning e-mail was sent for this order, so this link was replaced. Please use the link in the most recent e-mail.',
      contact_change: 'The provisioning contact of this order was changed, so this link was replaced.',
      delegated: 'You asked a colleague to set up the service: they have received their own link.',
      cancelled: 'The subscription this link was for has been cancelled.',
      expired: 'This link has expired.',
      revoked: 'This link was replaced by a newer one.',
      used: 'This link has already been used.',
      mapped: 'This order is already set up.',
      unknown:
        'We do not recognise this link. Please check that you copied the whole address from the e-mail.',
    },
    unknownHelp: 'If you cannot find the e-mail, ask the company that placed your order to resend it.',
    newLinkHeading: 'Send me a new link',
    newLinkIntro:
      'If you are the provisioning contact of this order, enter your e-mail address and we will send you a new link.',
    email: 'Your e-mail address',
    submit: 'Send me a new link',
    sentHeading: 'Check your inbox',
    sent: 'If this address is the provisioning contact of this order and the order still awaits setup, we have sent it a new setup link. It can take a few minutes to arrive; please check your spam folder too.',
    askPartner:
      'Still nothing after a while? Ask the company that placed your order to resend the e-mail or to change the provisioning contact.',
    retryAfter_one: 'Please try again in {{count}} minute.',
    retryAfter_other: 'Please try again in {{count}} minutes.',
  },
  mapped: {
    heading: 'This order is already set up',
    text: 'The subscriptions of this order have already been mapped to an organization. Its administrators manage them in the admin portal.',
    adminPortal: 'Go to the admin portal',
  },
  admin: {
    heading: 'Admin portal',
    organization: 'Organization',
    country: 'Country',
    dataRegion: 'Data region',
    dataRegionFixed: 'Fixed when the organization was set up; it cannot be changed.',
    notSet: 'Not set',
    partners: 'Your partner',
    placedBy: 'Orders placed by {{name}} <{{email}}>',
    distributor: 'Distributor',
    licences: 'Licences',
    licencesCaption: 'Licences per offer',
    subscriptions: 'Subscriptions',
    subscriptionsCaption: 'Subscriptions of {{organization}}',
    order: 'Order',
    status: 'Status',
    since: 'Set up on',
    partner: 'Partner',
    empty: 'No subscriptions are mapped to your organization yet.',
    noAccess: 'The admin portal is for administrators of customer organizations.',
  },
  region: {
    'North America': 'North America',
    Europe: 'Europe',
    'Asia-Pacific': 'Asia-Pacific',
    'South America': 'South America',
  },
} as const;

const it: Shape<typeof en> = {
  title: 'Configuri il servizio',
  orderLine: 'Ordine {{webOrderId}} per {{endCustomerName}}, effettuato da {{partnerName}}',
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
  languages: { en: 'English', it: 'Italiano' },
  organization: {
    heading: 'Quale organizzazione userà il servizio?',
    yours: 'La Sua organizzazione',
    yoursHint:
      'Lei è amministratore di questa organizzazione, quindi gli abbonamenti saranno aggiunti a essa.',
    suggested: 'Organizzazioni della Sua azienda che usano già Onramp',
    suggestedHint:
      'Queste organizzazioni hanno un nome simile a {{endCustomerName}} e un amministratore con un indirizzo e-mail di {{domain}}.',
    createNew: 'Crea una nuova organizzazione',
    newName: 'Nome della nuova organizzazione',
    facts: '{{country}} · regione dei dati {{dataRegion}}',
    factsNotSet: 'regione dei dati non ancora impostata',
    otherAccount:
      "L'indirizzo {{email}} appartiene a un utente di un partner o di un distributore, non a una persona di {{endCustomerName}}. Chieda a una persona di {{endCustomerName}} di configurare il servizio.",
    errors: {
      choose: "Scelga un'organizzazione.",
      name: 'Inserisca il nome della nuova organizzazione (fino a 200 caratteri).',
      notOffered: "Quell'organizzazione non può essere scelta qui. Ne scelga una dell'elenco.",
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
  },
  review: {
    heading: 'Riepilogo e conferma',
    intro:
      "Controlli i dati qui sotto. Alla conferma, gli abbonamenti vengono mappati all'organizzazione. L'operazione non è reversibile.",
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
      "L'abbonamento dell'ordine {{webOrderId}} sarà mappato a {{organization}}. L'operazione non è reversibile.",
    dialogText_other:
      "I {{count}} abbonamenti dell'ordine {{webOrderId}} saranno mappati a {{organization}}. L'operazione non è reversibile.",
    dialogYes: 'Sì, configura',
    dialogNo: 'Annulla',
    errors: { name: 'Inserisca il Suo nome (fino a 200 caratteri).' },
  },
  done: {
    heading: "Grazie. L'ordine è stato mappato correttamente.",
    intro:
      "Gli abbonamenti dell'ordine {{webOrderId}} ora appartengono a {{organization}} (regione dei dati {{dataRegion}}).",
    nextWelcome:
      "Prossimo passo: controlli la posta. Abbiamo inviato un'e-mail di benvenuto a {{email}} con un link per scegliere la password. Poi acceda al portale di amministrazione per gestire l'organizzazione.",
    nextSignIn: "Prossimo passo: acceda al portale di amministrazione per gestire l'organizzazione.",
    adminPortal: 'Vai al portale di amministrazione',
  },
  dead: {
    heading: 'Questo link di configurazione non funziona più',
    reason: {
      resend:
        "Per questo ordine è stata inviata un'e-mail di provisioning più recente, che ha sostituito questo link. Usi il link dell'e-mail più recente.",
      contact_change:
        'Il contatto di provisioning di questo ordine è stato cambiato, quindi questo link è stato sostituito.',
      delegated: 'Ha chiesto a un collega di configurare il servizio: ha ricevuto un proprio link.',
      cancelled: "L'abbonamento a cui si riferiva questo link è stato annullato.",
      expired: 'Questo link è scaduto.',
      revoked: 'Questo link è stato sostituito da uno più recente.',
      used: 'Questo link è già stato usato.',
      mapped: 'Questo ordine è già configurato.',
      unknown: "Non riconosciamo questo link. Controlli di aver copiato l'indirizzo completo dall'e-mail.",
    },
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
  mapped: {
    heading: 'Questo ordine è già configurato',
    text: "Gli abbonamenti di questo ordine sono già stati mappati a un'organizzazione. I suoi amministratori li gestiscono nel portale di amministrazione.",
    adminPortal: 'Vai al portale di amministrazione',
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
    empty: 'Alla Sua organizzazione non è ancora mappato alcun abbonamento.',
    noAccess: 'Il portale di amministrazione è riservato agli amministratori delle organizzazioni clienti.',
  },
  region: {
    'North America': 'America del Nord',
    Europe: 'Europa',
    'Asia-Pacific': 'Asia-Pacifico',
    'South America': 'America del Sud',
  },
};

export const setupMessages = { en, it } as const;
