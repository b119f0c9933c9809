/**
 * Webhook endpoints' signing secrets at rest: sealed (secret-box.ts, purpose 'webhook'), opened
 * only to sign a delivery. An endpoint has its current secret and, for an overlap window after a
 * rotation, its previous one: both sign until the previous one expires (migrations/031).
 *
 * Rows registered before secrets were sealed hold them in clear; `resealWebhookSecrets` (the
 * worker, every minute, beside the outbox's) seals those and brings secrets sealed under an older
 * key under the current one, so an old OUTBOX_SECRET_KEY can be dropped once nothing names it.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';
import { isSealed, keyRing, seal, sealedKeyId, unseal, UnsealError } from './secret-box.js';
import type { WebhookEndpointRow } from './webhook-repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export function sealWebhookSecret(plain: string): string {
  return seal(plain, 'webhook');
}

/** A stored secret in clear (a row from before sealing is already). */
export function openWebhookSecret(stored: string): string {
  return isSealed(stored) ? unseal(stored, 'webhook') : stored;
}

/** The secrets that sign a delivery at `now`: the current one first, then the previous one while it lasts. */
export function signingSecretsOf(
  endpoint: Pick<WebhookEndpointRow, 'secret' | 'previous_secret' | 'previous_secret_expires_at'>,
  now: Date,
): string[] {
  const secrets = [openWebhookSecret(endpoint.secret)];
  const until = endpoint.previous_secret_expires_at;
  if (endpoint.previous_secret && until && until.getTime() > now.getTime())
    secrets.push(openWebhookSecret(endpoint.previous_secret));
  return secrets;
}

/**
 * Makes `secret` the endpoint's current secret; the one it replaces keeps signing until
 * `previousUntil` (null: it stops at once). A secret still in its overlap from an earlier rotation
 * is dropped: only one previous secret is kept.
 */
export async function rotateEndpointSecret(
  db: Db,
  endpoint: Pick<WebhookEndpointRow, 'id' | 'secret'>,
  secret: string,
  previousUntil: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('webhook_endpoint')
    .set({
      secret: sealWebhookSecret(secret),
      previous_secret: previousUntil ? sealWebhookSecret(openWebhookSecret(endpoint.secret)) : null,
      previous_secret_expires_at: previousUntil,
      secret_rotated_at: now,
    })
    .where('id', '=', endpoint.id)
    .execute();
}

/** Rows per pass: a large backlog goes over several minutes, not one long lock. */
const BATCH = 500;

/** Seals clear secrets and reseals those under an older key; returns how many rows changed. */
export async function resealWebhookSecrets(db: Db): Promise<number> {
  const current = `sealed:v1:${keyRing().current.id}:%`;
  const rows = await db
    .selectFrom('webhook_endpoint')
    .select(['id', 'secret', 'previous_secret'])
    .where((eb) =>
      eb.or([
        eb('secret', 'not like', current),
        eb.and([eb('previous_secret', 'is not', null), eb('previous_secret', 'not like', current)]),
      ]),
    )
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const reseal = (stored: string) =>
    isSealed(stored) && sealedKeyId(stored) === keyRing().current.id
      ? stored
      : sealWebhookSecret(openWebhookSecret(stored));
  let resealed = 0;
  for (const row of rows) {
    let secret: string;
    let previous: string | null;
    try {
      secret = reseal(row.secret);
      previous = row.previous_secret === null ? null : reseal(row.previous_secret);
    } catch (e) {
      // Under a key no longer configured: the dispatcher fails its deliveries with the reason.
      if (e instanceof UnsealError) continue;
      throw e;
    }
    // Only if nobody rotated it meanwhile.
    const result = await db
      .updateTable('webhook_endpoint')
      .set({ secret, previous_secret: previous })
      .where('id', '=', row.id)
      .where('secret', '=', row.secret)
      .where(sql<boolean>`previous_secret is not distinct from ${row.previous_secret}`)
      .executeTakeFirst();
    resealed += Number(result.numUpdatedRows);
  }
  return resealed;
}
