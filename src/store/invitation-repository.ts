/**
 * Invitations to join an organization. `token_hash` is the live link's SHA-256: a resend replaces
 * it (the old link stops) and `message_key` names the newest e-mail, so a bounce report finds it.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';

import type { Database, InvitationTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type InvitationRow = Selectable<InvitationTable>;

/** An invitation with who invited (their current name and e-mail, when the account still exists). */
export type InvitationListRow = InvitationRow & {
  inviter_name: string | null;
  inviter_email: string | null;
};

function withInviter(db: Db) {
  return db
    .selectFrom('invitation as i')
    .leftJoin('app_user as u', 'u.id', 'i.invited_by_user_id')
    .selectAll('i')
    .select(['u.name as inviter_name', 'u.email as inviter_email']);
}

export async function insertInvitation(db: Db, row: Insertable<InvitationTable>): Promise<void> {
  await db.insertInto('invitation').values(row).execute();
}

/** The organization's invitations, newest first (at most `limit`). */
export async function invitationsOf(
  db: Db,
  organizationId: string,
  limit = 500,
): Promise<InvitationListRow[]> {
  return withInviter(db)
    .where('i.organization_id', '=', organizationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findInvitation(db: Db, invitationId: string): Promise<InvitationListRow | undefined> {
  return withInviter(db).where('i.id', '=', invitationId).executeTakeFirst();
}

export async function lockInvitation(
  trx: Transaction<Database>,
  invitationId: string,
): Promise<InvitationRow | undefined> {
  return trx
    .selectFrom('invitation')
    .selectAll()
    .where('id', '=', invitationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The invitation a link names (its current link only); locked when `lock` (accept, renew). */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: Uint8Array,
  opts: { lock?: boolean } = {},
): Promise<InvitationRow | undefined> {
  const query = db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function lockInvitationByMessageKey(
  trx: Transaction<Database>,
  messageKey: string,
): Promise<InvitationRow | undefined> {
  return trx
    .selectFrom('invitation')
    .selectAll()
    .where('message_key', '=', messageKey)
    .forUpdate()
    .executeTakeFirst();
}

/** Invitations of this address to this organization still waiting (not accepted, revoked, bounced or expired). */
export async function liveInvitationExists(
  db: Db,
  organizationId: string,
  email: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('invitation')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('bounced_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** A resend: the new link, its expiry and e-mail replace the old ones; a bounce of the old e-mail no longer counts. */
export async function replaceInvitationLink(
  db: Db,
  invitationId: string,
  link: { tokenHash: Uint8Array; sentAt: Date; expiresAt: Date; messageKey: string },
): Promise<void> {
  await db
    .updateTable('invitation')
    .set((eb) => ({
      token_hash: link.tokenHash,
      sent_at: link.sentAt,
      expires_at: link.expiresAt,
      message_key: link.messageKey,
      bounced_at: null,
      send_count: eb('send_count', '+', 1),
    }))
    .where('id', '=', invitationId)
    .execute();
}

export async function setInvitationRevoked(db: Db, invitationId: string, now: Date): Promise<void> {
  await db.updateTable('invitation').set({ revoked_at: now }).where('id', '=', invitationId).execute();
}

export async function setInvitationAccepted(
  db: Db,
  invitationId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ accepted_at: now, accepted_user_id: userId })
    .where('id', '=', invitationId)
    .execute();
}

export async function setInvitationBounced(db: Db, invitationId: string, now: Date): Promise<void> {
  await db.updateTable('invitation').set({ bounced_at: now }).where('id', '=', invitationId).execute();
}
