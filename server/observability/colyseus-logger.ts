import type { AppLogger } from '../context.ts';

type Method = (...args: unknown[]) => void;

/** Colyseus logs console-style (`error('text', err)`): this turns those calls into structured lines. */
export function colyseusLogger(
  logger: AppLogger,
): Record<'debug' | 'info' | 'warn' | 'error' | 'trace', Method> {
  const framework = logger.child({ component: 'colyseus' });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error'): Method =>
    (...args) => {
      const err = args.find((arg) => arg instanceof Error);
      const text = args
        .filter((arg) => arg !== err)
        .map(show)
        .join(' ');
      framework[level](err ? { err } : {}, text || (err as Error | undefined)?.message || '');
    };
  return { debug: at('debug'), trace: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function show(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg);
  }
}
