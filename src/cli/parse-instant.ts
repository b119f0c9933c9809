import { InvalidArgumentError } from 'commander';

/** An option's ISO-8601 instant (`--now`, `--since`); anything else is a usage error. */
export function parseInstant(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError('expected an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z');
  }
  return d;
}
