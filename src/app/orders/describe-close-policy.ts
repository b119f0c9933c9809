/**
 * The policy periods as the help page tells them: "7 days for Active Flex and Active Flex 3-year,
 * 30 days for the other offers". Read from the offer catalogue (the database), so the page says
 * what every process enforces, whatever an operator set. Public: the periods and offer names are
 * the same for every organization.
 */
import { listOffers } from '../../store/offer-repository.js';
import type { AppDeps } from '../deps.js';
import { offerView } from './list-offers.js';

export interface ClosePolicy {
  /** Periods other than the usual one, shortest first, with the offers that have them. */
  exceptions: { days: number; offers: { code: string; name: string }[] }[];
  /** The period most active offers have (the longer one on a tie); the settings' default without offers. */
  otherDays: number;
}

/** Pure: groups active offers by period; the most common period is "the other offers". */
export function groupPeriods(
  offers: { code: string; name: string; policyDays: number; active: boolean }[],
  defaultDays: number,
): ClosePolicy {
  const byDays = new Map<number, { code: string; name: string }[]>();
  for (const o of offers.filter((o) => o.active))
    byDays.set(o.policyDays, [...(byDays.get(o.policyDays) ?? []), { code: o.code, name: o.name }]);
  const otherDays =
    [...byDays.entries()].sort((a, b) => b[1].length - a[1].length || b[0] - a[0])[0]?.[0] ?? defaultDays;
  const exceptions = [...byDays.entries()]
    .filter(([days]) => days !== otherDays)
    .sort((a, b) => a[0] - b[0])
    .map(([days, list]) => ({ days, offers: list }));
  return { exceptions, otherDays };
}

export async function describeClosePolicy(deps: Pick<AppDeps, 'db' | 'settings'>): Promise<ClosePolicy> {
  const offers = (await listOffers(deps.db)).map(offerView);
  return groupPeriods(offers, deps.settings.policy.defaultDays);
}
