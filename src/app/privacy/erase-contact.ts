/**
 * `onramp erase-contact --email <e>`: a person's data pseudonymized everywhere, for a GDPR
 * erasure request. In one transaction: their address and names become a pseudonym derived from
 * the address (the same one every time, so a second run finds nothing left and changes nothing) in
 * every table, the audit trail included through its one redaction path (migrations/027); mail the
 * built-in sink captured about them is deleted; e-mails still waiting for them are withdrawn; if
 * they are a user, the user is deactivated (sessions ended, API tokens revoked, password removed)
 * but kept, so orders and events that point to them stay whole. One audit entry, "contact.erased",
 * records it by the pseudonym, never the address.
 *
 * The last active administrator of an organization is refused: the organization would have no
 * one to manage it. Another administrator is appointed first, then the erasure runs.
 */
import { createHash } from 'node:crypto';

import { AppError } from '../../domain/errors.js';
import { ADMIN_ROLE_OF_KIND } from '../../domain/roles.js';
import { appendAudit, type AuditActor, CLI_ACTOR } from '../../store/audit-repository.js';
import {
  allowAuditRedaction,
  deleteCapturedMailOf,
  deleteTracesOf,
  findPerson,
  forgetPasswordOf,
  type Pseudonym,
  pseudonymizeEverywhere,
  revokeInvitationsTo,
  withdrawWaitingEmailsTo,
} from '../../store/erase-contact-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import {
  countOtherActiveAdmins,
  deactivateUser,
  findOrganization,
  lockUser,
} from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';

export interface ErasureReport {
  pseudonym: Pseudonym;
  /** Changes per table (rows rewritten or deleted, summed over the steps); empty when nothing was left. */
  changed: Record<string, number>;
}

/** The pseudonym of an address: stable, so reruns and later mentions agree; `.invalid` never delivers. */
export function pseudonymOf(address: string): Pseudonym {
  const hash = createHash('sha256').update(address).digest('hex');
  return { name: `Erased contact ${hash.slice(0, 8)}`, email: `erased-${hash.slice(0, 16)}@erased.invalid` };
}

const add = (changed: Record<string, number>, table: string, count: number) => {
  if (count > 0) changed[table] = (changed[table] ?? 0) + count;
};

export async function eraseContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { email: string },
  actor: AuditActor = CLI_ACTOR,
): Promise<ErasureReport> {
  const address = input.email.trim().toLowerCase();
  const addressHash = createHash('sha256').update(address).digest('hex');
  const pseudonym = pseudonymOf(address);
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    await allowAuditRedaction(trx);
    const person = await findPerson(trx, address);
    const changed: Record<string, number> = {};
    let organizationId: string | null = null;
    if (person.userId) {
      const user = (await lockUser(trx, person.userId))!;
      const org = (await findOrganization(trx, user.organization_id))!;
      organizationId = org.id;
      const adminRole = ADMIN_ROLE_OF_KIND[org.kind];
      if (
        user.role === adminRole &&
        user.deactivated_at === null &&
        (await countOtherActiveAdmins(trx, org.id, adminRole, user.id)) === 0
      )
        throw new AppError('INVALID_INPUT', {
          issues: [
            {
              path: 'email',
              message: `is the last active administrator of ${org.name} (${org.id}): make another user its administrator first, then erase`,
            },
          ],
          rule: 'last_admin',
        });
      if (user.deactivated_at === null) {
        const ended = await deactivateUser(trx, user.id, now);
        add(changed, 'web_session', ended.endedSessions);
        add(changed, 'api_token', ended.revokedTokens);
      }
      const forgotten = await forgetPasswordOf(trx, user.id, now);
      add(changed, 'app_user', forgotten.passwords);
      add(changed, 'password_token', forgotten.links);
    }
    add(changed, 'captured_mail', await deleteCapturedMailOf(trx, address));
    add(changed, 'provisioning_email', await withdrawWaitingEmailsTo(trx, address, now));
    add(changed, 'invitation', await revokeInvitationsTo(trx, address, now));
    for (const [table, count] of Object.entries(await deleteTracesOf(trx, addressHash, person.userId)))
      add(changed, table, count);
    for (const [table, count] of Object.entries(await pseudonymizeEverywhere(trx, person, pseudonym)))
      add(changed, table, count);
    if (Object.keys(changed).length > 0)
      await appendAudit(trx, now, actor, [
        { action: 'contact.erased', organizationId, data: { pseudonym: pseudonym.email, tables: changed } },
      ]);
    return { pseudonym, changed };
  });
}
