/** The users of an organization (the caller's own by default), and one user by id. */
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/types.js';
import { findOrganization, findUser, usersOf } from '../store/user-repository.js';
import type { AppDeps } from './deps.js';
import { assertSees, organizationOfRequest, userView, type UserView } from './people-views.js';

export async function listUsers(deps: AppDeps, actor: Actor, organizationId?: string): Promise<UserView[]> {
  const id = organizationOfRequest(actor, organizationId);
  if (!(await findOrganization(deps.db, id))) throw new AppError('NOT_FOUND', { organizationId: id });
  return (await usersOf(deps.db, id)).map(userView);
}

export async function getUser(deps: AppDeps, actor: Actor, userId: string): Promise<UserView> {
  const row = await findUser(deps.db, userId);
  assertSees(actor, row?.organization_id, new AppError('NOT_FOUND', { userId }));
  return userView(row!);
}
