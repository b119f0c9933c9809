/**
 * The spawned server's own view of a run: its event-loop delay (p99 and max) and its GC pauses
 * (minor = scavenge, major = mark-compact), read from its /metrics (prom-client's default process
 * metrics). The loop-delay histogram restarts at each scrape, so scraping once before a run and
 * once after gives the delay during the run; the GC counters are cumulative and are differenced.
 */
export interface ServerPauses {
  loopP99: number;
  loopMax: number;
  /** Count and total milliseconds of each GC kind during the run. */
  gc: Record<string, { count: number; ms: number }>;
}

export type PauseMark = Map<string, number>;

export async function markServerPauses(baseUrl: string): Promise<PauseMark> {
  const text = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m =
      /^onramp_nodejs_(eventloop_lag_(?:p99|max)_seconds|gc_duration_seconds_(?:count|sum)\{kind="(\w+)"\})\s+(\S+)$/.exec(
        line,
      );
    if (m) values.set(m[1]!, Number(m[3]));
  }
  return values;
}

export function serverPausesBetween(before: PauseMark, after: PauseMark): ServerPauses {
  const ms = (s: number | undefined) => Math.round((s ?? 0) * 10_000) / 10;
  const gc: ServerPauses['gc'] = {};
  for (const kind of ['minor', 'major', 'incremental']) {
    const key = (f: string) => `gc_duration_seconds_${f}{kind="${kind}"}`;
    const count = (after.get(key('count')) ?? 0) - (before.get(key('count')) ?? 0);
    if (count > 0) gc[kind] = { count, ms: ms((after.get(key('sum')) ?? 0) - (before.get(key('sum')) ?? 0)) };
  }
  return {
    loopP99: ms(after.get('eventloop_lag_p99_seconds')),
    loopMax: ms(after.get('eventloop_lag_max_seconds')),
    gc,
  };
}

/** One line: `server loop p99 4.1 / max 12.3 ms; GC minor 40× 52 ms, major 1× 9 ms`. */
export function describePauses(p: ServerPauses): string {
  const gc = Object.entries(p.gc).map(([kind, g]) => `${kind} ${g.count}× ${g.ms} ms`);
  return `server loop p99 ${p.loopP99} / max ${p.loopMax} ms; GC ${gc.join(', ') || 'none'}`;
}
