import type { MessageKey } from '../../core/i18n/en.ts';

/** Server codes (server/http/points-routes.ts) and the client's own (`network`) a member can meet when buying. */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  insufficientPoints: 'points.error.insufficientPoints',
  soldOut: 'points.error.soldOut',
  purchaseLimit: 'points.error.purchaseLimit',
  unknownItem: 'points.error.unknownItem',
  purchaseIdConflict: 'points.error.purchaseIdConflict',
  itemUnavailable: 'points.error.itemUnavailable',
  rateLimited: 'points.error.rateLimited',
  network: 'points.error.network',
  unauthorized: 'points.error.unauthorized',
  sessionExpired: 'points.error.unauthorized',
};

/** The message for a failed points call: what happened and what to do; anything unforeseen reads "try again". */
export function pointsErrorKey(code: string): MessageKey {
  return KNOWN[code] ?? 'points.error.other';
}

/** Why the points could not be loaded: no connection, an ended session, or else plainly "could not load". */
export function loadErrorKey(code: string): MessageKey {
  if (code === 'network') return 'error.network';
  if (code === 'unauthorized' || code === 'sessionExpired') return 'points.error.unauthorized';
  return 'points.error.load';
}

/** Refusals that stand whatever the member does next (no points, no stock, limit, an id the server knows otherwise). */
const FINAL = new Set([
  'insufficientPoints',
  'soldOut',
  'purchaseLimit',
  'unknownItem',
  'purchaseIdConflict',
]);

/** Whether trying the same purchase again can help (the answer was lost, the server was busy). */
export function retryable(code: string): boolean {
  return !FINAL.has(code);
}
