import { type RegisteredHandler, type Room, ServerError } from '@colyseus/core';
import type { AppLogger } from '../context.ts';
import { TokenBucket } from '../domain/rate-limit.ts';

/** A StandardSchema, as Colyseus keeps one per validated message type. */
interface StandardSchema {
  '~standard': {
    validate: (input: unknown) => { issues?: readonly Issue[]; value?: unknown } | Promise<unknown>;
  } & Record<string, unknown>;
}
interface Issue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
}

/** Lines per room name: a burst of 5, then one per 10 s; the rest are counted into the next line. */
const BURST = 5;
const PER_SECOND = 0.1;

/** One per room name, shared by its instances: a client that rejoins (a new room each time) refills nothing. */
interface Sampler {
  bucket: TokenBucket;
  suppressed: number;
}

/**
 * Colyseus logs a 20-line stack for every message that fails its schema, so a client can flood the log. Each room's
 * validators are wrapped when the room is created: a refused message is logged as one line (room, roomId, message
 * type, reason: field paths and messages, never the values), sampled by a token bucket per room name, and thrown as
 * a `ServerError`, which Colyseus drops the sender for without printing. Returns a function that stops listening.
 */
export function sampleDroppedMessages(
  logger: AppLogger,
  handlers: Readonly<Record<string, RegisteredHandler>>,
): () => void {
  const stops: (() => void)[] = [];
  for (const [roomName, handler] of Object.entries(handlers)) {
    const sampler: Sampler = { bucket: new TokenBucket(BURST, PER_SECOND, Date.now()), suppressed: 0 };
    const created = (room: Room) =>
      wrapValidators(logger.child({ room: roomName, roomId: room.roomId }), room, sampler);
    handler.on('create', created);
    stops.push(() => handler.off('create', created));
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

function wrapValidators(logger: AppLogger, room: Room, sampler: Sampler): void {
  const validators = (room as unknown as { onMessageValidators: Record<string, StandardSchema> })
    .onMessageValidators;
  for (const [messageType, schema] of Object.entries(validators)) {
    const standard = schema['~standard'];
    validators[messageType] = {
      '~standard': {
        ...standard,
        validate: (input) => {
          const result = standard.validate(input);
          if (result instanceof Promise || !result.issues) return result;
          if (sampler.bucket.take(Date.now())) {
            const reason = describeIssues(result.issues);
            logger.warn({ messageType, reason, suppressed: sampler.suppressed }, 'message dropped');
            sampler.suppressed = 0;
          } else sampler.suppressed += 1;
          throw new ServerError(400, `invalid "${messageType}" message`);
        },
      },
    };
  }
}

function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((part) => String(typeof part === 'object' ? part.key : part))
        .join('.');
      return `${path || '(message)'}: ${issue.message}`.slice(0, 120);
    })
    .join('; ');
}
