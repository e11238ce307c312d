import { EventEmitter } from 'node:events';
import type { RegisteredHandler } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { ledgerOperation, timePglite, timePgPool } from '../../server/observability/ledger-timing.ts';
import { createMetrics } from '../../server/observability/metrics.ts';
import { countRefusedJoin, observeRooms } from '../../server/observability/room-metrics.ts';

const handler = () => new EventEmitter();

describe('createMetrics', () => {
  it('renders joins, message drops and ledger latency in Prometheus text after they move', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.joins.inc({ room: 'lounge', outcome: 'joined' });
    metrics.messageDrops.inc({ room: 'lounge', reason: 'chatRateLimited' }, 3);
    metrics.ledgerLatency.observe({ operation: 'select' }, 0.004);
    const text = await metrics.render();
    expect(text).toMatch(/^# TYPE layover_joins_total counter$/m);
    expect(text).toMatch(/^layover_joins_total\{room="lounge",outcome="joined"\} 1$/m);
    expect(text).toMatch(/^layover_message_drops_total\{room="lounge",reason="chatRateLimited"\} 3$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_bucket\{le="0.005",operation="select"\} 1$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="select"\} 1$/m);
    expect(metrics.contentType).toContain('text/plain');
  });

  it("includes Node's process metrics, event-loop lag among them, and keeps two servers' figures apart", async () => {
    const one = createMetrics({ labels: { worker: '1' } });
    const two = createMetrics();
    one.joins.inc({ room: 'vip', outcome: 'joined' });
    const text = await one.render();
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{worker="1"\} [\d.e-]+$/m);
    expect(text).toMatch(/^layover_joins_total\{room="vip",outcome="joined",worker="1"\} 1$/m);
    expect(await two.render()).not.toMatch(/^layover_joins_total\{/m);
  });
});

describe('observeRooms', () => {
  it("counts rooms, members and joins from the room types' events, and refusals by code", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const lounge = handler();
    const vip = handler();
    const stop = observeRooms(metrics, { lounge, vip } as unknown as Record<string, RegisteredHandler>);
    lounge.emit('create', {});
    lounge.emit('join', {}, {});
    lounge.emit('join', {}, {});
    lounge.emit('leave', {}, {}, false);
    vip.emit('create', {});
    vip.emit('dispose', {});
    countRefusedJoin(metrics, 'vip', 'gateClosed');
    stop();
    lounge.emit('join', {}, {});
    const text = await metrics.render();
    expect(text).toMatch(/^layover_rooms\{room="lounge"\} 1$/m);
    expect(text).toMatch(/^layover_rooms\{room="vip"\} 0$/m);
    expect(text).toMatch(/^layover_members\{room="lounge"\} 1$/m);
    expect(text).toMatch(/^layover_joins_total\{room="lounge",outcome="joined"\} 2$/m);
    expect(text).toMatch(/^layover_joins_total\{room="vip",outcome="gateClosed"\} 1$/m);
  });
});

describe('ledger timing', () => {
  it('labels a statement by its verb', () => {
    expect(ledgerOperation('SELECT 1')).toBe('select');
    expect(ledgerOperation({ text: '  insert into members ...' })).toBe('insert');
    expect(ledgerOperation('CREATE TABLE x (a int)')).toBe('other');
    expect(ledgerOperation(undefined)).toBe('other');
  });

  it("times PGlite's statements by verb and its transactions whole", async () => {
    const metrics = createMetrics({ processMetrics: false });
    // PGlite's shape (a real one takes ~20 s to start on a busy CI core; the oracle test runs one and reads /metrics).
    const client = {
      query: async (text: string) => ({ rows: [{ text }] }),
      exec: async (text: string) => [{ rows: [], text }],
      transaction: async <T>(run: (tx: unknown) => Promise<T>) => run({}),
    };
    timePglite(client, metrics.ledgerLatency);
    expect(await client.query('SELECT 1')).toEqual({ rows: [{ text: 'SELECT 1' }] });
    await client.exec('CREATE TABLE visits (id int)');
    expect(await client.transaction(async () => 'committed')).toBe('committed');
    await expect(
      client.transaction(async () => {
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const text = await metrics.render();
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="select"\} 1$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="other"\} 1$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="transaction"\} 2$/m);
  });

  it("times a node-postgres pool's connections, callback-style queries included", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const pool = new EventEmitter();
    timePgPool(pool, metrics.ledgerLatency);
    const connection = {
      query: (text: string, callback?: (error: null, result: string) => void) =>
        callback ? void callback(null, `done ${text}`) : Promise.resolve(`done ${text}`),
    };
    pool.emit('connect', connection);
    expect(await connection.query('SELECT 1')).toBe('done SELECT 1');
    const answered = await new Promise((resolve) => connection.query('DELETE FROM x', (_e, r) => resolve(r)));
    expect(answered).toBe('done DELETE FROM x');
    const text = await metrics.render();
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="select"\} 1$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="delete"\} 1$/m);
  });
});
