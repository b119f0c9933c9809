/**
 * Bulk actions on subscription lines run each line in its own transaction: one refused line never
 * undoes the others, and no line is ever half-changed. The caller gets one result per line.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../domain/errors.js';

/** At most this many lines in one bulk action: a page of lines, not a whole book of orders. */
export const MAX_BULK_LINES = 100;

const bulkLinesSchema = z
  .array(z.string().regex(/^Sub\d+$/, 'must be subscription ids (Sub + digits)'))
  .min(1, 'select at least one line')
  .max(MAX_BULK_LINES, `select at most ${MAX_BULK_LINES} lines`);

export type LineResult<T> =
  { subscriptionId: string; ok: true; value: T } | { subscriptionId: string; ok: false; error: AppError };

/** The distinct subscription ids, in the order given; INVALID_INPUT when there are none or too many. */
export function bulkLines(subscriptionIds: string[]): string[] {
  const parsed = bulkLinesSchema.safeParse([...new Set(subscriptionIds)]);
  if (!parsed.success)
    throw invalidInput(parsed.error.issues.map((i) => ({ path: 'subscriptionIds', message: i.message })));
  return parsed.data;
}

/**
 * Acts on the lines one after another. Refusals (AppError) are results; anything else (the
 * database went away) stops the run and propagates, and the lines done so far stay done.
 */
export async function eachLineApart<T>(
  subscriptionIds: string[],
  act: (subscriptionId: string) => Promise<T>,
): Promise<LineResult<T>[]> {
  const results: LineResult<T>[] = [];
  for (const subscriptionId of bulkLines(subscriptionIds)) {
    try {
      results.push({ subscriptionId, ok: true, value: await act(subscriptionId) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ subscriptionId, ok: false, error: e });
    }
  }
  return results;
}
