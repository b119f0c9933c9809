/** The variables that must agree with each other, checked once each is valid on its own. */
import { ConfigError } from './config-error.js';

export interface CrossCheckedVariables {
  WEBHOOKS_TIMEOUT_MS: number;
  OUTBOX_LEASE_MS: number;
  POLICY_DEFAULT_DAYS: number;
  POLICY_CLOSE_AFTER_DAYS?: Record<string, number> | undefined;
  SETUP_LINK_TTL_DAYS: number;
  DATABASE_QUERY_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
}

/** Throws a ConfigError naming the variable whose value does not fit the others. */
export function checkVariablesTogether(e: CrossCheckedVariables): void {
  // A delivery still waiting for its receiver when its lease ends would be sent twice.
  if (e.WEBHOOKS_TIMEOUT_MS >= e.OUTBOX_LEASE_MS)
    throw new ConfigError([
      { variable: 'WEBHOOKS_TIMEOUT_MS', message: 'must be shorter than OUTBOX_LEASE_MS' },
    ]);
  // A link that dies before its line closes would promise the contact a deadline it cannot keep.
  const longestPolicyDays = Math.max(
    e.POLICY_DEFAULT_DAYS,
    ...Object.values(e.POLICY_CLOSE_AFTER_DAYS ?? {}),
  );
  if (e.SETUP_LINK_TTL_DAYS < longestPolicyDays)
    throw new ConfigError([
      {
        variable: 'SETUP_LINK_TTL_DAYS',
        message: `must be at least the longest policy period in POLICY_DEFAULT_DAYS and POLICY_CLOSE_AFTER_DAYS (${longestPolicyDays} days), or a setup link dies before its line closes`,
      },
    ]);
  // The server's statement_timeout must fire first: it cancels cleanly, the client's cannot.
  if (e.DATABASE_QUERY_TIMEOUT_MS > 0 && e.DATABASE_QUERY_TIMEOUT_MS <= e.DATABASE_STATEMENT_TIMEOUT_MS)
    throw new ConfigError([
      { variable: 'DATABASE_QUERY_TIMEOUT_MS', message: 'must be longer than DATABASE_STATEMENT_TIMEOUT_MS' },
    ]);
}
