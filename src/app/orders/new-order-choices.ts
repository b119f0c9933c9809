/**
 * What the new-order page offers to choose from: the offers still sold (by name, as partners
 * know them) and the distributors an order may go through. Only those who may place an order
 * (the place-order use case's rule) get them.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { listOffers } from '../../store/offer-repository.js';
import { activeDistributors } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';

export interface NewOrderChoices {
  offers: { code: string; name: string }[];
  distributors: { id: string; name: string }[];
}

/** Partner users and partner admins place orders; nobody else sees the form or its link. */
export function canPlaceOrders(actor: Actor): boolean {
  return actor.role === 'partner_user' || actor.role === 'partner_admin';
}

export async function newOrderChoices(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<NewOrderChoices> {
  if (!canPlaceOrders(actor)) throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
  const offers = (await listOffers(deps.db))
    .filter((o) => o.active)
    .map((o) => ({ code: o.code, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  return { offers, distributors: await activeDistributors(deps.db) };
}
