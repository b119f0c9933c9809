/**
 * The process's logger (pino). JSON lines for machines, readable lines (pino-pretty) for a
 * person at a terminal: LOG_FORMAT picks, and without it a TTY on stdout means a person.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

const prettyLoggers = new WeakSet<Logger>();

/** The format a logger writing to stdout uses: LOG_FORMAT when set, else pretty on a terminal. */
export function logFormatFor(format: LogFormat | undefined, stdoutIsTty: boolean): LogFormat {
  return format ?? (stdoutIsTty ? 'pretty' : 'json');
}

/** `destination` (default stdout) lets tests read what would be logged; it always gets JSON. */
export function createLogger(
  config: { logLevel: pino.LevelWithSilent; logFormat?: LogFormat | undefined },
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: 'onramp' },
    redact: [
      'req.headers.authorization',
      'req.headers["x-onramp-webhook-secret"]',
      'req.headers.cookie',
      'token',
      '*.token',
    ],
  };
  if (destination) return pino(options, destination);
  if (logFormatFor(config.logFormat, process.stdout.isTTY === true) === 'json') return pino(options);
  const log = pino(
    options,
    pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' }),
  );
  prettyLoggers.add(log);
  return log;
}

/** Whether a person reads this logger's lines (so a table reads better than a JSON field). */
export function isPrettyLogger(log: Logger): boolean {
  return prettyLoggers.has(log);
}
