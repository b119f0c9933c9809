/** The rate-limit settings: HITS/SECONDS from the environment, defaults, and bad values named. */
import { expect, it } from 'vitest';

import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import { ConfigError, loadConfig } from '../../src/config.js';

it('reads HITS/SECONDS, defaults to the documented limits, and names a bad variable', () => {
  expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
  expect(DEFAULT_RATE_LIMITS).toEqual({
    signInPerAddress: { limit: 10, windowMs: 900_000 },
    signInPerIp: { limit: 100, windowMs: 900_000 },
    resendPerUser: { limit: 120, windowMs: 3_600_000 },
    contactChangePerUser: { limit: 60, windowMs: 3_600_000 },
    passwordResetPerAddress: { limit: 3, windowMs: 3_600_000 },
    passwordResetPerIp: { limit: 20, windowMs: 3_600_000 },
    invitationPerUser: { limit: 20, windowMs: 3_600_000 },
  });
  const custom = loadConfig({
    SIGN_IN_RATE_LIMIT: '5/60',
    SIGN_IN_IP_RATE_LIMIT: ' 50 / 600 ',
    RESEND_RATE_LIMIT: '3/30',
    CONTACT_CHANGE_RATE_LIMIT: '4/60',
    PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR: '2',
    PASSWORD_RESET_RATE_LIMIT: '2/120',
    PASSWORD_RESET_IP_RATE_LIMIT: '9/900',
    INVITATION_RATE_LIMIT: '7/60',
  });
  expect(custom.rateLimits).toEqual({
    signInPerAddress: { limit: 5, windowMs: 60_000 },
    signInPerIp: { limit: 50, windowMs: 600_000 },
    resendPerUser: { limit: 3, windowMs: 30_000 },
    contactChangePerUser: { limit: 4, windowMs: 60_000 },
    passwordResetPerAddress: { limit: 2, windowMs: 120_000 },
    passwordResetPerIp: { limit: 9, windowMs: 900_000 },
    invitationPerUser: { limit: 7, windowMs: 60_000 },
  });
  expect(loadConfig({}).provisioningEmailsPerAddressPerHour).toBe(6);
  expect(custom.provisioningEmailsPerAddressPerHour).toBe(2);
  expect(() => loadConfig({ PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR: '0' })).toThrow(ConfigError);
  for (const bad of ['5', 'five/60', '5/60/1', '-1/60'])
    expect(() => loadConfig({ RESEND_RATE_LIMIT: bad })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ variable: 'RESEND_RATE_LIMIT' })],
      }) as Error,
    );
  expect(() => loadConfig({ SIGN_IN_RATE_LIMIT: 'x' })).toThrow(ConfigError);
});
