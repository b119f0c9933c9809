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

/** A reading to measure from: PostgreSQL's time is kept per process, to subtract per process. */
export interface CpuStart {
  nodeMs: number;
  postgresByPid: Map<string, number>;
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

/** CPU ms of every PostgreSQL process now running, by pid. */
function postgresByPid(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let name: string;
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (name !== 'postgres' && !name.startsWith('postgres:')) continue;
    const ms = processMs(pid);
    if (ms !== null) byPid.set(pid, ms);
  }
  return byPid;
}

export function readCpuTime(): CpuStart | null {
  if (!existsSync('/proc/self/stat')) return null;
  const usage = process.cpuUsage();
  return { nodeMs: (usage.user + usage.system) / 1000, postgresByPid: postgresByPid() };
}

/**
 * CPU spent between two readings. PostgreSQL's is counted per process: each process running at the
 * end, less what it had at the start (a process started since counts whole). A process that ended
 * meanwhile (a bulk load's connection closing) takes its time with it: counting totals would
 * subtract it, so the figure is a lower bound only by what such processes spent in the window.
 */
export function cpuSince(start: CpuStart | null): CpuReading | null {
  const end = readCpuTime();
  if (!start || !end) return null;
  let postgresMs = 0;
  for (const [pid, ms] of end.postgresByPid) {
    const before = start.postgresByPid.get(pid) ?? 0;
    // Less than before: the pid was reused by a process started since.
    postgresMs += ms >= before ? ms - before : ms;
  }
  return { nodeMs: end.nodeMs - start.nodeMs, postgresMs };
}

/** '; CPU per e-mail: Node 1.23 ms, PostgreSQL 0.45 ms', or nothing without a reading. */
export function describeCpu(cpu: CpuReading | null | undefined, emails: number): string {
  if (!cpu) return '';
  const per = (ms: number) => `${(ms / emails).toFixed(2)} ms`;
  return `; CPU per e-mail: Node ${per(cpu.nodeMs)}, PostgreSQL ${per(cpu.postgresMs)}`;
}
