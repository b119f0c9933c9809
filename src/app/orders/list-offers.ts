/**
 * The offer catalogue as every signed-in user reads it (the API's GET /offers), and what the
 * catalogue's use cases share: who may change it and how an offer looks outside the store.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../domain/errors.js';
import { unseededPolicyDays } from '../../domain/policy.js';
import type { Actor } from '../../domain/types.js';
import { type AuditActor, CLI_ACTOR } from '../../store/audit-repository.js';
import { listOffers as listOfferRows, type OfferRow } from '../../store/offer-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';

export interface OfferView {
  code: string;
  name: string;
  /** Days after the first provisioning e-mail until an unprovisioned line closes (new orders). */
  policyDays: number;
  /** False: retired, new orders are refused; existing lines keep going. */
  active: boolean;
}

export function offerView(row: OfferRow): OfferView {
  return {
    code: row.code,
    name: row.name,
    policyDays: row.policy_days ?? unseededPolicyDays(row.code),
    active: row.active,
  };
}

/** An operator signed in, or the `onramp admin offers` command (someone with the server's keys). */
export type OfferEditor = Actor | 'cli';

/** Operators only; returns who the audit trail names. */
export function authorizeOfferEditor(by: OfferEditor): AuditActor {
  if (by === 'cli') return CLI_ACTOR;
  if (by.role !== 'operator') throw new AppError('NO_ACCESS', { area: 'operator' });
  return auditActorOf(by);
}

/** Offer codes: what partners type and what is printed on their lines. */
export const OFFER_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
export const OFFER_CODE_RULE =
  'must be 2 to 32 capital letters, digits or dashes, starting with a letter or digit';
export const offerCodeSchema = z.string().trim().regex(OFFER_CODE_PATTERN, OFFER_CODE_RULE);
export const offerNameSchema = z.string().trim().min(1, 'is required').max(100, 'at most 100 characters');
/**
 * An offer's period may not outlast the setup link (SETUP_LINK_TTL_DAYS): the contact's link would
 * die while the line still waits, and the e-mail's deadline would be the link's, not the close.
 */
export function refuseLongerThanSetupLink(deps: AppDeps, policyDays: number): void {
  const ttl = deps.settings.setupLinkTtlDays;
  if (policyDays > ttl)
    throw invalidInput(
      'policyDays',
      `must be at most ${ttl} days: setup links live ${ttl} days (SETUP_LINK_TTL_DAYS)`,
    );
}

export const policyDaysSchema = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be 1 to 365 days')
  .max(365, 'must be 1 to 365 days');

/** Every signed-in user (customer admins too) sees the catalogue: its codes appear on their lines. */
export async function listOffers(deps: Pick<AppDeps, 'db'>, _by: Actor | 'cli'): Promise<OfferView[]> {
  return (await listOfferRows(deps.db)).map(offerView);
}
