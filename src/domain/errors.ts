/**
 * The one error vocabulary shared by the API, the web pages and the CLI:
 * code -> HTTP status -> message key (messages live in src/i18n) -> the details it carries.
 */
export const ERROR_CODES = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NO_ACCESS: 403,
  NOT_FOUND: 404,
  PAST_PONR: 409,
  LINE_CANCELLED: 409,
  INVALID_TRANSITION: 409,
  RSD_NOT_REACHED: 409,
  DUPLICATE_WEB_ORDER_ID: 409,
  ALREADY_MAPPED: 409,
  ALREADY_EXISTS: 409,
  CASE_CLOSED: 409,
  LAST_ADMINISTRATOR: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  DATA_DIR_LOCKED: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  WEBHOOK_URL_REFUSED: 422,
  SSO_REQUIRED: 403,
  SSO_FAILED: 400,
  DOMAIN_NOT_VERIFIED: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field that is wrong: `path` names it (dotted), `message` says why in English. */
export type InputIssue = {
  path: string;
  message: string;
  /** A machine-readable reason the pages translate (e.g. a screenshot's `tooLarge`). */
  reason?: string;
  /** The uploaded file the issue is about. */
  filename?: string;
};

/** Someone a refused user may write to (never a secret: details are public). */
export type ContactPerson = { name: string; email: string };

type NoDetails = Record<string, never>;

/**
 * What each code carries in `details`. Details are public: the API returns them in the error
 * body, pages and the CLI show them, so they never hold secrets.
 */
export interface ErrorDetails {
  INVALID_INPUT: {
    issues: InputIssue[];
    /** Which rule of a use case refused (change-user's 'kind' | 'self' | 'last_admin'). */
    rule?: string;
    /** The invitation's status, when a resend or revoke is refused because of it. */
    status?: string;
  };
  /** `credential`: what the endpoint wanted, when it is not a sign-in or an API token. */
  UNAUTHENTICATED: { credential?: 'webhook_secret' };
  NO_ACCESS: {
    /** Set for a colleague of the person who placed the order: whom to ask. */
    orderPlacedBy?: ContactPerson;
    /** Set when that person is deactivated: the organization's administrators instead. */
    organizationAdmins?: ContactPerson[];
    reason?: 'read_only_token' | 'only partner users place orders';
    /** The settings area only some roles manage. */
    area?: 'webhooks' | 'users' | 'operator';
  };
  /** The id that was looked up, under its own name (`orderId`, `subscriptionId`, `what`, …). */
  NOT_FOUND: Readonly<Record<string, string>>;
  /** `action`: the line action refused, when its wording differs (a cancel). */
  PAST_PONR: {
    adminPortalUrl?: string;
    mappedAt?: string | null;
    action?: 'resend' | 'change_contact' | 'cancel';
  };
  LINE_CANCELLED: NoDetails;
  /** The line's status, the action refused, and the actions it still takes. */
  INVALID_TRANSITION: { from: string; command: string; allowed?: string[] };
  RSD_NOT_REACHED: { rsdAt: string };
  DUPLICATE_WEB_ORDER_ID: { webOrderId: string };
  ALREADY_MAPPED: { adminPortalUrl?: string; linkUsed?: boolean };
  ALREADY_EXISTS: { what: string };
  /** A support case closed longer than the reopening window: the requester opens a new one. */
  CASE_CLOSED: { closedAt: string; reopenableUntil: string; days: number };
  /** Removing this administrator would leave the organization with none. */
  LAST_ADMINISTRATOR: NoDetails;
  IDEMPOTENCY_KEY_IN_USE: NoDetails;
  TOKEN_INVALID: { reason: string; revokedReason?: string | null; expiredAt?: string };
  PAYLOAD_TOO_LARGE: { maxBytes?: number };
  IDEMPOTENCY_KEY_REUSED: NoDetails;
  /** When to come back; `limit` hits in `windowSeconds`, when the caller knows the rule. */
  RATE_LIMITED: { retryAfterSeconds: number; limit?: number; windowSeconds?: number };
  DATA_DIR_LOCKED: { dataDir: string; pid?: number };
  UNAVAILABLE: NoDetails;
  INTERNAL: NoDetails;
  WEBHOOK_URL_REFUSED: { reason: string; host: string };
  /** The organization signs in through its identity provider only (`provider`: its name). */
  SSO_REQUIRED: { provider: string };
  /** A sign-in through the identity provider did not complete: why, and the provider's name. */
  SSO_FAILED: { reason: SsoFailure; provider?: string };
  /** The domain's DNS TXT record was not found: the record to publish. */
  DOMAIN_NOT_VERIFIED: { domain: string; recordName: string; recordValue: string };
}

/**
 * Why a sign-in through the identity provider failed. denied: the person or provider refused
 * (consent); state: the answer matches no sign-in of this browser (tampered, or another tab);
 * expired: the sign-in or the provider's code is too old; nonce / token: the ID token is not for
 * this sign-in or this client (audience, signature, issuer); clock: its times are off by more than
 * the allowed skew; provider: the provider failed or cannot be reached; email: it vouched for no
 * e-mail on a verified domain of the organization; invitation_required, deactivated,
 * other_organization: the person may not sign in here.
 */
export const SSO_FAILURES = [
  'denied',
  'state',
  'expired',
  'nonce',
  'token',
  'clock',
  'provider',
  'email',
  'invitation_required',
  'deactivated',
  'other_organization',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** A code whose details may be left out when the error is made. */
type DetailsArgs<C extends ErrorCode> = NoDetails extends ErrorDetails[C]
  ? [details?: ErrorDetails[C], message?: string]
  : [details: ErrorDetails[C], message?: string];

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** Message catalogue key of an error code. */
export function messageKeyOf(code: ErrorCode): string {
  return `errors.${code}`;
}

/**
 * A refusal or failure that users may see. `details` is public: it is returned to the caller
 * (API body, page, CLI output), so it must never hold secrets.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails[C];

  constructor(code: C, ...[details, message]: DetailsArgs<C>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    // Only codes whose details are all optional may leave them out (DetailsArgs).
    this.details = details ?? ({} as ErrorDetails[C]);
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

/** An AppError of one of `C`, as a union over the codes: checking `code` narrows `details`. */
export type AnyAppError<C extends ErrorCode = ErrorCode> = { [K in C]: AppError<K> }[C];

/** The same error, typed so that checking its `code` narrows its `details`. */
export function asKnown(error: AppError): AnyAppError {
  return error as AnyAppError;
}

/** Whether `e` is an AppError (of one of `codes`, when given). */
export function isAppError<C extends ErrorCode = ErrorCode>(e: unknown, ...codes: C[]): e is AnyAppError<C> {
  return e instanceof AppError && (codes.length === 0 || (codes as ErrorCode[]).includes(e.code));
}

/** The INVALID_INPUT refusal: one field and why, or a list of issues. */
export function invalidInput(path: string, message: string): AppError<'INVALID_INPUT'>;
export function invalidInput(issues: InputIssue[]): AppError<'INVALID_INPUT'>;
export function invalidInput(pathOrIssues: string | InputIssue[], message = ''): AppError<'INVALID_INPUT'> {
  const issues = typeof pathOrIssues === 'string' ? [{ path: pathOrIssues, message }] : pathOrIssues;
  return new AppError('INVALID_INPUT', { issues });
}
