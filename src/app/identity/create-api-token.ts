/**
 * Create a personal API token. Users create their own (API, /settings/tokens); operators create
 * one for any user on the command line (`onramp admin create-token`). Both go through
 * `createApiTokenFor`, which takes the owner's user id and who acts, so the rules live once.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';

import {
  assertRoomForTokens,
  expiresAtOf,
  MAX_EXPIRY_DAYS,
  MAX_NAME_LENGTH,
  MIN_EXPIRY_DAYS,
  tokenSecretOf,
} from '../../domain/api-token-rules.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import {
  countWorkingTokens,
  insertApiToken,
  lockTokenOwner,
  type TokenOwnerRow,
} from '../../store/api-token-repository.js';
import { appendAudit, type AuditActor } from '../../store/audit-repository.js';
import type { Database } from '../../store/schema.js';
import { auditActorOf } from '../actor-label.js';
import { type AppDeps, hashToken } from '../deps.js';
import { apiTokenView, type IssuedApiToken } from './list-api-tokens.js';

export const tokenNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`);

export const expiresInDaysSchema = z
  .number()
  .int('must be a whole number of days')
  .min(MIN_EXPIRY_DAYS, `must be ${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS} days`)
  .max(MAX_EXPIRY_DAYS, `must be ${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS} days`);

export const createApiTokenSchema = z.object({
  name: tokenNameSchema,
  expiresInDays: expiresInDaysSchema,
  readOnly: z.boolean().default(false),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

/** The owner, locked, and refused if deactivated (their tokens could not work anyway). */
export async function lockActiveOwner(trx: Transaction<Database>, userId: string): Promise<TokenOwnerRow> {
  const owner = await lockTokenOwner(trx, userId);
  if (!owner) throw new AppError('NOT_FOUND', { what: 'user' });
  if (owner.deactivated_at)
    throw invalidInput('user', 'this user is deactivated: their tokens would not work');
  return owner;
}

/** Mints a token and writes its row (the hash only); the caller audits. */
export async function issueToken(
  trx: Transaction<Database>,
  deps: AppDeps,
  spec: { userId: string; name: string; readOnly: boolean; lifetimeDays: number; now: Date },
): Promise<IssuedApiToken> {
  const { token, hint } = tokenSecretOf(deps.ids.newToken());
  const row = {
    id: deps.ids.newId('tok'),
    token_hash: hashToken(token),
    user_id: spec.userId,
    label: spec.name,
    read_only: spec.readOnly,
    hint,
    created_at: spec.now,
    expires_at: expiresAtOf(spec.now, spec.lifetimeDays),
    last_used_at: null,
    revoked_at: null,
    rolled_at: null,
    rolled_to_id: null,
  };
  await insertApiToken(trx, row);
  return { ...apiTokenView(row, spec.now), token };
}

export async function createApiTokenFor(
  deps: AppDeps,
  by: AuditActor,
  userId: string,
  input: CreateApiTokenInput,
): Promise<IssuedApiToken> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const owner = await lockActiveOwner(trx, userId);
    assertRoomForTokens(await countWorkingTokens(trx, userId, now), 1);
    const issued = await issueToken(trx, deps, {
      userId,
      name: input.name,
      readOnly: input.readOnly,
      lifetimeDays: input.expiresInDays,
      now,
    });
    await appendAudit(trx, now, by, [
      {
        action: 'api_token.created',
        organizationId: owner.organization_id,
        data: {
          tokenId: issued.tokenId,
          userId,
          name: issued.name,
          readOnly: issued.readOnly,
          hint: issued.hint,
          expiresAt: issued.expiresAt,
        },
      },
    ]);
    return issued;
  });
}

/** A user creates a token for themself. */
export function createApiToken(
  deps: AppDeps,
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<IssuedApiToken> {
  return createApiTokenFor(deps, auditActorOf(actor), actor.userId, input);
}
