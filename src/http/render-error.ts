/**
 * The one error handler: AppError (and validation failures) -> { error: { code, message, ...details } }
 * with the status from the shared vocabulary; anything else is a logged 500 with no internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, messageKeyOf } from '../domain/errors.js';
import type { Language } from '../domain/types.js';
import { languageFromHeader, t } from '../i18n/i18n.js';

const DATABASE_GONE =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed)/;

export function errorMessage(error: AppError, language: Language): string {
  const placer = error.details['orderPlacedBy'] as { name: string; email: string } | undefined;
  const admins = error.details['organizationAdmins'] as { name: string; email: string }[] | undefined;
  if (error.code === 'NO_ACCESS' && placer && admins?.length)
    return t(language, 'errors.NO_ACCESS_ASK_ADMINS', {
      ...placer,
      admins: admins.map((a) => `${a.name} <${a.email}>`).join(', '),
    });
  if (error.code === 'NO_ACCESS' && placer) return t(language, 'errors.NO_ACCESS_ASK_PLACER', placer);
  if (error.code === 'NO_ACCESS' && error.details['reason'] === 'read_only_token')
    return t(language, 'errors.NO_ACCESS_READ_ONLY_TOKEN');
  const area = error.details['area'];
  if (error.code === 'NO_ACCESS' && (area === 'webhooks' || area === 'users' || area === 'operator'))
    return t(language, `errors.NO_ACCESS_${area.toUpperCase()}`);
  return t(language, messageKeyOf(error.code), error.details);
}

export function errorBody(error: AppError, language: Language) {
  return { error: { code: error.code, message: errorMessage(error, language), ...error.details } };
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    // zod-openapi's media-type gate: a body sent as anything but JSON is bad input, not a crash.
    if (err.status === 415)
      return new AppError('INVALID_INPUT', {
        issues: [{ path: 'content-type', message: 'must be application/json' }],
      });
    if (err.status === 400)
      return new AppError('INVALID_INPUT', {
        issues: [{ path: '', message: err.message || 'malformed request body' }],
      });
    if (err.status === 401) return new AppError('UNAUTHENTICATED');
  }
  // Connection-level database failures: the database is down or restarting.
  const code = (err as { code?: string } | null)?.code;
  // Text PostgreSQL cannot store (a NUL character, an invalid byte sequence) is bad input.
  if (code === '22021' || code === '22P05')
    return new AppError('INVALID_INPUT', {
      issues: [{ path: '', message: 'contains characters that are not allowed' }],
    });
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === 'ECONNRESET')
    return new AppError('UNAVAILABLE');
  // The pg pool's own words for a lost or unreachable server (these errors carry no code).
  if (err instanceof Error && DATABASE_GONE.test(err.message)) return new AppError('UNAVAILABLE');
  return null;
}

export function renderError(err: unknown, c: Context, log: (err: unknown) => void): Response {
  const language =
    (c.get('language') as Language | undefined) ?? languageFromHeader(c.req.header('accept-language'));
  const appError = toAppError(err);
  if (appError?.code === 'RATE_LIMITED')
    c.header('Retry-After', String(Number(appError.details['retryAfterSeconds']) || 60));
  if (appError) return c.json(errorBody(appError, language), appError.status as ContentfulStatusCode);
  log(err);
  return c.json(errorBody(new AppError('INTERNAL'), language), 500);
}
