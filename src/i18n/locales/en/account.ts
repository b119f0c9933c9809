/** English strings of the password pages (forgot password, choose a password) and of the account settings page (namespace `account`). */
export const accountEn = {
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
      bootstrap: 'Welcome, {{name}}. Choose the password of the first operator account of {{brand}}.',
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
  settings: {
    title: 'Account',
    intro: 'Settings of your own account, {{email}}.',
    digest: {
      legend: 'Daily digest e-mail',
      hint: 'Once a day, an e-mail listing the subscriptions of orders you placed that close within 3 days or whose provisioning e-mail did not arrive, each with a link. Sent only when there is something to list. A bounced provisioning e-mail is always reported at once, whatever you choose here.',
      on: 'On: send me the daily digest',
      off: 'Off: do not send it',
    },
    save: 'Save',
    saved: 'Saved: the daily digest e-mail is {{state}}.',
    state: { on: 'on', off: 'off' },
    invalid: 'Choose on or off.',
  },
};
