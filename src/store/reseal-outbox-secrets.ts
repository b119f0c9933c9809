/**
 * Brings the secrets of e-mails still waiting (pending, or failed and retryable) under the current
 * key: rows queued before sealing existed hold them in clear, and after a key rotation rows hold
 * them under the old key. The worker runs this every minute, so an upgrade leaves nothing in clear
 * for long and an old key can be dropped once no row names it (docs/architecture.md).
 *
 * Each row is rewritten only if its payload is still the one read: a row finished or withdrawn
 * meanwhile keeps what its writer stored. A row that does not open is left to the dispatcher,
 * which fails it with the reason.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';
import { isSealed, keyRing, seal, sealedKeyId, unseal, UnsealError } from './secret-box.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: the backlog of a long outage goes over several minutes, not one long lock. */
const BATCH = 500;

export async function resealOutboxSecrets(db: Db): Promise<number> {
  const current = keyRing().current.id;
  const { rows } = await sql<{ id: string; payload: { input: { secrets: unknown } } }>`
    select id, payload from outbox
    where topic = 'email' and (status = 'pending' or (status = 'failed' and retry_until is not null))
      and payload -> 'input' ? 'secrets'
      and (jsonb_typeof(payload -> 'input' -> 'secrets') <> 'string'
        or (payload -> 'input' ->> 'secrets') not like ${`sealed:v1:${current}:%`})
    order by id
    limit ${BATCH}`.execute(db);
  let resealed = 0;
  for (const row of rows) {
    const secrets = row.payload.input.secrets;
    let plain: string;
    try {
      plain = isSealed(secrets) ? unseal(secrets, 'outbox') : JSON.stringify(secrets);
    } catch (e) {
      if (e instanceof UnsealError) continue;
      throw e;
    }
    if (isSealed(secrets) && sealedKeyId(secrets) === current) continue;
    const payload = { ...row.payload, input: { ...row.payload.input, secrets: seal(plain, 'outbox') } };
    const result = await db
      .updateTable('outbox')
      .set({ payload: JSON.stringify(payload) })
      .where('id', '=', Number(row.id))
      .where(sql<boolean>`payload = ${JSON.stringify(row.payload)}::jsonb`)
      .executeTakeFirst();
    resealed += Number(result.numUpdatedRows);
  }
  return resealed;
}
