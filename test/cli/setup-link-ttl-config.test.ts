/**
 * A setup link must outlive the policy period: otherwise the e-mail promises a deadline after the
 * link has died. Such a configuration is refused at start (exit 2), naming both variables.
 */
import { expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';
import { runOnramp } from '../support/run-onramp.js';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return null;
};

it('refuses SETUP_LINK_TTL_DAYS shorter than the longest policy period', () => {
  expect(refusal({ SETUP_LINK_TTL_DAYS: '29', POLICY_DEFAULT_DAYS: '30' })).toEqual([
    {
      variable: 'SETUP_LINK_TTL_DAYS',
      message: expect.stringMatching(/POLICY_DEFAULT_DAYS and POLICY_CLOSE_AFTER_DAYS \(30 days\)/) as string,
    },
  ]);
  // One offer's longer period counts too.
  expect(
    refusal({
      SETUP_LINK_TTL_DAYS: '60',
      POLICY_DEFAULT_DAYS: '30',
      POLICY_CLOSE_AFTER_DAYS: 'A-FLEX=7,B-PRO=61',
    }),
  ).toEqual([
    {
      variable: 'SETUP_LINK_TTL_DAYS',
      message: expect.stringContaining('(61 days)') as string,
    },
  ]);
  // Equal is enough: the link dies with the line, not before it.
  expect(refusal({ SETUP_LINK_TTL_DAYS: '61', POLICY_CLOSE_AFTER_DAYS: 'B-PRO=61' })).toBeNull();
  expect(loadConfig({}).setupLinkTtlDays).toBe(90);
});

it('onramp start exits 2 and names both variables', async () => {
  const result = await runOnramp(['start'], {
    SETUP_LINK_TTL_DAYS: '14',
    POLICY_DEFAULT_DAYS: '30',
    DATABASE_URL: '',
    DATA_DIR: '/nonexistent/never-opened',
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/Configuration error: SETUP_LINK_TTL_DAYS: .*POLICY_DEFAULT_DAYS/);
  expect(result.stderr).toContain('POLICY_CLOSE_AFTER_DAYS');
});
