/**
 * Opaque keyset cursors for lists: base64url of the sort key of the last row returned, which is
 * always [its timestamp (ISO), its id]. A cursor comes back from the caller, so it is checked
 * as strictly as any input: a forged one is INVALID_INPUT naming `cursor`, never a query that
 * the database refuses (an invalid date) or a date JavaScript cannot represent.
 */
import { invalidInput } from '../domain/errors.js';

const MAX_ID_LENGTH = 64;

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (Array.isArray(key) && key.length === 2) {
    const [iso, id] = key as unknown[];
    const at = typeof iso === 'string' ? new Date(iso) : null;
    // Only what encodeCursor writes: the exact ISO form of an instant in years 1 to 9999 (both
    // stores and both drivers agree on those), and a plain id.
    if (
      at &&
      !Number.isNaN(at.getTime()) &&
      at.getUTCFullYear() >= 1 &&
      at.getUTCFullYear() <= 9999 &&
      at.toISOString() === iso &&
      typeof id === 'string' &&
      id.length > 0 &&
      id.length <= MAX_ID_LENGTH &&
      !id.includes('\u0000')
    )
      return { at, id };
  }
  throw invalidInput('cursor', 'is not a cursor this API returned');
}
