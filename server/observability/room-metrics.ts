import type { RegisteredHandler } from '@colyseus/core';
import type { LayoverMetrics } from './metrics.ts';

/** Room types by name, as `matchMaker.getAllHandlers()` returns them. */
type RoomHandlers = Readonly<Record<string, RegisteredHandler>>;

/**
 * Counts rooms, members and successful joins from Colyseus' own room-type events, so no room has to remember to;
 * refused joins never reach these events and are counted where admission refuses them (`countRefusedJoin`).
 * Returns a function that stops listening.
 */
export function observeRooms(metrics: LayoverMetrics, handlers: RoomHandlers): () => void {
  const stops: (() => void)[] = [];
  for (const [room, handler] of Object.entries(handlers)) {
    const labels = { room };
    metrics.rooms.set(labels, 0);
    metrics.members.set(labels, 0);
    const created = () => metrics.rooms.inc(labels);
    const disposed = () => metrics.rooms.dec(labels);
    const joined = () => {
      metrics.members.inc(labels);
      metrics.joins.inc({ room, outcome: 'joined' });
    };
    const left = () => metrics.members.dec(labels);
    handler.on('create', created);
    handler.on('dispose', disposed);
    handler.on('join', joined);
    handler.on('leave', left);
    stops.push(() => {
      handler.off('create', created);
      handler.off('dispose', disposed);
      handler.off('join', joined);
      handler.off('leave', left);
    });
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

/** A join admission refused, by the code the client was shown (`unauthorized`, `gateClosed`, `banned`, ...). */
export function countRefusedJoin(metrics: LayoverMetrics, room: string, code: string): void {
  metrics.joins.inc({ room, outcome: code });
}
