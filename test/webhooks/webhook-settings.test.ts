/** WEBHOOKS_ALLOW_PRIVATE and WEBHOOKS_TIMEOUT_MS: defaults, parsing, and refusals naming the variable. */
import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';

describe('webhook configuration', () => {
  it('refuses private addresses and waits 10 s by default', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, timeoutMs: 10_000 });
  });

  it('reads the flag and the timeout', () => {
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_TIMEOUT_MS: '2500' }).webhooks).toEqual({
      allowPrivate: true,
      timeoutMs: 2500,
    });
  });

  it.each([
    [{ WEBHOOKS_ALLOW_PRIVATE: 'maybe' }, 'WEBHOOKS_ALLOW_PRIVATE'],
    [{ WEBHOOKS_TIMEOUT_MS: '10' }, 'WEBHOOKS_TIMEOUT_MS'],
    [{ WEBHOOKS_TIMEOUT_MS: '60000', OUTBOX_LEASE_MS: '30000' }, 'WEBHOOKS_TIMEOUT_MS'],
  ])('refuses %o naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable('loadConfig accepted a bad value');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.variable)).toEqual([variable]);
    }
  });
});
