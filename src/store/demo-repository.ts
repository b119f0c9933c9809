/**
 * The rows of the demo world that no use case creates (organizations, users with a password,
 * their API tokens), each kind in one statement. Embedded/demo mode only.
 */
import type { Insertable, Transaction } from 'kysely';

import type { ApiTokenTable, AppUserTable, Database, OrganizationTable } from './schema.js';

export async function insertDemoRows(
  trx: Transaction<Database>,
  rows: {
    organizations: Insertable<OrganizationTable>[];
    users: Insertable<AppUserTable>[];
    apiTokens: Insertable<ApiTokenTable>[];
  },
): Promise<void> {
  await trx.insertInto('organization').values(rows.organizations).execute();
  await trx.insertInto('app_user').values(rows.users).execute();
  await trx.insertInto('api_token').values(rows.apiTokens).execute();
}
