/** The SMTP settings read from the environment: the sending budget, messages per connection. */
import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/config-error.js';

it('reads SMTP_MAX_PER_SECOND as e-mails per second, unlimited when unset or 0, and refuses the rest', () => {
  expect(loadConfig({}).outbox.maxPerSecond).toBeUndefined();
  expect(loadConfig({ SMTP_MAX_PER_SECOND: '0' }).outbox.maxPerSecond).toBeUndefined();
  expect(loadConfig({ SMTP_MAX_PER_SECOND: '14' }).outbox.maxPerSecond).toBe(14);
  // Some providers allow less than one a second.
  expect(loadConfig({ SMTP_MAX_PER_SECOND: '0.5' }).outbox.maxPerSecond).toBe(0.5);
  for (const bad of ['-1', 'fast', '10001'])
    expect(() => loadConfig({ SMTP_MAX_PER_SECOND: bad })).toThrow(ConfigError);
});

it('reads SMTP_MESSAGES_PER_CONNECTION, 1000 when unset, and refuses what is not a positive whole number', () => {
  expect(loadConfig({}).smtpMessagesPerConnection).toBe(1000);
  expect(loadConfig({ SMTP_MESSAGES_PER_CONNECTION: '20' }).smtpMessagesPerConnection).toBe(20);
  for (const bad of ['0', '-5', '2.5', 'many', '1000001'])
    expect(() => loadConfig({ SMTP_MESSAGES_PER_CONNECTION: bad })).toThrow(ConfigError);
});
