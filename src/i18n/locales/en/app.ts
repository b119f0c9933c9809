/** English catalogue (namespace `app`): errors and UI words shared by the API, pages and CLI. */
export const messagesEn = {
  errors: {
    INVALID_INPUT: 'Some of the input is not valid. Check the listed fields and try again.',
    UNAUTHENTICATED:
      'You are not signed in. Sign in or send a valid API token (Authorization: Bearer <token>).',
    UNAUTHENTICATED_WEBHOOK_SECRET:
      'The X-Onramp-Webhook-Secret header is missing or wrong. Send the shared secret configured on this server as EMAIL_EVENTS_SECRET.',
    NO_ACCESS:
      'You do not have access to this order. Ask the person who placed it or an administrator of your organization.',
    NO_ACCESS_PARTNERS_ONLY:
      'Only partner and distributor users place orders. Sign in as a user of your partner organization, or ask your partner to place the order.',
    NO_ACCESS_ASK_PLACER:
      'You do not have access to this order. Ask the person who placed it, {{name}} <{{email}}>, to resend the e-mail or change the provisioning contact.',
    NOT_FOUND: 'Not found. Check the id or link, or ask whoever gave it to you.',
    PAST_PONR:
      'This order is already onboarded: it is mapped to a customer organization, so the provisioning e-mail can no longer be resent and the contact can no longer be changed. Ask the provisioning contact or an administrator to complete setup in the admin portal: {{adminPortalUrl}}',
    PAST_PONR_CANCEL:
      'This order is already onboarded: the subscription is set up for the customer organization, so it can no longer be cancelled here. Ask the customer’s administrators to cancel it in the admin portal: {{adminPortalUrl}}',
    LINE_CANCELLED:
      'This subscription line is cancelled. Nothing more can be done on it: place a new order if the customer still needs the subscription.',
    INVALID_TRANSITION:
      'This subscription line is {{state}}, so you cannot {{action}}. You can still: {{allowed}}.',
    INVALID_TRANSITION_NOTHING:
      'This subscription line is {{state}}, so you cannot {{action}}. Open the order to see its lines.',
    RSD_NOT_REACHED:
      'The requested start date has not arrived yet: the first provisioning e-mail goes out then. You can still change the provisioning contact.',
    DUPLICATE_WEB_ORDER_ID:
      'An order with web order id {{webOrderId}} already exists. Use a new web order id, or open the existing order.',
    ALREADY_MAPPED:
      'This order has already been mapped to an organization. Sign in to the admin portal to continue: {{adminPortalUrl}}',
    TOKEN_INVALID: 'This setup link no longer works. Request a new link from its page.',
    PAYLOAD_TOO_LARGE: 'The request is too large. Send a smaller request.',
    IDEMPOTENCY_KEY_REUSED:
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    IDEMPOTENCY_KEY_IN_USE:
      'A request with this Idempotency-Key is still being processed. Try again shortly.',
    RATE_LIMITED: 'Too many requests. Wait a few minutes, then try again.',
    RATE_LIMITED_RETRY: 'Too many requests. Try again {{when}}.',
    RATE_LIMITED_LIMIT: 'Too many requests: at most {{limit}} in {{window}} are allowed. Try again {{when}}.',
    DATA_DIR_LOCKED:
      'The data folder is in use by a running Onramp server. Stop that server first, or use another DATA_DIR.',
    UNAVAILABLE: 'The service is temporarily unavailable. Try again shortly.',
    INTERNAL:
      'Something went wrong on our side. The error has been logged. Try again; if it keeps failing, contact support.',
    NO_ACCESS_ASK_ADMINS:
      'You do not have access to this order. It was placed by {{name}} <{{email}}>, whose account is deactivated: ask an administrator of your organization ({{admins}}).',
    NO_ACCESS_USERS:
      'Only administrators of this organization manage its users, invitations and settings. Ask one of them.',
    NO_ACCESS_OPERATOR:
      'Only {{brand}} operators manage organizations, offers and support agents. Ask one of them.',
    NO_ACCESS_READ_ONLY_TOKEN:
      'This API token is read-only: it cannot change anything. Create a read-write token for this request.',
    ALREADY_EXISTS: 'This already exists: {{what}}. Use the existing one, or choose another name.',
    CASE_CLOSED:
      'This support case was closed more than {{days}} days ago and can no longer be reopened. Open a new case instead.',
    LAST_ADMINISTRATOR:
      'This is the organization’s last administrator, so it cannot be removed: invite another administrator first.',
    NO_ACCESS_WEBHOOKS:
      'Only partner administrators and distributor users manage webhooks, each for their own organization. Ask one of them.',
    WEBHOOK_URL_REFUSED:
      'Webhooks can only go to http or https URLs, without a user name or password, on hosts that resolve to public internet addresses only. This URL is not allowed (host: {{host}}). Use a public http or https URL.',
    SSO_REQUIRED:
      'Your organization signs in with {{provider}}: password sign-in and password recovery are turned off. Sign in with {{provider}} instead: enter your e-mail on the sign-in page and continue.',
    SSO_FAILED: 'Single sign-on did not complete. Go back to the sign-in page and try again.',
    SSO_FAILED_NO_SIGN_IN:
      'This answer from an identity provider does not belong to a sign-in started in this browser. Sign in again from the sign-in page, in one browser tab.',
    SSO_FAILED_DENIED:
      'Sign-in was cancelled or refused at {{provider}}. To sign in, try again from the sign-in page and allow access at {{provider}}.',
    SSO_FAILED_STATE:
      'This answer from {{provider}} does not belong to a sign-in started in this browser. Sign in again from the sign-in page, in one browser tab.',
    SSO_FAILED_EXPIRED:
      'The sign-in through {{provider}} took too long and expired. Sign in again from the sign-in page.',
    SSO_FAILED_NONCE:
      'The identity token from {{provider}} was not issued for this sign-in, so it was refused. Sign in again from the sign-in page.',
    SSO_FAILED_TOKEN:
      'The identity token from {{provider}} is not valid for {{brand}} (wrong audience, issuer or signature). Ask your administrator to check the single sign-on settings, then try again.',
    SSO_FAILED_CLOCK:
      'The identity token from {{provider}} carries times too far from ours (clock skew). Try again in a minute; if it keeps failing, ask your administrator to check the provider’s clock.',
    SSO_FAILED_PROVIDER:
      '{{provider}} could not be reached or answered with an error. Try again shortly; if it keeps failing, ask your administrator.',
    SSO_FAILED_EMAIL:
      '{{provider}} did not confirm an e-mail address on a verified domain of your organization. Ask your administrator to check the e-mail address in {{provider}}, then try again.',
    SSO_FAILED_INVITATION_REQUIRED:
      'Your organization lets people in by invitation only, and you have no account yet. Ask an administrator of your organization to invite you.',
    SSO_FAILED_DEACTIVATED:
      'Your account is deactivated, so you cannot sign in. Ask an administrator of your organization to reactivate it.',
    SSO_FAILED_OTHER_ORGANIZATION:
      'Your e-mail address belongs to an account of another organization, so it cannot sign in through {{provider}}. Sign in with your password, or ask your administrator.',
    DOMAIN_NOT_VERIFIED:
      'The domain {{domain}} is not verified yet: no DNS TXT record {{recordName}} with the value {{recordValue}} was found. Add that record at your DNS provider and try again, or ask an operator to confirm the domain.',
  },
  web: {
    product: '{{brand}}',
    skipToContent: 'Skip to content',
    nav: {
      orders: 'Orders',
      subscriptions: 'Subscriptions',
      help: 'Help',
      cases: 'Support',
      admin: 'Admin portal',
      signIn: 'Sign in',
      signOut: 'Sign out',
      webhooks: 'Webhooks',
      organizations: 'Organizations',
      offers: 'Offers',
      users: 'Users',
      account: 'Account',
      sso: 'Single sign-on',
      tokens: 'API tokens',
    },
    language: 'Language',
    languageLocked: '{{language}} · to keep what you typed, change the language on the next page',
    signedInAs: 'Signed in as {{name}}',
    csrfRefused:
      'This form has expired or did not come from {{brand}}. Go back, reload the page and try again.',
    signIn: {
      continue: 'Continue',
      emailHint:
        'Your work e-mail: if your organization signs in with its identity provider, you continue there.',
      changeEmail: 'Use another e-mail',
      sso: {
        signInTitle: 'Continuing to {{provider}}…',
        signInLink: 'Continue to {{provider}} to sign in',
        signOutTitle: 'Signing out at {{provider}}…',
        signOutLink: 'Continue to {{provider}} to end its session too',
        failedTitle: 'Single sign-on did not complete',
        backToSignIn: 'Back to sign-in',
      },
      title: 'Sign in',
      email: 'E-mail',
      password: 'Password',
      submit: 'Sign in',
      failed: 'That e-mail and password do not match an account.',
      throttledSeconds_one: 'Too many failed sign-ins. Please wait {{count}} second before trying again.',
      throttledSeconds_other: 'Too many failed sign-ins. Please wait {{count}} seconds before trying again.',
      throttledMinutes_one: 'Too many failed sign-ins. Please wait {{count}} minute before trying again.',
      throttledMinutes_other: 'Too many failed sign-ins. Please wait {{count}} minutes before trying again.',
      demoHint:
        'Demo mode: every demo user signs in with the password onramp-demo (for example alice@acme.example).',
    },
    notFound: 'Page not found',
    noAccessPage: 'You do not have access to this page',
    notFoundHint: 'The address may be mistyped, or the page may have moved. Start again from the home page.',
    failure: {
      unavailable: { title: 'Temporarily unavailable' },
      internal: { title: 'Something went wrong' },
      reference: 'If you contact support, quote this reference: {{requestId}}',
      tryAgain: 'Try again',
      home: 'Home page',
    },
    footer: '{{brand}} — order to activation for SaaS subscriptions.',
  },
  status: {
    booked: 'Booked',
    awaiting_provisioning_details: 'Awaiting Provisioning Details',
    provisioned: 'Provisioned',
    closed: 'Closed',
    cancelled: 'Cancelled',
    pending: 'Provisioning still pending',
  },
  /** A line action, as a refusal names it ("you cannot …"). */
  lineAction: {
    resend: 'resend the provisioning e-mail',
    change_contact: 'change the provisioning contact',
    cancel: 'cancel it',
  },
} as const;
