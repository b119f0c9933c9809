/**
 * The webhook signature: `Onramp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the HMAC
 * is keyed with the endpoint's secret over `<t>.<raw body>`. Receivers recompute it, compare in
 * constant time, and refuse a `t` too far from their clock (replays).
 *
 * During a secret rotation's overlap window the header carries one `v1` per secret, the new
 * secret's first: `t=<t>,v1=<hex under new>,v1=<hex under previous>`. A receiver accepts the
 * delivery when any `v1` matches the secret it holds, so it can switch at any moment of the window.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Onramp-Signature';
export const EVENT_HEADER = 'Onramp-Event';
export const DELIVERY_HEADER = 'Onramp-Delivery';

/** The header value: `t`, then one `v1` per secret, in the order given (the current secret first). */
export function signWebhook(secrets: string | readonly string[], unixSeconds: number, body: string): string {
  const v1s = (typeof secrets === 'string' ? [secrets] : secrets).map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`,
  );
  return [`t=${unixSeconds}`, ...v1s].join(',');
}
