/** What the main thread asks of the PGlite ledger worker (one request, one reply, matched by `id`). */
export type LedgerRequest =
  | {
      id: number;
      op: 'query';
      tx?: number;
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      raw: number[];
    }
  | { id: number; op: 'exec'; tx?: number; sql: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'close' };

/** A PostgreSQL error as it crosses threads: its message and stack, with `code`, `detail`, `constraint`... kept. */
export interface WireError {
  name: string;
  message: string;
  stack?: string | undefined;
  fields: Record<string, string | number | boolean>;
  cause?: WireError | undefined;
}

/** The worker's answer: a result (a query's `{ rows, fields, affectedRows }`, a new transaction's id) or an error. */
export type LedgerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

/** Flattens an error (and its causes) into what structured clone keeps: primitive own fields, message and stack. */
export function toWire(error: unknown, depth = 0): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = value;
  }
  const cause = depth < 4 && error.cause !== undefined ? toWire(error.cause, depth + 1) : undefined;
  return { name: error.name, message: error.message, stack: error.stack, fields, cause };
}

/** Rebuilds a worker's error on the calling thread: same name, message and fields (`code` above all), both stacks. */
export function fromWire(wire: WireError, callerStack?: string): Error {
  const cause = wire.cause ? fromWire(wire.cause) : undefined;
  const error = new Error(wire.message, cause ? { cause } : undefined);
  error.name = wire.name;
  Object.assign(error, wire.fields);
  if (wire.stack)
    error.stack = callerStack
      ? `${wire.stack}\n    --- in the ledger worker, asked from ---\n${callerStack}`
      : wire.stack;
  return error;
}
