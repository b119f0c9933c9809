/**
 * Le parole italiane della pagina di aiuto (namespace `workspace`, chiave `help`), nell'ordine
 * dell'articolo di riferimento (shared/reference). Registro formale (Lei).
 */
export const helpIt = {
  title: 'Risoluzione dei problemi dell’e-mail di provisioning',
  intro:
    'L’e-mail di provisioning iniziale viene inviata al contatto di provisioning di ogni riga di abbonamento nella Data di inizio richiesta (RSD), con un link di configurazione monouso. Se il contatto non la trova, il partner che ha effettuato l’ordine può inviarla di nuovo dalla pagina dell’ordine, per ogni riga di abbonamento, anche dopo la RSD, finché l’ordine non è integrato (il punto di non ritorno).',
  toc: 'In questa pagina',
  missing: {
    title: 'Risoluzione dei problemi di base: l’e-mail non è arrivata',
    1: 'Controlli la cartella spam o posta indesiderata, e l’eventuale quarantena del filtro di posta della Sua organizzazione.',
    allowListBefore: 'Chieda al Suo amministratore IT di consentire il mittente ',
    allowListAfter:
      ' (mittenti attendibili), in modo che i messaggi non finiscano nelle cartelle spam o posta indesiderata.',
    3: 'Controlli lo stato della riga nella pagina dell’ordine: «{{awaiting}}» significa che l’e-mail è partita e la configurazione non è ancora completata; «{{closed}}» significa che la riga si è chiusa prima della configurazione (vedere «Righe chiuse prima della configurazione» più sotto).',
    4: 'La prima e-mail parte nella Data di inizio richiesta; prima di allora non viene inviato nulla.',
    5: 'Verifichi l’indirizzo: il partner che ha effettuato l’ordine vede il contatto di provisioning e può cambiarlo fino al punto di non ritorno.',
  },
  link: {
    title: 'Il link di configurazione non funziona',
    1: 'Ogni e-mail contiene il proprio link. Un link smette di funzionare quando l’ordine è configurato, quando scade o quando il partner indica un altro contatto: in quel caso usi l’e-mail più recente.',
    2: 'Nella pagina di un link che non funziona più, scelga «Mi invii un nuovo link» quando è proposto; altrimenti chieda al partner che ha effettuato l’ordine di inviare di nuovo l’e-mail.',
  },
  noAccess: {
    title: 'Caso 1.1: non dispone dell’accesso per inviare di nuovo l’e-mail',
    1: 'Contatti la persona che ha effettuato l’ordine e le chieda di seguire la procedura indicata di seguito.',
    2: 'La trova dall’ordine stesso: un collega dello stesso partner che apre l’ordine, o cerca il suo web order id o l’id dell’abbonamento nella pagina Ordini o Abbonamenti, vede «{{exists}}» seguito dal nome e dall’e-mail di chi lo ha effettuato.',
    3: 'Se quella persona non può più accedere, la pagina indica invece gli amministratori della Sua organizzazione. Gli utenti di altre organizzazioni non vengono a sapere nulla dell’ordine.',
  },
  resend: {
    title: 'Caso 1.2: dispone dell’accesso per inviare di nuovo l’e-mail',
    intro:
      'Può inviare di nuovo l’e-mail di provisioning e modificare il contatto di provisioning fino al punto di non ritorno (PONR), quando l’ordine è integrato.',
    1: 'Nella pagina dell’ordine, faccia clic su Invia di nuovo nella riga di abbonamento, accanto all’e-mail del contatto di provisioning.',
    2: 'La finestra «Conferma del nuovo invio» chiede se inviare di nuovo: faccia clic su Sì.',
    3: 'La pagina conferma il nuovo invio, e la cronologia della riga elenca la nuova e-mail con il suo stato di invio (vedere «Stati di invio»). I link precedenti continuano a funzionare.',
    4: 'Per inviarla a un’altra persona, faccia clic su Modifica accanto al contatto e inserisca nome, e-mail e lingua del nuovo contatto. Selezioni «{{applyToAll}}» per dare lo stesso contatto a tutte le righe dell’ordine. Dopo la RSD il nuovo contatto riceve subito l’e-mail, e i link del contatto precedente smettono di funzionare.',
  },
  closed: {
    title: 'Righe chiuse prima della configurazione: provisioning ancora in sospeso',
    policy:
      'Se la configurazione non viene completata entro i giorni definiti dalla politica dopo la prima e-mail, la riga si chiude: {{periods}}.',
    period_one: '{{count}} giorno per {{offers}}',
    period_other: '{{count}} giorni per {{offers}}',
    others_one: '{{count}} giorno per le altre offerte',
    others_other: '{{count}} giorni per le altre offerte',
    and: ' e ',
    separator: ', ',
    configurable:
      'Il periodo della politica è definito per ogni offerta nel catalogo delle offerte e gli operatori possono modificarlo; una riga mantiene il periodo con cui è stata ordinata, e la sua pagina mostra quando si chiude.',
    1: 'Una riga così è contrassegnata «{{pending}}»: può ancora essere configurata.',
    2: {
      before: 'Partner e distributori trovano queste righe nella pagina Abbonamenti — ',
      link: 'faccia clic qui',
      after: ' — dove possono ancora modificare il contatto e fare clic su Invia di nuovo.',
    },
    3: 'Il punto di non ritorno è lo stesso delle righe aperte.',
  },
  ponr: {
    title: 'Dopo il punto di non ritorno (PONR)',
    1: 'Il PONR si raggiunge quando l’ordine è integrato: la configurazione è stata confermata e l’ordine è stato collegato a un’organizzazione cliente.',
    2: 'Da quel momento l’e-mail di provisioning non può più essere inviata di nuovo e il contatto non può essere modificato: Invia di nuovo e Modifica mostrano un messaggio che dice che l’ordine è già integrato, con il nome dell’organizzazione.',
    3: 'Il contatto di provisioning o un amministratore di quell’organizzazione completa la configurazione nel portale di amministrazione:',
  },
  sendStatuses: {
    title: 'Stati di invio',
    intro:
      'Ogni e-mail di provisioning è una riga della cronologia della riga di abbonamento («E-mail di provisioning»), con quando è stata richiesta, da chi, a chi, e il suo stato:',
    queued:
      'In attesa di invio. L’e-mail parte in pochi istanti; la cronologia indica quando è stata consegnata al server di posta.',
    waitingLabel: 'In coda, in attesa (limite per indirizzo)',
    waiting:
      'L’indirizzo ha già ricevuto {{limit}} e-mail di provisioning nell’ultima ora, da qualsiasi partner. L’e-mail non viene scartata: attende e parte appena l’indirizzo ha spazio, all’ora indicata nella cronologia.',
    sent: 'Il server di posta ha accettato l’e-mail per la consegna. Può ancora essere respinta in seguito.',
    deliveredLabel: 'Consegnata',
    delivered:
      'Il provider di posta del destinatario ha segnalato l’e-mail come consegnata (lo indica la cronologia). Se il contatto non la trova comunque, segua la risoluzione dei problemi di base qui sopra.',
    failed:
      'Non è stato possibile inviare l’e-mail: il server di posta l’ha rifiutata, o tutti i tentativi sono falliti. Verifichi l’indirizzo, modifichi il contatto se serve e invii di nuovo.',
    bounced:
      'Il provider di posta del destinatario ha respinto l’e-mail: l’indirizzo non esiste o non la accetta. Modifichi il contatto invece di inviare di nuovo allo stesso indirizzo.',
    superseded:
      'Un’e-mail più recente per questa riga (un nuovo invio o un cambio di contatto) l’ha sostituita prima che partisse, quindi non è stata inviata. Non occorre fare nulla: parte quella più recente.',
    withdrawn:
      'L’ordine è stato configurato (il punto di non ritorno) prima che l’e-mail partisse, quindi non è stata inviata. Non occorre fare nulla.',
  },
  resendFails: {
    title: 'Se il nuovo invio non riesce prima del PONR',
    intro:
      'Se non riesce a inviare di nuovo l’e-mail di provisioning prima del PONR, esegua una o più di queste operazioni, poi provi di nuovo:',
    1: 'Provi a cancellare la cache e i cookie del browser.',
    2: 'Provi un browser diverso.',
    3: 'Provi una finestra privata (in incognito).',
  },
  case: {
    title: 'Ancora problemi? Apra una richiesta di assistenza',
    intro:
      'Se i problemi continuano prima del PONR, apra una richiesta di assistenza di tipo «{{type}}», con screenshot se utili, e includa:',
    1: 'il web order id e l’id dell’abbonamento;',
    2: 'l’indirizzo e-mail del contatto di provisioning;',
    3: 'screenshot di ciò che vede (l’errore, o la posta in arrivo e lo spam senza l’e-mail);',
    4: 'cosa ha già provato da questa pagina.',
  },
};
