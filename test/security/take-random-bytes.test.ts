/**
 * The pooled CSPRNG reader (src/take-random-bytes.ts) behind setup tokens, IVs and session seals:
 * each call gets bytes of its own, never handed out before, as a copy the pool cannot change.
 */
import { describe, expect, it } from 'vitest';

import { takeRandomBytes } from '../../src/take-random-bytes.js';

describe('takeRandomBytes', () => {
  it('hands out every draw once: 10,000 tokens across many refills are all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(takeRandomBytes(32).toString('hex'));
    expect(seen.size).toBe(10_000);
  });

  it('gives the size asked for, odd sizes included, and large sizes straight from the source', () => {
    for (const size of [1, 12, 16, 31, 32, 511, 512, 513, 4096, 65_536])
      expect(takeRandomBytes(size)).toHaveLength(size);
  });

  it('returns a copy: drawing more leaves earlier bytes unchanged', () => {
    const first = takeRandomBytes(32);
    const kept = Buffer.from(first);
    for (let i = 0; i < 1_000; i++) takeRandomBytes(32);
    expect(first.equals(kept)).toBe(true);
  });

  it('looks uniformly random: each byte value appears about as often as the others', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_000; i++) for (const b of takeRandomBytes(64)) counts[b]!++;
    // 256,000 bytes: 1,000 expected per value; a CSPRNG stays well within ±25 %.
    expect(Math.min(...counts)).toBeGreaterThan(750);
    expect(Math.max(...counts)).toBeLessThan(1_250);
  });
});
