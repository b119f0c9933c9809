/**
 * Every refusal names the rule and the next step, in every language, from the one catalogue.
 *
 * The list of codes is ERROR_CODES (src/domain/errors.ts); SAMPLE_DETAILS is typed over it, so a
 * new code does not compile here until it has a sample. Each code is rendered by errorMessage in
 * en and it, and so is every other key under `errors` (the variants errorMessage picks).
 *
 * The criterion for "says what to do next", chosen to be checkable and honest: the message has at
 * least two parts (a sentence end or a colon after its first words: the rule, then the step), and
 * it contains one of a short list of instructions in that language — imperatives addressed to the
 * reader ("try", "ask", "sign in"; "riprovi", "chieda", "acceda") or the offer of what is still
 * possible ("you can still" / "può ancora", "può comunque"). A message that only states a fact fails.
 */
import { describe, expect, it } from 'vitest';

import {
  AppError,
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  SSO_FAILURES,
} from '../../src/domain/errors.js';
import type { Language } from '../../src/domain/types.js';
import { errorMessage } from '../../src/i18n/error-message.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';

const person = { name: 'Paola Rossi', email: 'paola@partner.example' };
const SAMPLE_DETAILS: { [C in ErrorCode]: ErrorDetails[C] } = {
  INVALID_INPUT: { issues: [{ path: 'email', message: 'must be an e-mail address' }] },
  UNAUTHENTICATED: {},
  NO_ACCESS: {},
  NOT_FOUND: { orderId: 'ord_1' },
  PAST_PONR: { adminPortalUrl: 'http://onramp.test/admin', mappedAt: null },
  LINE_CANCELLED: {},
  INVALID_TRANSITION: { from: 'closed', command: 'cancel', allowed: ['resend', 'change_contact'] },
  RSD_NOT_REACHED: { rsdAt: '2026-12-10T00:00:00.000Z' },
  DUPLICATE_WEB_ORDER_ID: { webOrderId: 'WO-1' },
  ALREADY_MAPPED: { adminPortalUrl: 'http://onramp.test/admin' },
  ALREADY_EXISTS: { what: 'organization Globex' },
  CASE_CLOSED: {
    closedAt: '2026-11-01T00:00:00.000Z',
    reopenableUntil: '2026-11-15T00:00:00.000Z',
    days: 14,
  },
  LAST_ADMINISTRATOR: {},
  IDEMPOTENCY_KEY_IN_USE: {},
  TOKEN_INVALID: { reason: 'expired' },
  PAYLOAD_TOO_LARGE: { maxBytes: 100_000 },
  IDEMPOTENCY_KEY_REUSED: {},
  RATE_LIMITED: { retryAfterSeconds: 300, limit: 5, windowSeconds: 3600 },
  DATA_DIR_LOCKED: { dataDir: '/var/lib/onramp', pid: 42 },
  UNAVAILABLE: {},
  INTERNAL: {},
  WEBHOOK_URL_REFUSED: { reason: 'private address', host: '10.0.0.1' },
  SSO_REQUIRED: { provider: 'Okta' },
  SSO_FAILED: { reason: 'denied', provider: 'Okta' },
  DOMAIN_NOT_VERIFIED: {
    domain: 'acme.example',
    recordName: '_onramp-verification.acme.example',
    recordValue: 'onramp-verification=abc',
  },
};

/** Variants errorMessage picks by the details, each with the details that select it. */
const VARIANTS: AppError[] = [
  new AppError('NO_ACCESS', { orderPlacedBy: person }),
  new AppError('NO_ACCESS', { orderPlacedBy: person, organizationAdmins: [person] }),
  new AppError('NO_ACCESS', { reason: 'read_only_token' }),
  new AppError('NO_ACCESS', { reason: 'only partner users place orders' }),
  new AppError('NO_ACCESS', { area: 'webhooks' }),
  new AppError('NO_ACCESS', { area: 'users' }),
  new AppError('NO_ACCESS', { area: 'operator' }),
  new AppError('UNAUTHENTICATED', { credential: 'webhook_secret' }),
  new AppError('PAST_PONR', { adminPortalUrl: 'http://onramp.test/admin', action: 'cancel' }),
  new AppError('INVALID_TRANSITION', { from: 'closed', command: 'cancel', allowed: [] }),
  new AppError('RATE_LIMITED', { retryAfterSeconds: 30 }),
  new AppError('RATE_LIMITED', { retryAfterSeconds: 0 }),
  ...SSO_FAILURES.map((reason) => new AppError('SSO_FAILED', { reason, provider: 'Okta' })),
  new AppError('SSO_FAILED', { reason: 'state' }),
  new AppError('SSO_FAILED', { reason: 'provider' }),
];

const NEXT_STEP: Record<Language, RegExp> = {
  en: /\b(try|wait|sign in|send|ask|use|check|open|create|invite|request|stop|place|choose|contact|you can still)\b/i,
  it: /\b(riprovi|attenda|acceda|invii|chieda|si rivolga|usi|controlli|apra|crei|inviti|richieda|arresti|effettui|scelga|contatti|può ancora|può comunque)\b/i,
};

/** The rule, then the step: a sentence end or a colon after the first words. */
const hasTwoParts = (m: string) => /\S[.:;!?»)]\s+\S/.test(m) || /\S:\s/.test(m);

function check(message: string, language: Language, what: string): void {
  expect(message, what).toBeTruthy();
  expect(message, what).not.toMatch(/^errors\./);
  expect(message, `${what}: a placeholder left unfilled`).not.toMatch(/\{\{|\}\}|\bundefined\b|\bnull\b/);
  expect(hasTwoParts(message), `${what}: "${message}" names the rule and then the step`).toBe(true);
  expect(message, `${what}: "${message}" says what to do next`).toMatch(NEXT_STEP[language]);
}

describe('the error catalogue: every refusal names the rule and the next step', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it('lists every code with a sample (the test knows them all)', () => {
    expect(Object.keys(SAMPLE_DETAILS).sort()).toEqual([...codes].sort());
  });

  describe.each(['en', 'it'] as const)('%s', (language) => {
    it.each(codes)('%s', (code) => {
      const details = SAMPLE_DETAILS[code] as ErrorDetails[ErrorCode];
      const message = errorMessage(new AppError(code, details as never), language);
      check(message, language, code);
    });

    it('every variant picked by the details', () => {
      for (const error of VARIANTS)
        check(errorMessage(error, language), language, JSON.stringify(error.details));
    });

    it('every message key has its entry in both languages, and each entry a next step', () => {
      expect(Object.keys(messagesIt.errors).sort()).toEqual(Object.keys(messagesEn.errors).sort());
      const entries = language === 'en' ? messagesEn.errors : messagesIt.errors;
      for (const [key, text] of Object.entries(entries)) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).toMatch(NEXT_STEP[language]);
      }
    });
  });

  it('formats when to come back and the limit in the reader’s language', () => {
    const limited = new AppError('RATE_LIMITED', { retryAfterSeconds: 300, limit: 5, windowSeconds: 3600 });
    expect(errorMessage(limited, 'en')).toBe(
      'Too many requests: at most 5 in 1 hour are allowed. Try again in 5 minutes.',
    );
    expect(errorMessage(limited, 'it')).toBe(
      'Troppe richieste: ne sono consentite al massimo 5 in 1 ora. Riprovi tra 5 minuti.',
    );
  });
});
