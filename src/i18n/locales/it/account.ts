/** Italian, exactly the English keys: strings of the password pages (forgot password, choose a password) and of the account settings page (namespace `account`). */
import type { Widen } from '../../widen.js';
import type { accountEn } from '../en/account.js';

export const accountIt: Widen<typeof accountEn> = {
  title: 'Password dimenticata?',
  forgot: {
    link: 'Password dimenticata?',
    intro:
      "Inserisca l'indirizzo e-mail con cui accede. Le invieremo a quell'indirizzo un link per scegliere una nuova password.",
    email: 'E-mail',
    submit: 'Inviami un link',
    invalid: 'Inserisca un indirizzo e-mail, per esempio nome@esempio.it.',
    rateLimited_one: 'Troppe richieste di un nuovo link. Riprovi tra {{count}} minuto.',
    rateLimited_other: 'Troppe richieste di un nuovo link. Riprovi tra {{count}} minuti.',
    sentHeading: 'Controlli la posta',
    sent: "Se esiste un account per quell'indirizzo, le abbiamo inviato un link; funziona per un'ora.",
    sentHint:
      'Non è arrivato nulla dopo qualche minuto? Controlli la cartella spam, oppure lo richieda di nuovo.',
    signIn: "Torna all'accesso",
  },
  password: {
    heading: 'Scelga la password',
    intro: {
      welcome:
        'Le diamo il benvenuto, {{name}}. Scelga la password con cui accederà al portale di amministrazione.',
      bootstrap:
        'Le diamo il benvenuto, {{name}}. Scelga la password del primo account operatore di {{brand}}.',
      reset: 'Scelga una nuova password, {{name}}. Una volta impostata, le altre sessioni verranno chiuse.',
    },
    email: 'E-mail',
    password: 'Nuova password',
    hint: 'Almeno {{min}} caratteri. Alcune parole senza relazione tra loro formano una password robusta.',
    repeat: 'Ripeta la password',
    submit: 'Imposta la password e accedi',
    errors: {
      short: 'La password deve avere almeno {{min}} caratteri.',
      long: 'La password può avere al massimo {{max}} caratteri.',
      mismatch: 'Le due password sono diverse.',
    },
    deadHeading: 'Questo link non funziona più',
    dead: {
      used: 'Questo link è già stato usato per scegliere una password. Acceda con quella password.',
      expired: 'Questo link è scaduto.',
      unknown: "Non riconosciamo questo link. Controlli di aver copiato l'indirizzo completo dall'e-mail.",
    },
    newLinkIntro:
      "Possiamo inviare un nuovo link all'indirizzo a cui è stato inviato questo. Il nuovo link funziona per un'ora.",
    newLink: 'Inviami un nuovo link',
    newLinkSentHeading: 'Controlli la posta',
    newLinkSent:
      "Abbiamo inviato un nuovo link all'indirizzo a cui era stato inviato questo. Funziona per un'ora.",
    signIn: 'Accedi',
  },
  settings: {
    title: 'Account',
    intro: 'Impostazioni del Suo account, {{email}}.',
    digest: {
      legend: 'E-mail di riepilogo giornaliera',
      hint: 'Una volta al giorno, un’e-mail con gli abbonamenti degli ordini che ha inserito che si chiudono entro 3 giorni o la cui e-mail di provisioning non è stata recapitata, ciascuno con un link. Inviata solo se c’è qualcosa da segnalare. Un’e-mail di provisioning respinta viene sempre segnalata subito, qualunque sia la scelta qui.',
      on: 'Attiva: mi invii il riepilogo giornaliero',
      off: 'Disattivata: non lo invii',
    },
    save: 'Salva',
    saved: 'Salvato: l’e-mail di riepilogo giornaliera è {{state}}.',
    state: { on: 'attiva', off: 'disattivata' },
    invalid: 'Scelga attiva o disattivata.',
  },
};
