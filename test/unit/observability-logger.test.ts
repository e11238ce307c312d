import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.ts';
import { colyseusLogger } from '../../server/observability/colyseus-logger.ts';
import { createLogger, logSettings } from '../../server/observability/logger.ts';
import { roomContext } from '../../server/observability/room-context.ts';
import { fakeContext } from './server-fake-context.ts';

/** A destination that keeps what was written and says when something arrives. */
function collector() {
  const chunks: string[] = [];
  let arrived: () => void = () => {};
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      arrived();
      done();
    },
  });
  return { stream, chunks, next, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('writes one JSON line per event with its level, room and member id', () => {
    const out = collector();
    const logger = createLogger({ format: 'json', level: 'info', destination: out.stream });
    logger.child({ room: 'lounge', roomId: 'r1' }).info({ memberId: 'm-7' }, 'member joined');
    logger.debug('not at info level');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({
      level: 'info',
      room: 'lounge',
      roomId: 'r1',
      memberId: 'm-7',
      msg: 'member joined',
    });
    expect(new Date(line.time).toString()).not.toBe('Invalid Date');
  });

  it('logs an error with its cause chain', () => {
    const out = collector();
    const logger = createLogger({ format: 'json', destination: out.stream });
    const cause = new Error('connection reset');
    logger.error(
      { err: new Error('Layover: visit not recorded', { cause }), memberId: 'm-1' },
      'visit failed',
    );
    const line = JSON.parse(out.text());
    expect(line.level).toBe('error');
    expect(line.err).toMatchObject({ type: 'Error', message: 'Layover: visit not recorded' });
    expect(line.err.cause).toMatchObject({ message: 'connection reset' });
    expect(line.err.stack).toContain('visit not recorded');
  });

  it('honours LOG_LEVEL, silent included', () => {
    const out = collector();
    const quiet = createLogger({ format: 'json', level: 'warn', destination: out.stream });
    quiet.info('dropped');
    quiet.warn('kept');
    createLogger({ format: 'json', level: 'silent', destination: out.stream }).error('never');
    expect(out.chunks.map((chunk) => JSON.parse(chunk).msg)).toEqual(['kept']);
  });

  it('prints readable lines, not JSON, in pretty format', async () => {
    const out = collector();
    const arrived = out.next();
    createLogger({ format: 'pretty', destination: out.stream }).info({ room: 'vip' }, 'room open');
    await arrived;
    expect(out.text()).toMatch(/INFO.*room open/);
    expect(out.text()).toContain('room: "vip"');
    expect(() => JSON.parse(out.text())).toThrow();
  });
});

describe('logSettings', () => {
  it('picks pretty on a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(logSettings({}, true)).toEqual({ level: 'info', format: 'pretty' });
    expect(logSettings({}, false)).toEqual({ level: 'info', format: 'json' });
    expect(logSettings({ LOG_FORMAT: 'json' }, true).format).toBe('json');
    expect(logSettings({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'DEBUG' }, false)).toEqual({
      level: 'debug',
      format: 'pretty',
    });
  });

  it('refuses an unknown level or format with a message naming the choices', () => {
    expect(() => logSettings({ LOG_LEVEL: 'loud' }, false)).toThrow(/LOG_LEVEL must be one of fatal, error/);
    expect(() => logSettings({ LOG_FORMAT: 'xml' }, false)).toThrow(/LOG_FORMAT must be json or pretty/);
  });
});

describe('roomContext', () => {
  it("gives a room type's lines its room name and keeps the context's live getters", () => {
    const out = collector();
    let oracle: AppContext['oracle'];
    const base: AppContext = Object.defineProperty(
      { ...fakeContext().ctx, logger: createLogger({ format: 'json', destination: out.stream }) },
      'oracle',
      { get: () => oracle },
    );
    const ctx = roomContext(base, 'vip');
    ctx.logger.warn({ memberId: 'm-2' }, 'gate re-check failed');
    expect(JSON.parse(out.text())).toMatchObject({ level: 'warn', room: 'vip', memberId: 'm-2' });
    oracle = { wake: () => {} } as unknown as AppContext['oracle'];
    expect(ctx.oracle).toBe(oracle);
    expect(ctx.ledger).toBe(base.ledger);
  });
});

describe('colyseusLogger', () => {
  it("turns the framework's console-style calls into structured lines with the error as err", () => {
    const out = collector();
    const framework = colyseusLogger(createLogger({ format: 'json', destination: out.stream }));
    framework.error('lounge (roomId: r1), onMessage failed:', new Error('bad input'));
    framework.info('seat reserved', { roomId: 'r1' });
    const [error, info] = out.chunks.map((chunk) => JSON.parse(chunk));
    expect(error).toMatchObject({
      level: 'error',
      component: 'colyseus',
      msg: 'lounge (roomId: r1), onMessage failed:',
      err: { message: 'bad input' },
    });
    expect(info).toMatchObject({ level: 'info', msg: 'seat reserved {"roomId":"r1"}' });
  });
});
