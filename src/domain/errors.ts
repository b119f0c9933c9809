/**
 * The one error vocabulary shared by the API, the web pages and the CLI:
 * code -> HTTP status -> message key (messages live in src/i18n).
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
  IDEMPOTENCY_KEY_IN_USE: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  DATA_DIR_LOCKED: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  WEBHOOK_URL_REFUSED: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

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
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
