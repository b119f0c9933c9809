/** Strings of the password pages (forgot password, choose a password) (namespace `account`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Forgot your password?',
  forgot: {
    link: 'Forgot password?',
    intro:
      'Enter the e-mail address you sign in with. We will send a link to choose a new password to that address.',
    email: 'E-mail',
    submit: 'Send me a link',
    invalid: 'Enter an e-mail address, for example name@example.com.',
    rateLimited_one: 'Too many requests for a new link. Please try again in {{count}} minute.',
    rateLimited_other: 'Too many requests for a new link. Please try again in {{count}} minutes.',
    sentHeading: 'Check your inbox',
    sent: 'If an account exists for that address, we sent a link; it works for one hour.',
    sentHint: 'Nothing arrived after a few minutes? Check the spam folder, or ask again.',
    signIn: 'Back to sign in',
  },
  password: {
    heading: 'Choose your password',
    intro: {
      welcome: 'Welcome, {{name}}. Choose the password you will use to sign in to the admin portal.',
      bootstrap: 'Welcome, {{name}}. Choose the password of the first operator account of Onramp.',
      reset: 'Choose a new password, {{name}}. Once it is set, you are signed out everywhere else.',
    },
    email: 'E-mail',
    password: 'New password',
    hint: 'At least {{min}} characters. A few unrelated words make a strong password.',
    repeat: 'Repeat the password',
    submit: 'Set the password and sign in',
    errors: {
      short: 'The password must have at least {{min}} characters.',
      long: 'The password can have at most {{max}} characters.',
      mismatch: 'The two passwords are different.',
    },
    deadHeading: 'This link no longer works',
    dead: {
      used: 'This link has already been used to choose a password. Sign in with that password.',
      expired: 'This link has expired.',
      unknown:
        'We do not recognise this link. Please check that you copied the whole address from the e-mail.',
    },
    newLinkIntro:
      'We can send a new link to the address this one was sent to. The new link works for one hour.',
    newLink: 'Send me a new link',
    newLinkSentHeading: 'Check your inbox',
    newLinkSent: 'We sent a new link to the address this link was sent to. It works for one hour.',
    signIn: 'Sign in',
  },
};

const it: Widen<typeof en> = {
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
      bootstrap: 'Le diamo il benvenuto, {{name}}. Scelga la password del primo account operatore di Onramp.',
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
};

export const accountMessages = { en, it };
