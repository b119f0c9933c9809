/**
 * /dev/mailbox shows every captured e-mail, setup and password links included, to anyone who can
 * reach the server, without signing in. That is the point on a developer's machine and a hole
 * anywhere else, so demo mode serves it only while the server listens on loopback, unless the
 * operator says otherwise in so many words (MAILBOX_PUBLIC=1).
 */
import { isIPv4 } from 'node:net';

/** Whether HOST accepts connections from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIPv4(v4) && v4.startsWith('127.');
}

export type MailboxDecision = 'served' | 'not demo mode' | 'refused: not loopback';

export function mailboxDecision(config: {
  demoMode: boolean;
  host: string;
  mailboxPublic: boolean;
}): MailboxDecision {
  if (!config.demoMode) return 'not demo mode';
  return isLoopbackHost(config.host) || config.mailboxPublic ? 'served' : 'refused: not loopback';
}
