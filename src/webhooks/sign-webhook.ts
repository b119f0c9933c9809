/**
 * The webhook signature: `Onramp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the HMAC
 * is keyed with the endpoint's secret over `<t>.<raw body>`. Receivers recompute it, compare in
 * constant time, and refuse a `t` too far from their clock (replays).
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Onramp-Signature';
export const EVENT_HEADER = 'Onramp-Event';
export const DELIVERY_HEADER = 'Onramp-Delivery';

export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
