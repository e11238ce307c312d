import type { AppLogger, LogFn } from './context.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** A plain logger until the structured one is wired in: lines through `write`, errors and warnings to stderr. */
export function consoleLogger(
  write: (line: string) => void = console.log,
  bindings: Record<string, unknown> = {},
): AppLogger {
  const at =
    (level: Level): LogFn =>
    (first: object | string, message?: string) => {
      const fields = typeof first === 'string' ? {} : first;
      const text = typeof first === 'string' ? first : (message ?? '');
      const context = { ...bindings, ...fields };
      if (level === 'error' || level === 'warn') {
        const err = (context as { err?: unknown }).err;
        console.error(`Layover: ${text}`, ...(err ? [err] : []));
        return;
      }
      if (level === 'debug') return;
      write(Object.keys(context).length > 0 ? `${text} ${JSON.stringify(context)}` : text);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => consoleLogger(write, { ...bindings, ...more }),
  };
}
