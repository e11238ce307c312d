/** Close codes of a connection lost on the way (going away, no status, abnormal, may-try-reconnect). */
export const NETWORK_DROP_CODES: ReadonlySet<number> = new Set([1001, 1005, 1006, 4010]);

/** Only a lost network earns a reconnection window; a client closed for bad input or by choice is gone. */
export function isNetworkDrop(code: number | undefined): boolean {
  return code !== undefined && NETWORK_DROP_CODES.has(code);
}
