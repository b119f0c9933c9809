/**
 * The one error handler: AppError (and validation failures) -> { error: { code, message, ...details } }
 * with the status from the shared vocabulary; anything else is a logged 500 with no internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { type AnyAppError, AppError, invalidInput, isAppError } from '../domain/errors.js';
import type { Language } from '../domain/types.js';
import { errorMessage } from '../i18n/error-message.js';
import { languageFromHeader } from '../i18n/i18n.js';

const DATABASE_GONE =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed|Query read timeout)/;

export function errorBody(error: AnyAppError, language: Language, brand?: string) {
  return { error: { code: error.code, message: errorMessage(error, language, brand), ...error.details } };
}

/**
 * What an error means to the caller, shared by the API and the pages: an AppError as it is,
 * Hono's own refusals and the database's connection failures as their AppError; null for a
 * fault of ours (a bug), which the caller logs and answers with 500.
 */
export function toAppError(err: unknown): AnyAppError | null {
  if (isAppError(err)) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    // zod-openapi's media-type gate: a body sent as anything but JSON is bad input, not a crash.
    if (err.status === 415) return invalidInput('content-type', 'must be application/json');
    if (err.status === 400) return invalidInput('', err.message || 'malformed request body');
    if (err.status === 401) return new AppError('UNAUTHENTICATED');
  }
  // Connection-level database failures: the database is down or restarting.
  const code = (err as { code?: string } | null)?.code;
  // Text PostgreSQL cannot store (a NUL character, an invalid byte sequence) is bad input.
  if (code === '22021' || code === '22P05')
    return invalidInput('', 'contains characters that are not allowed');
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === 'ECONNRESET')
    return new AppError('UNAVAILABLE');
  // A deadlock or serialization failure that outlasted `inTransaction`'s retries: try again shortly.
  if (code === '40001' || code === '40P01') return new AppError('UNAVAILABLE');
  // DATABASE_STATEMENT_TIMEOUT_MS or DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ran out: too slow now.
  if (code === '57014' || code === '25P03') return new AppError('UNAVAILABLE');
  // The pg pool's own words for a lost or unreachable server (these errors carry no code).
  if (err instanceof Error && DATABASE_GONE.test(err.message)) return new AppError('UNAVAILABLE');
  return null;
}

export function renderError(err: unknown, c: Context, log: (err: unknown) => void): Response {
  const language =
    (c.get('language') as Language | undefined) ?? languageFromHeader(c.req.header('accept-language'));
  const brand = c.get('brand') as string | undefined;
  const appError = toAppError(err);
  if (appError) setRetryAfter(c, appError);
  if (appError) return c.json(errorBody(appError, language, brand), appError.status as ContentfulStatusCode);
  log(err);
  return c.json(errorBody(new AppError('INTERNAL'), language, brand), 500);
}

/** A rate-limited caller learns when to come back (API and pages alike). */
export function setRetryAfter(c: Context, error: AnyAppError): void {
  if (error.code === 'RATE_LIMITED') c.header('Retry-After', String(error.details.retryAfterSeconds || 60));
}
