/** English catalogue (namespace `app`): errors and UI words shared by the API, pages and CLI. */
export const messagesEn = {
  errors: {
    INVALID_INPUT: 'Some of the input is not valid. Check the listed fields and try again.',
    UNAUTHENTICATED: 'Sign in or send a valid API token (Authorization: Bearer <token>).',
    NO_ACCESS: 'You do not have access to this order.',
    NO_ACCESS_ASK_PLACER:
      'You do not have access to this order. Ask the person who placed it, {{name}} <{{email}}>, to resend the e-mail or change the provisioning contact.',
    NOT_FOUND: 'Not found.',
    PAST_PONR:
      'This order is already onboarded: it is mapped to a customer organization, so the provisioning e-mail can no longer be resent and the contact can no longer be changed. The provisioning contact or an administrator can complete setup in the admin portal: {{adminPortalUrl}}',
    LINE_CANCELLED: 'This subscription line is cancelled.',
    INVALID_TRANSITION: 'This subscription line cannot do that in its current state.',
    RSD_NOT_REACHED:
      'The requested start date has not arrived yet: the first provisioning e-mail goes out then. You can still change the provisioning contact.',
    DUPLICATE_WEB_ORDER_ID: 'An order with web order id {{webOrderId}} already exists.',
    ALREADY_MAPPED:
      'This order has already been mapped to an organization. Sign in to the admin portal to continue: {{adminPortalUrl}}',
    TOKEN_INVALID: 'This setup link no longer works.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    IDEMPOTENCY_KEY_REUSED:
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    IDEMPOTENCY_KEY_IN_USE:
      'A request with this Idempotency-Key is still being processed. Try again shortly.',
    RATE_LIMITED: 'Too many requests. Try again later.',
    DATA_DIR_LOCKED: 'The data folder is in use by a running Onramp server.',
    UNAVAILABLE: 'The service is temporarily unavailable. Try again shortly.',
    INTERNAL: 'Something went wrong on our side. The error has been logged.',
    NO_ACCESS_ASK_ADMINS:
      'You do not have access to this order. It was placed by {{name}} <{{email}}>, whose account is deactivated: ask an administrator of your organization ({{admins}}).',
    NO_ACCESS_USERS: 'Only administrators of this organization manage its users, invitations and settings.',
    NO_ACCESS_OPERATOR: 'Only {{brand}} operators manage organizations, offers and support agents.',
    NO_ACCESS_READ_ONLY_TOKEN:
      'This API token is read-only: it cannot change anything. Create a read-write token for this request.',
    ALREADY_EXISTS: 'This already exists: {{what}}.',
    CASE_CLOSED:
      'This support case was closed more than {{days}} days ago and can no longer be reopened. Open a new case instead.',
    LAST_ADMINISTRATOR:
      'This is the organization’s last administrator, so it cannot be removed: invite another administrator first.',
    NO_ACCESS_WEBHOOKS:
      'Only partner administrators and distributor users manage webhooks, each for their own organization.',
    WEBHOOK_URL_REFUSED:
      'Webhooks can only go to http or https URLs, without a user name or password, on hosts that resolve to public internet addresses only. This URL is not allowed (host: {{host}}).',
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
      tokens: 'API tokens',
    },
    language: 'Language',
    languageLocked: '{{language}} · to keep what you typed, change the language on the next page',
    signedInAs: 'Signed in as {{name}}',
    csrfRefused:
      'This form has expired or did not come from {{brand}}. Go back, reload the page and try again.',
    signIn: {
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
} as const;
