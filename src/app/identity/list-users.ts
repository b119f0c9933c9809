/** The users of an organization (the caller's own by default), and one user by id. */
import { AppError } from '../../domain/errors.js';
import { ROLES_OF_KIND } from '../../domain/roles.js';
import type { Actor, OrganizationKind, Role } from '../../domain/types.js';
import { findOrganization, findUser, usersOf } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { assertSees, organizationOfRequest, type UserView, userView } from './people-views.js';

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

export interface PeopleOrganization {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  /** The roles users and invitations of this organization may have. */
  roles: readonly Role[];
}

/** The organization whose people the caller manages (their own by default), for the people page. */
export async function getPeopleOrganization(
  deps: AppDeps,
  actor: Actor,
  organizationId?: string,
): Promise<PeopleOrganization> {
  const id = organizationOfRequest(actor, organizationId);
  const org = await findOrganization(deps.db, id);
  if (!org) throw new AppError('NOT_FOUND', { organizationId: id });
  return { organizationId: org.id, name: org.name, kind: org.kind, roles: ROLES_OF_KIND[org.kind] };
}
