/** The shape of one run's results (bench/results/*.json), as the chart and the docs read it. */
import type { Machine } from './describe-machine.js';
import type { LatencyResult as ApiLatency } from './measure-api-latency.js';
import type { EmbeddedMemoryResult } from './measure-embedded-memory.js';
import type { MemoryResult } from './measure-memory-and-start.js';
import type { MultiWorkerResult } from './measure-multi-worker.js';
import type { PeerResult } from './measure-peers.js';
import type { BurstResult } from './measure-rsd-burst.js';
import type { CeilingResult } from './measure-smtp-ceiling.js';
import type { SweepResult } from './measure-sweep.js';
import type { Ratio } from './summarize-results.js';

export interface BenchResults {
  mode: 'quick' | 'full';
  startedAt: string;
  minutes: number;
  machine: Machine | null;
  /** The ceiling of one-line orders' e-mails, as many as the burst's lines. */
  ceiling: CeilingResult | null;
  /** The ceiling of ten-line orders' e-mails, as many as that burst sends; absent in earlier results. */
  tenLineCeiling?: CeilingResult | null;
  bursts: BurstResult[];
  peers: PeerResult[];
  sweeps: SweepResult[];
  latency: ApiLatency[];
  memory: MemoryResult | null;
  start: { ms: number } | null;
  /** Absent in results written before it was measured. */
  embedded?: EmbeddedMemoryResult | null;
  multiWorker: MultiWorkerResult[];
  /** Sections that failed, with the error. */
  errors: { section: string; error: string }[];
  ratios: Ratio[];
}
