/**
 * Policy table: how many days after the first provisioning e-mail an unprovisioned line closes,
 * and when reminders go out before that. Pure; overrides come from configuration.
 */
export interface Policy {
  /** offer code -> days; codes not listed use `defaultDays`. */
  closeAfterDays: Readonly<Record<string, number>>;
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

export function policyDaysFor(policy: Policy, offerCode: string): number {
  return policy.closeAfterDays[offerCode] ?? policy.defaultDays;
}

export function closeInstant(policy: Policy, offerCode: string, firstEmailAt: Date): Date {
  return new Date(firstEmailAt.getTime() + policyDaysFor(policy, offerCode) * DAY_MS);
}

/** Reminder instants before the close, earliest first; reminders that would fall before the first e-mail are dropped. */
export function reminderInstants(policy: Policy, offerCode: string, firstEmailAt: Date): Date[] {
  const close = closeInstant(policy, offerCode, firstEmailAt).getTime();
  const days = policy.reminderDaysBefore[offerCode] ?? policy.defaultReminderDaysBefore;
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
