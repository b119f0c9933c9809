/** The user an operator names on the command line (`--as <email>`), as an Actor; null if none. */
import type { Actor } from '../domain/types.js';
import type { AppDeps } from './deps.js';
import { actorOf } from '../store/actor-row.js';

export async function findActorByEmail(deps: Pick<AppDeps, 'db'>, email: string): Promise<Actor | null> {
  const row = await deps.db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'role', 'organization_id', 'language'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return actorOf(row);
}
