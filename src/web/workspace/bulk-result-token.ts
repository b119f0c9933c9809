/**
 * A bulk action's results cross one redirect (POST → 303 → GET /subscriptions/bulk/results), so a
 * reload shows them again without acting again, and the language switch re-renders them. They
 * travel in the results page's query, compressed and sealed (AES-256-GCM) under a key derived
 * from the browser's session id: the server stores nothing, any web process can read them, no
 * other session can, nobody can forge or alter them, and nothing in them (a placer's address in a
 * refusal) is readable in the URL. They are kept for an hour.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

import { z } from 'zod';

import { openForSession, sealForSession } from '../session-seal.js';
import type { WebContext } from './workspace-support.js';

const RESULTS_TTL_MS = 60 * 60_000;
/** A sealed query longer than this is not ours (100 lines seal to about 2–3 kB). */
const MAX_TOKEN = 16_000;

const resultsSchema = z.object({
  /** The user who acted: the results show to nobody else, even on a shared session. */
  userId: z.string(),
  action: z.enum(['resend', 'contact']),
  back: z.string(),
  expiresAt: z.number(),
  lines: z.array(
    z.union([
      z.object({
        subscriptionId: z.string(),
        sendId: z.string().nullable(),
        /** A contact change: false when the line already had that contact. */
        changed: z.boolean(),
      }),
      z.object({
        subscriptionId: z.string(),
        refused: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()) }),
      }),
    ]),
  ),
});
export type BulkResults = z.infer<typeof resultsSchema>;
export type BulkResultLine = BulkResults['lines'][number];

const PURPOSE = 'bulk results';

/** The sealed results, or null without a session (the page then shows them at once). */
export function sealBulkResults(
  c: WebContext,
  results: Omit<BulkResults, 'expiresAt'>,
  now: Date,
): string | null {
  const plain = deflateRawSync(JSON.stringify({ ...results, expiresAt: now.getTime() + RESULTS_TTL_MS }));
  return sealForSession(c, PURPOSE, plain);
}

/** The results for this user, or null when expired, another session's or user's, or tampered with. */
export function openBulkResults(c: WebContext, token: string, userId: string, now: Date): BulkResults | null {
  const plain = token.length > MAX_TOKEN ? null : openForSession(c, PURPOSE, token);
  if (!plain) return null; // another session's, tampered with, or not ours
  try {
    const text = inflateRawSync(plain, { maxOutputLength: 1 << 20 }).toString('utf8');
    const parsed = resultsSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.userId !== userId || parsed.data.expiresAt <= now.getTime())
      return null;
    return parsed.data;
  } catch {
    return null; // from an older format
  }
}
