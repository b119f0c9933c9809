/** DIGEST_HOUR_UTC: the hour (UTC) from which the day's digest e-mails go out; 7 by default. */
import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/config-error.js';

it('reads DIGEST_HOUR_UTC as an hour of the day, 7 when unset, and refuses anything else', () => {
  expect(loadConfig({}).dailyDigestHourUtc).toBe(7);
  expect(loadConfig({ DIGEST_HOUR_UTC: '0' }).dailyDigestHourUtc).toBe(0);
  expect(loadConfig({ DIGEST_HOUR_UTC: '23' }).dailyDigestHourUtc).toBe(23);
  for (const bad of ['24', '-1', 'seven', '7.5'])
    expect(() => loadConfig({ DIGEST_HOUR_UTC: bad })).toThrow(ConfigError);
});
