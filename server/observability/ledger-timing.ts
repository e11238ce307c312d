import type { Histogram } from 'prom-client';

/** The histogram ledger queries are timed into (`LayoverMetrics.ledgerLatency`). */
export type LedgerLatency = Pick<Histogram<'operation'>, 'startTimer'>;

const VERBS = new Set(['select', 'insert', 'update', 'delete']);

/** The statement's verb as a label (a bounded set: select, insert, update, delete, or other). */
export function ledgerOperation(query: unknown): string {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | undefined)?.text;
  const verb = typeof text === 'string' ? /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() : undefined;
  return verb && VERBS.has(verb) ? verb : 'other';
}

type QueryFn = (...args: unknown[]) => unknown;

/** Wraps a `query` method (promise or node-postgres callback style) so each call is timed by its verb. */
function timed(query: QueryFn, latency: LedgerLatency, self: unknown): QueryFn {
  return (...args: unknown[]) => {
    const timer = latency.startTimer({ operation: ledgerOperation(args[0]) });
    // startTimer's end takes extra labels: call it bare, never with a query's result.
    const end = () => void timer();
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        end();
        return (last as QueryFn)(...results);
      };
      return query.apply(self, args);
    }
    const result = query.apply(self, args);
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(end, end);
    return result;
  };
}

/** Times every statement of a node-postgres pool: each physical connection's `query` is wrapped as it opens. */
export function timePgPool(
  pool: { on(event: 'connect', listener: (client: { query: unknown }) => void): unknown },
  latency: LedgerLatency,
): void {
  pool.on('connect', (client) => {
    client.query = timed(client.query as QueryFn, latency, client);
  });
}

/** Times PGlite's statements by verb and its transactions as a whole (PGlite runs a transaction's statements inside). */
export function timePglite(
  client: { query: unknown; exec: unknown; transaction: unknown },
  latency: LedgerLatency,
): void {
  client.query = timed(client.query as QueryFn, latency, client);
  client.exec = timed(client.exec as QueryFn, latency, client);
  const transaction = client.transaction as QueryFn;
  client.transaction = (...args: unknown[]) => {
    const timer = latency.startTimer({ operation: 'transaction' });
    const end = () => void timer();
    const result = transaction.apply(client, args) as Promise<unknown>;
    result.then(end, end);
    return result;
  };
}
