/** The queries of `onramp admin bootstrap`: the first operator and the platform's organization. */
import { sql, type Transaction } from 'kysely';

import type { Language } from '../domain/types.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

/** Any fixed number: the advisory lock every bootstrap takes, released when its transaction ends. */
const BOOTSTRAP_LOCK = 0x0b007;

export async function lockBootstrap(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(trx);
}

export async function anyOperatorExists(trx: Trx): Promise<boolean> {
  const row = await trx
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'operator')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function emailTaken(trx: Trx, email: string): Promise<boolean> {
  const row = await trx
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** The oldest organization of kind `operator` (the demo world has one), or undefined. */
export async function findPlatformOrganization(trx: Trx): Promise<string | undefined> {
  const row = await trx
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'operator')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function insertPlatformOrganization(trx: Trx, org: { id: string; name: string; now: Date }) {
  await trx
    .insertInto('organization')
    .values({ id: org.id, kind: 'operator', name: org.name, created_at: org.now })
    .execute();
}

export async function insertOperator(
  trx: Trx,
  user: { id: string; organizationId: string; name: string; email: string; language: Language; now: Date },
): Promise<void> {
  await trx
    .insertInto('app_user')
    .values({
      id: user.id,
      organization_id: user.organizationId,
      role: 'operator',
      name: user.name,
      email: user.email,
      language: user.language,
      created_at: user.now,
    })
    .execute();
}
