/** The invitations of an organization (the caller's own by default), newest first, optionally by status. */
import { AppError } from '../../domain/errors.js';
import type { InvitationStatus } from '../../domain/invitation-status.js';
import type { Actor } from '../../domain/types.js';
import { findInvitation, invitationsOf } from '../../store/invitation-repository.js';
import { findOrganization } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { assertSees, type InvitationView, invitationView, organizationOfRequest } from './people-views.js';

export async function listInvitations(
  deps: AppDeps,
  actor: Actor,
  filter: { organizationId?: string | undefined; status?: InvitationStatus | undefined } = {},
): Promise<InvitationView[]> {
  const id = organizationOfRequest(actor, filter.organizationId);
  if (!(await findOrganization(deps.db, id))) throw new AppError('NOT_FOUND', { organizationId: id });
  const now = deps.clock.now();
  const views = (await invitationsOf(deps.db, id)).map((row) => invitationView(row, now));
  return filter.status ? views.filter((v) => v.status === filter.status) : views;
}

export async function getInvitation(
  deps: AppDeps,
  actor: Actor,
  invitationId: string,
): Promise<InvitationView> {
  const row = await findInvitation(deps.db, invitationId);
  assertSees(actor, row?.organization_id, new AppError('NOT_FOUND', { invitationId }));
  return invitationView(row!, deps.clock.now());
}
