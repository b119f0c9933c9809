/** Catalogo italiano (namespace `app`). */
import type { Widen } from '../../widen.js';
import type { messagesEn } from '../en/app.js';

export const messagesIt: Widen<typeof messagesEn> = {
  errors: {
    INVALID_INPUT: 'Alcuni dati non sono validi. Controlli i campi indicati e riprovi.',
    UNAUTHENTICATED:
      'Non ha effettuato l’accesso. Acceda o invii un token API valido (Authorization: Bearer <token>).',
    UNAUTHENTICATED_WEBHOOK_SECRET:
      'L’intestazione X-Onramp-Webhook-Secret manca o è errata. Invii il segreto condiviso configurato su questo server come EMAIL_EVENTS_SECRET.',
    NO_ACCESS:
      'Non ha accesso a questo ordine. Chieda a chi lo ha effettuato o a un amministratore della Sua organizzazione.',
    NO_ACCESS_PARTNERS_ONLY:
      'Solo gli utenti dei partner e dei distributori effettuano ordini. Acceda come utente della Sua organizzazione partner, o chieda al Suo partner di effettuare l’ordine.',
    NO_ACCESS_ASK_PLACER:
      "Non ha accesso a questo ordine. Chieda a chi lo ha effettuato, {{name}} <{{email}}>, di inviare nuovamente l'e-mail o di modificare il contatto di provisioning.",
    NOT_FOUND: 'Non trovato. Controlli l’identificativo o il link, o chieda a chi glielo ha fornito.',
    PAST_PONR:
      "Questo ordine è già integrato: è collegato a un'organizzazione cliente, quindi non è più possibile inviare nuovamente l'e-mail di provisioning né modificare il contatto. Chieda al contatto di provisioning o a un amministratore di completare la configurazione nel portale di amministrazione: {{adminPortalUrl}}",
    PAST_PONR_CANCEL:
      "Questo ordine è già integrato: l'abbonamento è configurato per l'organizzazione cliente, quindi non può più essere annullato qui. Chieda agli amministratori del cliente di annullarlo nel portale di amministrazione: {{adminPortalUrl}}",
    LINE_CANCELLED:
      'Questa riga di abbonamento è annullata. Non è possibile fare altro: effettui un nuovo ordine se il cliente ha ancora bisogno dell’abbonamento.',
    INVALID_TRANSITION:
      'Questa riga di abbonamento è nello stato «{{state}}», quindi non può {{action}}. Può ancora: {{allowed}}.',
    INVALID_TRANSITION_NOTHING:
      'Questa riga di abbonamento è nello stato «{{state}}», quindi non può {{action}}. Apra l’ordine per vederne le righe.',
    RSD_NOT_REACHED:
      'La data di inizio richiesta non è ancora arrivata: la prima e-mail di provisioning partirà in quella data. Può comunque modificare il contatto di provisioning.',
    DUPLICATE_WEB_ORDER_ID:
      'Esiste già un ordine con web order id {{webOrderId}}. Usi un nuovo web order id, o apra l’ordine esistente.',
    ALREADY_MAPPED:
      "Questo ordine è già stato collegato a un'organizzazione. Acceda al portale di amministrazione per continuare: {{adminPortalUrl}}",
    TOKEN_INVALID: 'Questo link di configurazione non è più valido. Richieda un nuovo link dalla sua pagina.',
    PAYLOAD_TOO_LARGE: 'La richiesta è troppo grande. Invii una richiesta più piccola.',
    IDEMPOTENCY_KEY_REUSED:
      'Questa Idempotency-Key è già stata usata per una richiesta diversa. Usi una nuova chiave per una nuova richiesta.',
    IDEMPOTENCY_KEY_IN_USE: 'Una richiesta con questa Idempotency-Key è ancora in corso. Riprovi tra poco.',
    RATE_LIMITED: 'Troppe richieste. Attenda qualche minuto, poi riprovi.',
    RATE_LIMITED_RETRY: 'Troppe richieste. Riprovi {{when}}.',
    RATE_LIMITED_LIMIT:
      'Troppe richieste: ne sono consentite al massimo {{limit}} in {{window}}. Riprovi {{when}}.',
    DATA_DIR_LOCKED:
      'La cartella dei dati è in uso da un server Onramp in esecuzione. Arresti prima quel server, o usi un’altra DATA_DIR.',
    UNAVAILABLE: 'Il servizio è momentaneamente non disponibile. Riprovi tra poco.',
    INTERNAL:
      "Si è verificato un errore da parte nostra. L'errore è stato registrato. Riprovi; se il problema persiste, contatti l'assistenza.",
    NO_ACCESS_ASK_ADMINS:
      'Non ha accesso a questo ordine. È stato effettuato da {{name}} <{{email}}>, il cui account è disattivato: si rivolga a un amministratore della Sua organizzazione ({{admins}}).',
    NO_ACCESS_USERS:
      'Solo gli amministratori di questa organizzazione gestiscono i suoi utenti, gli inviti e le impostazioni. Si rivolga a uno di loro.',
    NO_ACCESS_OPERATOR:
      'Solo gli operatori di {{brand}} gestiscono organizzazioni, offerte e agenti di supporto. Si rivolga a uno di loro.',
    NO_ACCESS_READ_ONLY_TOKEN:
      'Questo token API è di sola lettura: non può modificare nulla. Crei un token di lettura e scrittura per questa richiesta.',
    ALREADY_EXISTS: 'Esiste già: {{what}}. Usi quello esistente, o scelga un altro nome.',
    CASE_CLOSED:
      'Questa richiesta di assistenza è stata chiusa più di {{days}} giorni fa e non può più essere riaperta. Apra una nuova richiesta.',
    LAST_ADMINISTRATOR:
      'È l’ultimo amministratore dell’organizzazione e non può essere rimosso: inviti prima un altro amministratore.',
    NO_ACCESS_WEBHOOKS:
      'Solo gli amministratori dei partner e gli utenti dei distributori gestiscono i webhook, ciascuno per la propria organizzazione. Si rivolga a uno di loro.',
    WEBHOOK_URL_REFUSED:
      'I webhook possono andare solo a URL http o https, senza nome utente né password, su host che risolvono solo a indirizzi Internet pubblici. Questo URL non è consentito (host: {{host}}). Usi un URL http o https pubblico.',
    SSO_REQUIRED:
      'La sua organizzazione accede con {{provider}}: l’accesso con password e il recupero della password sono disattivati. Acceda invece con {{provider}}: inserisca la sua e-mail nella pagina di accesso e prosegua.',
    SSO_FAILED:
      'L’accesso singolo (single sign-on) non è stato completato. Torni alla pagina di accesso e riprovi.',
    SSO_FAILED_NO_SIGN_IN:
      'Questa risposta di un provider di identità non appartiene a un accesso avviato in questo browser. Torni alla pagina di accesso e riprovi, in una sola scheda del browser.',
    SSO_FAILED_DENIED:
      'L’accesso è stato annullato o rifiutato su {{provider}}. Per accedere, riprovi dalla pagina di accesso e consenta l’accesso su {{provider}}.',
    SSO_FAILED_STATE:
      'Questa risposta di {{provider}} non appartiene a un accesso avviato in questo browser. Torni alla pagina di accesso e riprovi, in una sola scheda del browser.',
    SSO_FAILED_EXPIRED:
      'L’accesso tramite {{provider}} ha richiesto troppo tempo ed è scaduto. Torni alla pagina di accesso e riprovi.',
    SSO_FAILED_NONCE:
      'Il token di identità di {{provider}} non è stato emesso per questo accesso, quindi è stato rifiutato. Torni alla pagina di accesso e riprovi.',
    SSO_FAILED_TOKEN:
      'Il token di identità di {{provider}} non è valido per {{brand}} (destinatario, emittente o firma errati). Chieda al suo amministratore di controllare le impostazioni del single sign-on, poi riprovi.',
    SSO_FAILED_CLOCK:
      'Il token di identità di {{provider}} riporta orari troppo lontani dai nostri (orologi non allineati). Riprovi tra un minuto; se il problema persiste, chieda al suo amministratore di controllare l’orologio del provider.',
    SSO_FAILED_PROVIDER:
      '{{provider}} non è raggiungibile o ha risposto con un errore. Riprovi tra poco; se il problema persiste, chieda al suo amministratore.',
    SSO_FAILED_EMAIL:
      '{{provider}} non ha confermato un indirizzo e-mail su un dominio verificato della sua organizzazione. Chieda al suo amministratore di controllare l’indirizzo e-mail in {{provider}}, poi riprovi.',
    SSO_FAILED_INVITATION_REQUIRED:
      'La sua organizzazione ammette nuove persone solo su invito, e lei non ha ancora un account. Chieda a un amministratore della sua organizzazione di invitarla.',
    SSO_FAILED_DEACTIVATED:
      'Il suo account è disattivato, quindi non può accedere. Chieda a un amministratore della sua organizzazione di riattivarlo.',
    SSO_FAILED_OTHER_ORGANIZATION:
      'Il suo indirizzo e-mail appartiene a un account di un’altra organizzazione, quindi non può accedere tramite {{provider}}. Acceda con la password, oppure chieda al suo amministratore.',
    DOMAIN_NOT_VERIFIED:
      'Il dominio {{domain}} non è ancora verificato: non è stato trovato alcun record DNS TXT {{recordName}} con il valore {{recordValue}}. Aggiunga quel record presso il suo provider DNS e riprovi, oppure chieda a un operatore di confermare il dominio.',
  },
  web: {
    product: '{{brand}}',
    skipToContent: 'Salta al contenuto principale',
    nav: {
      orders: 'Ordini',
      subscriptions: 'Abbonamenti',
      help: 'Aiuto',
      cases: 'Assistenza',
      admin: 'Portale di amministrazione',
      signIn: 'Accedi',
      signOut: 'Esci',
      webhooks: 'Webhook',
      organizations: 'Organizzazioni',
      offers: 'Offerte',
      users: 'Utenti',
      account: 'Account',
      sso: 'Accesso singolo',
      tokens: 'Token API',
    },
    language: 'Lingua',
    languageLocked:
      '{{language}} · per non perdere quanto ha scritto, cambi la lingua nella pagina successiva',
    signedInAs: 'Accesso effettuato come {{name}}',
    csrfRefused:
      'Questo modulo è scaduto o non proviene da {{brand}}. Torni indietro, ricarichi la pagina e riprovi.',
    signIn: {
      continue: 'Continua',
      emailHint:
        'La sua e-mail di lavoro: se la sua organizzazione accede con il proprio provider di identità, proseguirà lì.',
      changeEmail: 'Usa un’altra e-mail',
      sso: {
        signInTitle: 'Si prosegue verso {{provider}}…',
        signInLink: 'Prosegua verso {{provider}} per accedere',
        signOutTitle: 'Uscita da {{provider}}…',
        signOutLink: 'Prosegua verso {{provider}} per chiudere anche la sua sessione lì',
        failedTitle: 'Accesso singolo non completato',
        backToSignIn: 'Torna all’accesso',
      },
      title: 'Accedi',
      email: 'E-mail',
      password: 'Password',
      submit: 'Accedi',
      failed: 'E-mail e password non corrispondono a un account.',
      throttledSeconds_one: 'Troppi accessi non riusciti. Attenda {{count}} secondo prima di riprovare.',
      throttledSeconds_other: 'Troppi accessi non riusciti. Attenda {{count}} secondi prima di riprovare.',
      throttledMinutes_one: 'Troppi accessi non riusciti. Attenda {{count}} minuto prima di riprovare.',
      throttledMinutes_other: 'Troppi accessi non riusciti. Attenda {{count}} minuti prima di riprovare.',
      demoHint:
        'Modalità demo: ogni utente demo accede con la password onramp-demo (ad esempio alice@acme.example).',
    },
    notFound: 'Pagina non trovata',
    noAccessPage: 'Non ha accesso a questa pagina',
    notFoundHint:
      'L’indirizzo potrebbe contenere un errore, o la pagina potrebbe essere stata spostata. Riparta dalla pagina iniziale.',
    failure: {
      unavailable: { title: 'Temporaneamente non disponibile' },
      internal: { title: 'Si è verificato un errore' },
      reference: 'Se contatta l’assistenza, indichi questo riferimento: {{requestId}}',
      tryAgain: 'Riprovi',
      home: 'Pagina iniziale',
    },
    footer: '{{brand}} — dall’ordine all’attivazione degli abbonamenti SaaS.',
  },
  status: {
    booked: 'Prenotata',
    awaiting_provisioning_details: 'In attesa di dettagli provisioning',
    provisioned: 'Predisposta',
    closed: 'Chiusa',
    cancelled: 'Annullata',
    pending: 'Provisioning ancora in sospeso',
  },
  lineAction: {
    resend: "inviare nuovamente l'e-mail di provisioning",
    change_contact: 'modificare il contatto di provisioning',
    cancel: 'annullarla',
  },
};
