import type { AppLogger } from '../context.ts';
import { TokenBucket } from '../domain/rate-limit.ts';

type Method = (...args: unknown[]) => void;

/** Framework errors per process: a burst of 10, then one per 10 s (a client's undecodable frames log one each). */
const ERROR_BURST = 10;
const ERRORS_PER_SECOND = 0.1;

/**
 * Colyseus logs console-style (`error('text', err)`): this turns those calls into structured lines. Its errors are
 * mostly a client's undecodable frame printed as a whole stack, so an error keeps only its first line and errors
 * are sampled, the number left out carried on the next line.
 */
export function colyseusLogger(
  logger: AppLogger,
): Record<'debug' | 'info' | 'warn' | 'error' | 'trace', Method> {
  const framework = logger.child({ component: 'colyseus' });
  const errors = new TokenBucket(ERROR_BURST, ERRORS_PER_SECOND, Date.now());
  let suppressed = 0;
  const error: Method = (...args) => {
    if (!errors.take(Date.now())) {
      suppressed += 1;
      return;
    }
    const err = args.find((arg) => arg instanceof Error) as Error | undefined;
    const text =
      args
        .filter((arg) => arg !== err)
        .map(show)
        .join(' ') ||
      err?.message ||
      '';
    const firstLine = text.split('\n', 1)[0] ?? '';
    framework.error({ ...(err ? { err } : {}), suppressed }, firstLine.slice(0, 200));
    suppressed = 0;
  };
  const at =
    (level: 'debug' | 'info' | 'warn'): Method =>
    (...args) => {
      const err = args.find((arg) => arg instanceof Error);
      const text = args
        .filter((arg) => arg !== err)
        .map(show)
        .join(' ');
      framework[level](err ? { err } : {}, text || (err as Error | undefined)?.message || '');
    };
  return { debug: at('debug'), trace: at('debug'), info: at('info'), warn: at('warn'), error };
}

function show(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg);
  }
}
