/**
 * Random bytes from the operating system's CSPRNG, drawn a page at a time. On these machines one
 * `randomBytes(32)` call costs ~20 µs, and an RSD burst took three per e-mail (the setup token,
 * the sealed payload's IV, the MIME boundary): ~7 % of a burst's busy time on PostgreSQL
 * (docs/benchmarks.md). Node's own randomUUID() caches the same way. Every byte is handed out
 * once, as a copy, so no two callers ever share or see each other's bytes.
 */
import { randomBytes, randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

export function takeRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 8) return randomBytes(size);
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  // Wiped once taken: a later read of the pool (a heap dump, say) cannot recover handed-out bytes.
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
