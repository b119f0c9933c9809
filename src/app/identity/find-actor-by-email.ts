/** The user an operator names on the command line (`--as <email>`), as an Actor; null if none. */
import type { Actor } from '../../domain/types.js';
import { actorOf } from '../../store/actor-row.js';
import { findUserByEmail } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';

export async function findActorByEmail(deps: Pick<AppDeps, 'db'>, email: string): Promise<Actor | null> {
  return actorOf(await findUserByEmail(deps.db, email));
}
