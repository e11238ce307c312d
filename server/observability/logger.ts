import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerOptions {
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  level?: string | undefined;
  /** LOG_FORMAT: `json` (one line per event) or `pretty`; by default pretty on a terminal, JSON otherwise. */
  format?: string | undefined;
  /** Where lines go (a test's stream); stdout when left out. */
  destination?: DestinationStream | undefined;
  /** Whether stdout is a terminal; decides the default format. */
  isTTY?: boolean | undefined;
  /** Fields on every line, e.g. `{ worker: 2 }` in a cluster worker. */
  base?: Record<string, unknown> | undefined;
}

/** Reads LOG_LEVEL and LOG_FORMAT, so a bad value stops the boot with a message instead of logging nothing. */
export function logSettings(
  env: Record<string, string | undefined>,
  isTTY = Boolean(process.stdout.isTTY),
): { level: Level | 'silent'; format: LogFormat } {
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LEVELS.includes(level))
    throw new Error(`Layover: LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const format = (env.LOG_FORMAT ?? (isTTY ? 'pretty' : 'json')).toLowerCase();
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`Layover: LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
  return { level: level as Level | 'silent', format };
}

/**
 * The server's one logger: JSON lines (level, time, msg, and `room`/`memberId` bindings where a caller adds them)
 * for log collectors, or pino-pretty's coloured lines in a terminal. Pretty output is a stream in this thread,
 * not a worker transport, so lines are written before a crash exits the process.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = logSettings(
    {
      LOG_LEVEL: options.level ?? process.env.LOG_LEVEL,
      LOG_FORMAT: options.format ?? process.env.LOG_FORMAT,
    },
    options.isTTY ?? Boolean(process.stdout.isTTY),
  );
  const pinoOptions: pino.LoggerOptions = {
    level: settings.level,
    base: { pid: process.pid, ...options.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.errWithCause, error: pino.stdSerializers.errWithCause },
  };
  if (settings.format === 'json')
    return pino(pinoOptions, options.destination ?? pino.destination({ sync: true }));
  const stream = pretty({
    colorize: options.destination ? false : (options.isTTY ?? Boolean(process.stdout.isTTY)),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    sync: true,
    ...(options.destination ? { destination: options.destination as NodeJS.WritableStream } : {}),
  });
  return pino(pinoOptions, stream);
}
