/**
 * CPU time spent so far by this process (every thread: the worker, the sink, PGlite, a mail
 * thread) and by every PostgreSQL server process on the machine (its backends, WAL writer,
 * checkpointer), from /proc. Two readings around a measurement say how much CPU each e-mail
 * cost and where, which wall-clock ratios alone hide on a machine of few cores: the ceiling runs
 * on one thread, a burst also keeps PostgreSQL busy. Null where /proc is missing (not Linux).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface CpuReading {
  nodeMs: number;
  postgresMs: number;
}

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on every Linux this runs on). */
const TICK_MS = 10;

/** utime + stime of one process, in ms; null when it ended meanwhile. */
function processMs(pid: string): number | null {
  try {
    // The command name may hold spaces or parentheses: the fields start after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function postgresMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let name: string;
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (name === 'postgres' || name.startsWith('postgres:')) total += processMs(pid) ?? 0;
  }
  return total;
}

export function readCpuTime(): CpuReading | null {
  if (!existsSync('/proc/self/stat')) return null;
  const usage = process.cpuUsage();
  return { nodeMs: (usage.user + usage.system) / 1000, postgresMs: postgresMs() };
}

/** CPU spent between two readings. */
export function cpuSince(start: CpuReading | null): CpuReading | null {
  const end = readCpuTime();
  if (!start || !end) return null;
  return { nodeMs: end.nodeMs - start.nodeMs, postgresMs: end.postgresMs - start.postgresMs };
}

/** '; CPU per e-mail: Node 1.23 ms, PostgreSQL 0.45 ms', or nothing without a reading. */
export function describeCpu(cpu: CpuReading | null | undefined, emails: number): string {
  if (!cpu) return '';
  const per = (ms: number) => `${(ms / emails).toFixed(2)} ms`;
  return `; CPU per e-mail: Node ${per(cpu.nodeMs)}, PostgreSQL ${per(cpu.postgresMs)}`;
}
