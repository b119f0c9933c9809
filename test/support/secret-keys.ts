/**
 * The sealing key test processes share (OUTBOX_SECRET_KEY): a spawned server seals with it, and
 * the test opens what that server stored after `useTestKeyRing()`. Known to everyone, so only
 * ever for tests.
 */
import { installKeyRing, keyRingOf, parseSecretKey } from '../../src/store/secret-box.js';

export const TEST_SECRET_KEY = 'b25yYW1wLXRlc3Qtc2VjcmV0LWtleS0zMi1ieXRlcyE';

export function useTestKeyRing(): void {
  installKeyRing(keyRingOf(parseSecretKey(TEST_SECRET_KEY)!));
}
