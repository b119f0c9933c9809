/**
 * Loads a case for whoever asks and says in which role they see it. A case the viewer may not see
 * is NOT_FOUND, so its existence is not disclosed.
 */
import { timingSafeEqual } from 'node:crypto';

import { AppError } from '../../domain/errors.js';
import { caseAccess } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import { findCase, type SupportCaseRow } from '../../store/support-case-repository.js';
import { type AppDeps, hashToken } from '../deps.js';

/** A signed-in user, or the key from a case link (provisioning contacts). */
export type CaseViewerInput = { actor: Actor } | { key: string };

function keyMatches(row: SupportCaseRow, key: string): boolean {
  if (!row.access_key_hash || key.length === 0 || key.length > 100) return false;
  const stored = Buffer.from(row.access_key_hash);
  const given = hashToken(key);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/** In which role the viewer sees this case ('none': as if it did not exist). */
export function viewerRole(row: SupportCaseRow, viewer: CaseViewerInput): 'agent' | 'requester' | 'none' {
  return caseAccess('key' in viewer ? { keyMatches: keyMatches(row, viewer.key) } : viewer, {
    requesterUserId: row.requester_user_id,
  });
}

export async function findCaseForViewer(
  deps: AppDeps,
  viewer: CaseViewerInput,
  caseId: string,
): Promise<{ row: SupportCaseRow; role: 'agent' | 'requester' }> {
  const row = await findCase(deps.db, caseId);
  const role = row ? viewerRole(row, viewer) : 'none';
  if (!row || role === 'none') throw new AppError('NOT_FOUND', { caseId });
  return { row, role };
}
