/**
 * Policy: when reminders go out before a line closes, and at which hour the RSD e-mail is due.
 * Pure; overrides come from configuration.
 *
 * How many days after the first e-mail a line closes (its policy period) is the offer
 * catalogue's, in the database, copied onto each line when it is ordered (`policy_days`): a line
 * keeps the period it was ordered with, and every process reads the same deadline. The per-offer
 * days here only seed the catalogue once (src/app/orders/seed-offer-catalogue.ts).
 */
export interface Policy {
  /** Seed only: offer code -> days for offers not yet in the catalogue's periods; others `defaultDays`. */
  closeAfterDays: Readonly<Record<string, number>>;
  /** Seed only: the period of every other offer. */
  defaultDays: number;
  /** Reminders, in days before the close instant, largest first (e.g. [3, 1]). */
  reminderDaysBefore: Readonly<Record<string, readonly number[]>>;
  defaultReminderDaysBefore: readonly number[];
  /** Hour of the RSD day (UTC) at which the first e-mail is due. */
  rsdHourUtc: number;
}

export const DEFAULT_POLICY: Policy = {
  closeAfterDays: { 'A-FLEX': 7, 'A-FLEX-3': 7 },
  defaultDays: 30,
  reminderDaysBefore: {},
  defaultReminderDaysBefore: [3, 1],
  rsdHourUtc: 0,
};

const DAY_MS = 86_400_000;

/** The seed period of an offer: what the catalogue gets for it the first time. */
export function policyDaysFor(
  policy: Pick<Policy, 'closeAfterDays' | 'defaultDays'>,
  offerCode: string,
): number {
  return policy.closeAfterDays[offerCode] ?? policy.defaultDays;
}

/**
 * The period of a line stored before the catalogue was seeded (only a database that was migrated
 * but never started, such as a test image): the built-in table's, as before the catalogue.
 */
export function unseededPolicyDays(offerCode: string): number {
  return policyDaysFor(DEFAULT_POLICY, offerCode);
}

/** A line's period: its offer (for per-offer reminders) and the days it was ordered with. */
export interface LinePeriod {
  offerCode: string;
  policyDays: number;
}

export function closeInstant(policyDays: number, firstEmailAt: Date): Date {
  return new Date(firstEmailAt.getTime() + policyDays * DAY_MS);
}

/**
 * The deadline a setup link's holder is given: the line's close while it is open, but never after
 * the link dies (an offer's period may outlast the link). A line already closed, or not yet e-mailed
 * (`closesAt` null), leaves the link's own expiry.
 */
export function setupDeadline(closesAt: Date | null, linkExpiresAt: Date): Date {
  return closesAt && closesAt < linkExpiresAt ? closesAt : linkExpiresAt;
}

/** Reminder instants before the close, earliest first; reminders that would fall before the first e-mail are dropped. */
export function reminderInstants(policy: Policy, line: LinePeriod, firstEmailAt: Date): Date[] {
  const close = closeInstant(line.policyDays, firstEmailAt).getTime();
  const days = policy.reminderDaysBefore[line.offerCode] ?? policy.defaultReminderDaysBefore;
  return [...days]
    .sort((a, b) => b - a)
    .map((d) => close - d * DAY_MS)
    .filter((t) => t > firstEmailAt.getTime())
    .map((t) => new Date(t));
}

/** The instant the first e-mail of a line with this RSD (YYYY-MM-DD) is due. */
export function rsdInstant(policy: Policy, rsd: string): Date {
  return new Date(`${rsd}T${String(policy.rsdHourUtc).padStart(2, '0')}:00:00.000Z`);
}

/** Merge configuration overrides into the default table. */
export function buildPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    ...DEFAULT_POLICY,
    ...overrides,
    closeAfterDays: { ...DEFAULT_POLICY.closeAfterDays, ...overrides.closeAfterDays },
    reminderDaysBefore: { ...DEFAULT_POLICY.reminderDaysBefore, ...overrides.reminderDaysBefore },
  };
}
