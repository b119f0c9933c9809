/**
 * `Idempotency-Key` on the API's POST and PUT requests. The first answer to a user's key is kept
 * for 24 hours; a retry with the same request (method, path and body, compared by SHA-256) gets
 * that answer again with `Idempotent-Replayed: true` and nothing runs twice. The same key on a
 * different request is `IDEMPOTENCY_KEY_REUSED` (422); a duplicate arriving while the first still
 * runs is `IDEMPOTENCY_KEY_IN_USE` (409). Only 2xx and 4xx answers are kept (not 429, which asks for
 * a retry): after a 5xx the key is free again, because the client must be able to retry.
 */
import { createHash } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';

import type { AppDeps } from '../app/deps.js';
import { AppError, invalidInput } from '../domain/errors.js';
import {
  completeIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyKeyRow,
  releaseIdempotencyKey,
  reserveIdempotencyKey,
} from '../store/idempotency-key-repository.js';
import type { ApiEnv } from './api-types.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEPT_FOR_MS = 24 * 3600_000;
/** A reservation this old belongs to a process that died mid-request. */
const STALE_RESERVATION_MS = 5 * 60_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Every method that changes something honours the key. */
const CHANGE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function requestHash(method: string, path: string, body: string): Buffer {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest();
}

/** The answers kept for a repeated key (so the ones a replay may give; the document says so). */
export const keptForReplay = (status: number) =>
  (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);

function replay(row: IdempotencyKeyRow): Response {
  const headers = new Headers({ [REPLAYED_HEADER]: 'true' });
  if (row.content_type) headers.set('content-type', row.content_type);
  if (row.location) headers.set('location', row.location);
  return new Response(row.body, { status: row.status!, headers });
}

/** Answers a key already on record: a replay, or the reason it cannot be one. */
function answerFor(row: IdempotencyKeyRow, hash: Buffer): Response {
  if (!hash.equals(Buffer.from(row.request_hash))) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  if (row.status === null) throw new AppError('IDEMPOTENCY_KEY_IN_USE');
  return replay(row);
}

export function idempotency(deps: Pick<AppDeps, 'db' | 'clock'>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || !CHANGE_METHODS.has(c.req.method)) return next();
    if (!KEY_FORMAT.test(key))
      throw invalidInput('Idempotency-Key', 'must be 1 to 255 visible ASCII characters');
    const userId = c.get('actor').userId;
    const hash = requestHash(c.req.method, c.req.path, await c.req.text());
    const now = deps.clock.now();

    const existing = await findIdempotencyKey(deps.db, userId, key, now);
    if (existing) return answerFor(existing, hash);
    const reserved = await reserveIdempotencyKey(deps.db, {
      userId,
      key,
      requestHash: hash,
      now,
      expiresAt: new Date(now.getTime() + KEPT_FOR_MS),
      staleBefore: new Date(now.getTime() - STALE_RESERVATION_MS),
    });
    if (!reserved) {
      // Lost the race to a concurrent duplicate: answer as if it had been on record.
      const winner = await findIdempotencyKey(deps.db, userId, key, now);
      if (!winner) throw new AppError('IDEMPOTENCY_KEY_IN_USE');
      return answerFor(winner, hash);
    }

    try {
      await next();
    } catch (e) {
      await releaseIdempotencyKey(deps.db, userId, key);
      throw e;
    }
    const res = c.res;
    if (!keptForReplay(res.status)) return releaseIdempotencyKey(deps.db, userId, key);
    await completeIdempotencyKey(deps.db, userId, key, {
      status: res.status,
      contentType: res.headers.get('content-type'),
      location: res.headers.get('location'),
      body: await res.clone().text(),
    });
  };
}
